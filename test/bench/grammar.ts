/**
 * Grammar benchmark: corrects a tokenised file line by line with the offline engine and, given
 * references, prints corpus GLEU. Usage: npm run bench:grammar -- --src FILE --out FILE [--refs FILE...]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { corpusGleu } from '../../lambdas/grammar/bench/gleu';
import { detokenize, tokenize } from '../../lambdas/grammar/bench/ptb';
import { bundleEngine, type Engine } from './grammar-engine';

function parseArgs(argv: string[]): { src: string; out: string; refs: string[] } {
  const args: Record<string, string[]> = {};
  let key = '';
  for (const a of argv) {
    if (a.startsWith('--')) args[(key = a.slice(2))] = [];
    else if (key) args[key].push(a);
  }
  const src = args.src?.[0];
  const out = args.out?.[0];
  if (!src || !out) throw new Error('usage: bench:grammar -- --src FILE --out FILE [--refs FILE...]');
  return { src, out, refs: args.refs ?? [] };
}

const lines = (file: string): string[] => readFileSync(file, 'utf8').replace(/\n$/, '').split('\n');

async function main(): Promise<void> {
  const { src, out, refs } = parseArgs(process.argv.slice(2));
  const sources = lines(src);
  // CPU seconds are printed beside wall-clock ones: on a shared machine they vary far less.
  const cpu = (since?: NodeJS.CpuUsage): number => {
    const { user, system } = process.cpuUsage(since);
    return (user + system) / 1e6;
  };
  // Init counts loading the engine's modules (compromise's lexicon is built at import) as well as
  // starting it (Harper's WASM, the word lists).
  const engine = bundleEngine();
  const [t0, c0] = [performance.now(), process.cpuUsage()];
  const { createOfflineCorrector, startHarper } = (await import(engine)) as Engine;
  const modulesMs = performance.now() - t0;
  const corrector = await createOfflineCorrector();
  const [initMs, initCpu] = [performance.now() - t0, cpu(c0)];
  const { source } = await startHarper();
  const [t1, c1] = [performance.now(), process.cpuUsage()];
  const hypotheses: string[] = [];
  // When each quarter of the file was done: V8 is still compiling Harper's hot code early on.
  const quarterEnds = [1, 2, 3, 4].map((q) => Math.round((q * sources.length) / 4));
  const doneAt = new Map<number, number>();
  for (const [i, line] of sources.entries()) {
    hypotheses.push(tokenize((await corrector.correct(detokenize(line))).corrected));
    if (quarterEnds.includes(i + 1)) doneAt.set(i + 1, performance.now());
  }
  const [seconds, cpuSeconds] = [(performance.now() - t1) / 1000, cpu(c1)];
  writeFileSync(out, hypotheses.join('\n') + '\n');
  console.log(`sentences: ${sources.length} (engine: its Lambda bundle)`);
  console.log(`init: ${(initMs / 1000).toFixed(2)} s (modules ${(modulesMs / 1000).toFixed(2)} s, then engine start; CPU ${initCpu.toFixed(2)} s; Harper ${source === 'snapshot' ? 'restored from its snapshot' : 'built'})`);
  console.log(`speed: ${(sources.length / seconds).toFixed(0)} sentences/s after init (${(sources.length / cpuSeconds).toFixed(0)} per CPU second)`);
  if (sources.length >= 4) {
    const rates = quarterEnds.map((end, q) => {
      const [from, since] = q === 0 ? [0, t1] : [quarterEnds[q - 1], doneAt.get(quarterEnds[q - 1])!];
      return ((end - from) / ((doneAt.get(end)! - since) / 1000)).toFixed(0);
    });
    console.log(`speed by quarter of the file: ${rates.join(', ')} sentences/s`);
  }
  if (refs.length) {
    const references = refs.map(lines);
    const roundTrip = sources.map((l) => tokenize(detokenize(l)));
    console.log(`GLEU uncorrected (round trip): ${corpusGleu(sources, roundTrip, references).toFixed(2)}`);
    console.log(`GLEU: ${corpusGleu(sources, hypotheses, references).toFixed(2)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

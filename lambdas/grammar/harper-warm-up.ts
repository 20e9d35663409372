import { Worker } from 'node:worker_threads';

/**
 * Harper's warm-up worker. V8 runs new WASM code first through its baseline compiler, compiled
 * function by function on first call, and recompiles the hot functions with its optimising compiler
 * only after they have run a while: a fresh process's first ~300 lints take 3–10 times as long as
 * later ones. V8 shares a module's compiled code between the threads of a process that compile the
 * same bytes, so a worker thread that restores its own linter from the snapshot and lints sample
 * sentences makes the main thread's linter fast sooner, on a core the main thread is not using.
 * The worker stops after WARM_UP_LINTS lints or WARM_UP_MS, and its linter's memory (~170 MB) goes
 * with it. It is for hosts with a spare core (local mode, the benchmark); the Correct Lambda turns
 * it off (HARPER_WARM_UP=off), as at its memory size it has less than one vCPU.
 */

/** Bundled, the worker is `harper-warm-up.mjs` beside the bundle's chunks; in development, the TypeScript source. */
const BUNDLED_ENTRY = './harper-warm-up.mjs';
const SOURCE_ENTRY = './harper-warm-up-worker.ts';

export const WARM_UP_LINTS = 600;
export const WARM_UP_MS = 10_000;

/**
 * Starts the worker. Resolves with the number of lints it made (0 when it could not start, e.g.
 * under a test runner that cannot load TypeScript in workers): warming up is only ever a speed-up.
 * The worker does not keep the process alive.
 */
export function startHarperWarmUp(): Promise<number> {
  let entry: string;
  try {
    entry = resolveEntry();
  } catch {
    return Promise.resolve(0);
  }
  return new Promise((resolve) => {
    let lints = 0;
    const worker = new Worker(entry, { workerData: { lints: WARM_UP_LINTS, ms: WARM_UP_MS } });
    worker.unref();
    worker.on('message', (n: number) => (lints = n));
    worker.on('error', () => resolve(lints));
    worker.on('exit', () => resolve(lints));
  });
}

function resolveEntry(): string {
  try {
    return require.resolve(BUNDLED_ENTRY);
  } catch {
    return require.resolve(SOURCE_ENTRY);
  }
}

/**
 * What the worker lints: learner English touching the rules we run (agreement, articles, verb forms,
 * confused words, commas), each sentence varied per round so Harper's cache of recent results
 * does not answer instead of the linter.
 */
export const WARM_UP_SENTENCES: readonly string[] = [
  'My sister have two car and she drive them every days.',
  'Yesterday I go to the market and buy a apples for my mother.',
  'There is many reasons why people likes to travel in weekend.',
  'He dont know where is the station, so he ask a police man.',
  'Their going to there house because they forgot they keys.',
  'I am agree with this idea, but I think we should discuss about it more.',
  'She is more taller than her brother and she run faster then him.',
  'Every students in the class has to bring they own book tomorrow.',
  'The informations you gave me was very useful for my researches.',
  'When I was child, I use to play football with my friends after school.',
  'Its important to protect the environment because it effect everyone of us.',
  'Most of people think that money can buy happiness, however it is not true.',
  'I have been living here since five years and I never seen snow.',
  'Can you explain me how this machine works and why it is broken?',
  'The childrens was playing in the park while there parents talked.',
  'If I would have more time, I will learn to play the piano.',
  'He suggested me to take a umbrella because it might rains later.',
  'Although it was raining but we went to the beach anyway.',
  'Nowadays, many young peoples spend too much time on there phones.',
  'She said that she will come to the party, but she didnt came.',
  'In my opinion, the goverment should invest more money in educations.',
  'We discussed about the problem for hours and finally we found an solution.',
  'Despite of the bad weather, the plane landed on time.',
  'This are the best days of my life, and I will never forget them.',
];

/** The sentence for round `round` of the `k`-th warm-up lint: a different text every time. */
export const warmUpText = (k: number): string => `${WARM_UP_SENTENCES[k % WARM_UP_SENTENCES.length]} (${Math.floor(k / WARM_UP_SENTENCES.length)})`;

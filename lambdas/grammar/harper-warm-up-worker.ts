/**
 * The warm-up worker's entry (see harper-warm-up.ts): restores a linter from the snapshot, lints
 * warm-up sentences until its budget is spent, posts how many it linted, and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lintAndForget, restoreHarper } from './harper';
import { warmUpText } from './harper-warm-up';

async function warmUp({ lints, ms }: { lints: number; ms: number }): Promise<void> {
  const linter = await restoreHarper();
  let done = 0;
  if (linter) {
    const until = performance.now() + ms;
    for (; done < lints && performance.now() < until; done++) lintAndForget(linter, warmUpText(done));
    linter.free();
  }
  parentPort?.postMessage(done);
}

void warmUp(workerData as { lints: number; ms: number });

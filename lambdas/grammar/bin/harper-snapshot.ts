/**
 * Writes Harper's linter snapshot (lambdas/grammar/harper-snapshot.ts) when it is missing or belongs
 * to another binary, and prints its path. The house bundler runs it before packaging the Correct
 * function; `npm run grammar:snapshot` runs it by hand.
 */
import { ensureHarperSnapshot } from '../harper';

ensureHarperSnapshot().then(
  (file) => console.log(file),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

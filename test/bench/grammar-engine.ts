/** The offline engine as the grammar benchmarks load it: bundled as the Correct Lambda's bundle is. */
import { buildSync } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { houseBundleOptions, PROJECT_ROOT } from '../../lib/constructs/house-function';
import { PIPELINE_EXTERNALS } from '../../lib/constructs/pipeline';

export type Engine = typeof import('../../lambdas/grammar/bench/engine');

/**
 * Bundles the engine as the Correct Lambda's bundle is made (esbuild, minified, no kept names) into
 * node_modules/.cache, where it finds the word lists, Harper's binary and its snapshot as in a checkout,
 * and returns its URL to import.
 */
export function bundleEngine(): string {
  const outdir = join(PROJECT_ROOT, 'node_modules/.cache/voice-correction/bench-engine');
  // Chunk names carry content hashes: without clearing, every change would leave old chunks behind.
  rmSync(outdir, { recursive: true, force: true });
  buildSync(houseBundleOptions('lambdas/grammar/bench/engine.ts', outdir, PIPELINE_EXTERNALS));
  return pathToFileURL(join(outdir, 'index.mjs')).href;
}

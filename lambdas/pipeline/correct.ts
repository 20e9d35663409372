/** State `Correct`. */
import { stepHandler } from './handler';
import { config, engines, stepPorts, store } from './runtime';
import type { PipelineState } from './state';
import { correct } from './use-cases/correct';

export const handler = stepHandler('Correct', (state: PipelineState) =>
  correct(state, { ...stepPorts(), corrector: engines.corrector, store, workBucket: config.outputBucket }),
);

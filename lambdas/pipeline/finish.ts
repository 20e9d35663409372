/** State `Finish`. */
import { stepHandler } from './handler';
import { config, stepPorts, store } from './runtime';
import type { PipelineState } from './state';
import { finish } from './use-cases/finish';

export const handler = stepHandler('Finish', (state: PipelineState) => finish(state, { ...stepPorts(), store, outputBucket: config.outputBucket }));

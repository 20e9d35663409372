/** State `Accept`. */
import { stepHandler } from './handler';
import { config, engines, stepPorts, store } from './runtime';
import type { PipelineState } from './state';
import { accept } from './use-cases/accept';

export const handler = stepHandler('Accept', (state: PipelineState) =>
  accept(state, {
    ...stepPorts(),
    store,
    codec: engines.codec(),
    maxUploadBytes: config.maxUploadBytes,
    maxDurationSeconds: config.maxDurationSeconds,
  }),
);

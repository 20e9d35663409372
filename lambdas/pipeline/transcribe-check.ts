/** State `CheckTranscription`. */
import { stepHandler } from './handler';
import { config, engines, stepPorts, store } from './runtime';
import type { PipelineState } from './state';
import { checkTranscription } from './use-cases/transcribe';

export const handler = stepHandler('CheckTranscription', (state: PipelineState) =>
  checkTranscription(state, { ...stepPorts(), stt: engines.stt(), store, workBucket: config.outputBucket, timeoutSeconds: config.transcribeTimeoutSeconds }),
);

/** State `StartTranscription`. */
import { stepHandler } from './handler';
import { config, engines, stepPorts, store } from './runtime';
import type { PipelineState } from './state';
import { startTranscription } from './use-cases/transcribe';

export const handler = stepHandler('StartTranscription', (state: PipelineState) =>
  startTranscription(state, { ...stepPorts(), stt: engines.stt(), store, workBucket: config.outputBucket, timeoutSeconds: config.transcribeTimeoutSeconds }),
);

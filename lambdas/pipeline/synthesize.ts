/** State `Synthesize`. */
import { renderFull, renderOwnVoice } from './audio';
import { stepHandler } from './handler';
import { config, engines, stepPorts, store } from './runtime';
import type { PipelineState } from './state';
import { synthesize } from './use-cases/synthesize';

const renderers = { renderOwnVoice, renderFull };

export const handler = stepHandler('Synthesize', (state: PipelineState) =>
  synthesize(state, { ...stepPorts(), store, codec: engines.codec(), tts: engines.tts, renderers, workBucket: config.outputBucket }),
);

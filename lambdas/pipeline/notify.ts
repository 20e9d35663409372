/** State `Notify`. */
import { stepHandler } from './handler';
import { links, stepPorts } from './runtime';
import type { PipelineState } from './state';
import { notifyReady } from './use-cases/notify';

export const handler = stepHandler('Notify', (state: PipelineState) => notifyReady(state, { ...stepPorts(), links: links() }));

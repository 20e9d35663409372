/** Notify: `file-ready` with a fresh download link to every open connection of the owner. Best-effort. */
import type { PipelineState } from '../state';
import { TransientError, toTransient } from '../errors';
import { withTiming, type DownloadLinks, type StepPorts } from './ports';

export interface NotifyPorts extends StepPorts {
  readonly links: DownloadLinks;
}

/**
 * The job is already done and readable through GET /jobs/{id}, so only a transient failure is
 * thrown (for the state machine to retry); anything else is logged and the step succeeds.
 */
export async function notifyReady(state: PipelineState, ports: NotifyPorts): Promise<PipelineState> {
  const began = ports.now();
  try {
    const job = await ports.jobs.get(state.jobId);
    if (!job || job.status !== 'done' || !job.result) {
      ports.log.warn('job is not done; nothing to announce', { jobId: state.jobId, status: job?.status });
      return { ...state, timings: withTiming(state, 'notify', began, ports.now()) };
    }
    const link = await ports.links.sign(job.result.audioKey);
    const timings = withTiming(state, 'notify', began, ports.now());
    const outcome = await ports.notifier.notifyOwner(state.owner, {
      type: 'file-ready',
      jobId: state.jobId,
      downloadUrl: link.url,
      expiresAt: link.expiresAt,
      transcript: job.result.transcript,
      correctedText: job.result.correctedText,
      edits: job.result.edits,
      unchanged: job.result.unchanged,
      timings: { ...(job.timings ?? {}), ...timings },
    });
    ports.log.info('file-ready sent', { jobId: state.jobId, ...outcome });
    return { ...state, timings };
  } catch (error) {
    const mapped = toTransient(error);
    if (mapped instanceof TransientError) throw mapped;
    ports.log.warn('file-ready notification failed; the result stays readable via GET /jobs/{id}', {
      jobId: state.jobId,
      error: String(error),
    });
    return { ...state, timings: withTiming(state, 'notify', began, ports.now()) };
  }
}

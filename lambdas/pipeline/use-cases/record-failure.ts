/**
 * RecordFailure: the one failure path. Reached from every task's Catch (state.failure set) and from
 * an EventBridge rule on execution FAILED / TIMED_OUT / ABORTED, so that nothing ends silently.
 */
import type { FailureCode } from '../../shared/jobs/model';
import type { PipelineState } from '../state';
import type { StepPorts } from './ports';

/** EventBridge "Step Functions Execution Status Change" event (the part we read). */
export interface ExecutionStatusEvent {
  readonly 'detail-type': string;
  readonly detail: {
    readonly status: string;
    readonly name?: string;
    readonly executionArn?: string;
    /** JSON string of the execution's initial input. */
    readonly input?: string | null;
    readonly error?: string | null;
    readonly cause?: string | null;
  };
}

export type FailureInput = PipelineState | ExecutionStatusEvent;

const REASONS: Record<Exclude<FailureCode, 'internal-error'>, string> = {
  'not-audio': 'The file is not a recording in a supported format.',
  'too-long': 'The recording is longer than the limit.',
  'too-large': 'The file is larger than the limit.',
  'no-speech': 'No speech was found in the recording.',
  'transcription-failed': 'The recording could not be transcribed.',
  timeout: 'Processing took too long and was stopped.',
  'correction-failed': 'The grammar correction failed.',
  'synthesis-failed': 'The corrected audio could not be produced.',
};
const INTERNAL_REASON = 'Something went wrong while processing the recording. Please try again.';

const CODES: Record<string, Exclude<FailureCode, 'internal-error'>> = {
  NotAudio: 'not-audio',
  TooLong: 'too-long',
  TooLarge: 'too-large',
  NoSpeech: 'no-speech',
  TranscriptionFailed: 'transcription-failed',
  TranscriptionTimeout: 'timeout',
  'States.Timeout': 'timeout',
  TIMED_OUT: 'timeout',
  CorrectionFailed: 'correction-failed',
  SynthesisFailed: 'synthesis-failed',
};

/**
 * Error name → machine code and human reason. Our named errors carry client-safe messages (read
 * from the Lambda Cause JSON); anything else gets a generic reason and never its raw text.
 */
export function mapFailure(error: string | undefined, cause: string | undefined): { code: FailureCode; reason: string } {
  const code = error === undefined ? undefined : CODES[error];
  if (!code) return { code: 'internal-error', reason: INTERNAL_REASON };
  const message = lambdaErrorMessage(cause, error);
  return { code, reason: message ?? REASONS[code] };
}

/** The errorMessage of a Lambda error Cause, only when its errorType is the error we mapped. */
function lambdaErrorMessage(cause: string | undefined, error: string | undefined): string | undefined {
  if (!cause) return undefined;
  try {
    const parsed = JSON.parse(cause) as { errorType?: unknown; errorMessage?: unknown };
    return parsed.errorType === error && typeof parsed.errorMessage === 'string' && parsed.errorMessage.trim() !== ''
      ? parsed.errorMessage
      : undefined;
  } catch {
    return undefined;
  }
}

function isStatusEvent(input: FailureInput): input is ExecutionStatusEvent {
  return typeof (input as ExecutionStatusEvent).detail === 'object' && (input as ExecutionStatusEvent).detail !== null;
}

/** Both input shapes → the job, the error name and its cause. */
export function normaliseFailure(input: FailureInput): { state?: PipelineState; jobId?: string; owner?: string; error?: string; cause?: string } {
  if (!isStatusEvent(input)) {
    return { state: input, jobId: input.jobId, owner: input.owner, error: input.failure?.Error, cause: input.failure?.Cause };
  }
  const { detail } = input;
  let initial: Partial<PipelineState> = {};
  try {
    initial = detail.input ? (JSON.parse(detail.input) as Partial<PipelineState>) : {};
  } catch {
    initial = {};
  }
  const error = detail.error ?? (detail.status === 'TIMED_OUT' ? 'TIMED_OUT' : detail.status);
  return { jobId: initial.jobId ?? detail.name, owner: initial.owner, error, cause: detail.cause ?? undefined };
}

export interface FailureOutcome {
  readonly recorded: boolean;
  readonly code?: FailureCode;
}

export async function recordFailure(input: FailureInput, ports: StepPorts): Promise<FailureOutcome> {
  const { jobId, error, cause } = normaliseFailure(input);
  if (!jobId) {
    ports.log.warn('failure without a job id; nothing to record', { error });
    return { recorded: false };
  }
  const job = await ports.jobs.get(jobId);
  if (!job) {
    ports.log.warn('failure for an unknown job', { jobId, error });
    return { recorded: false };
  }
  if (job.status === 'done' || job.status === 'failed') {
    ports.log.info('job already finished; failure not recorded again', { jobId, status: job.status, error });
    return { recorded: false };
  }
  const { code, reason } = mapFailure(error, cause);
  ports.log.warn('job failed', { jobId, error, code, cause });
  await ports.jobs.update(jobId, { status: 'failed', error: { code, reason } });
  try {
    await ports.notifier.notifyOwner(job.owner, { type: 'file-failed', jobId, code, reason });
  } catch (notifyError) {
    ports.log.warn('file-failed notification failed', { jobId, error: String(notifyError) });
  }
  return { recorded: true, code };
}

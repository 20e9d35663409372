/**
 * Named pipeline errors. Step Functions sees a thrown error's `name` as the Error it matches in
 * Retry/Catch and fail.ts maps to a FailureCode, so names are set explicitly (never from the
 * class name, which a minifier may change). Messages of the user-facing errors are client-safe.
 */
export const ERROR_NAMES = [
  'NotAudio',
  'TooLong',
  'TooLarge',
  'NoSpeech',
  'TranscriptionFailed',
  'TranscriptionTimeout',
  'CorrectionFailed',
  'SynthesisFailed',
  'TransientError',
  'JobRejected',
] as const;
export type PipelineErrorName = (typeof ERROR_NAMES)[number];

export abstract class PipelineError extends Error {
  abstract override readonly name: PipelineErrorName;
}

/** The upload is not audio this product reads. */
export class NotAudio extends PipelineError {
  readonly name = 'NotAudio';
}
/** The recording is longer than MAX_DURATION_SECONDS. */
export class TooLong extends PipelineError {
  readonly name = 'TooLong';
}
/** The upload is bigger than MAX_UPLOAD_BYTES. */
export class TooLarge extends PipelineError {
  readonly name = 'TooLarge';
}
/** The transcript has no words. */
export class NoSpeech extends PipelineError {
  readonly name = 'NoSpeech';
}
/** The speech-to-text engine reported a failure. */
export class TranscriptionFailed extends PipelineError {
  readonly name = 'TranscriptionFailed';
}
/** The transcription did not finish before its deadline. */
export class TranscriptionTimeout extends PipelineError {
  readonly name = 'TranscriptionTimeout';
}
/** The grammar corrector failed or returned edits that do not fit the text. */
export class CorrectionFailed extends PipelineError {
  readonly name = 'CorrectionFailed';
}
/** Producing the corrected audio failed. */
export class SynthesisFailed extends PipelineError {
  readonly name = 'SynthesisFailed';
}
/** Throttling, 5xx or a network timeout: the state machine retries it with backoff. */
export class TransientError extends PipelineError {
  readonly name = 'TransientError';
}
/** The job is missing, belongs to someone else or is not waiting for this upload (fails as internal-error). */
export class JobRejected extends PipelineError {
  readonly name = 'JobRejected';
}

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'ProvisionedThroughputExceededException',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'LimitExceededException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalFailure',
  'InternalServerError',
  'InternalServerException',
  'InternalError',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);
const NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND']);

/** True for AWS SDK throttling, 5xx and network errors. */
export function isTransient(error: unknown): boolean {
  if (error instanceof TransientError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: string; code?: string; $retryable?: unknown; $metadata?: { httpStatusCode?: number } };
  if (e.name !== undefined && THROTTLING.has(e.name)) return true;
  if (e.code !== undefined && NETWORK.has(e.code)) return true;
  if (e.$retryable) return true;
  const status = e.$metadata?.httpStatusCode;
  return status !== undefined && status >= 500;
}

/** Turns a transient error into TransientError (keeping the original as cause); returns others unchanged. */
export function toTransient(error: unknown): unknown {
  if (error instanceof TransientError || !isTransient(error)) return error;
  const e = error as { name?: string; message?: string };
  return new TransientError(`${e.name ?? 'Error'}: ${e.message ?? 'transient failure'}`, { cause: error });
}

/**
 * Rethrows a transient error as TransientError, a PipelineError as it is, and anything else
 * wrapped by `wrap` (so a step's own failure code is used).
 */
export function rethrow(error: unknown, wrap?: (message: string) => PipelineError): never {
  const mapped = toTransient(error);
  if (mapped instanceof PipelineError || !wrap) throw mapped;
  throw Object.assign(wrap(error instanceof Error ? error.message : String(error)), { cause: error });
}

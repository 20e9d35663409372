/** The job: one recording's way through the product. Pure types, shared by every handler. */

/** Where a job is. `awaiting-upload` → `uploaded` → `processing` → … → `done` | `failed`. */
export const JOB_STATUSES = [
  'awaiting-upload',
  'uploaded',
  'processing',
  'transcribing',
  'correcting',
  'synthesizing',
  'done',
  'failed',
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Languages a job may ask for (English variants that Transcribe, Polly and the corrector all serve). */
export const LANGUAGES = ['en-US', 'en-GB', 'en-AU', 'en-IN', 'en-IE', 'en-NZ', 'en-ZA'] as const;
export type Language = (typeof LANGUAGES)[number];

export const OUTPUT_MODES = ['own-voice', 'full'] as const;
/** `own-voice`: original recording with only edited spans re-spoken; `full`: whole corrected text re-spoken. */
export type OutputMode = (typeof OUTPUT_MODES)[number];

/** One change made by the corrector, with times in seconds in the original recording. */
export interface TimedEdit {
  readonly start: number;
  readonly end: number;
  readonly original: string;
  readonly corrected: string;
}

/** Machine codes for a failed job; each has a human reason beside it. */
export const FAILURE_CODES = [
  'not-audio',
  'too-long',
  'too-large',
  'no-speech',
  'transcription-failed',
  'correction-failed',
  'synthesis-failed',
  'timeout',
  'internal-error',
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

export interface JobResult {
  readonly transcript: string;
  readonly correctedText: string;
  readonly edits: readonly TimedEdit[];
  /** True when there were no edits and the original recording is returned as it was. */
  readonly unchanged: boolean;
  /** Key of result.json in the output bucket. */
  readonly resultKey: string;
  /** Key of the corrected mp3 in the output bucket. */
  readonly audioKey: string;
}

export interface Job {
  readonly jobId: string;
  /** The `sub` claim of the token that created the job. */
  readonly owner: string;
  readonly status: JobStatus;
  /** Sanitised client file name: metadata only, never part of a key. */
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  /** BCP-47 code such as en-US; absent means identify automatically. */
  readonly language?: string;
  readonly outputMode: OutputMode;
  /** Key of the uploaded object: `uploads/{owner}/{jobId}/source`. */
  readonly uploadKey: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Epoch seconds; DynamoDB TTL attribute. */
  readonly expiresAt: number;
  /** Milliseconds spent in each stage, filled as the pipeline runs. */
  readonly timings?: Readonly<Record<string, number>>;
  readonly result?: JobResult;
  readonly error?: { readonly code: FailureCode; readonly reason: string };
}

/** Key layout, in one place. The owner prefix is what keeps one person's files from another's. */
export const keys = {
  upload: (owner: string, jobId: string) => `uploads/${owner}/${jobId}/source`,
  uploadPrefix: (owner: string) => `uploads/${owner}/`,
  work: (owner: string, jobId: string, name: string) => `staging/${owner}/${jobId}/${name}`,
  result: (owner: string, jobId: string) => `results/${owner}/${jobId}/result.json`,
  audio: (owner: string, jobId: string) => `results/${owner}/${jobId}/corrected.mp3`,
  /** Parses an upload key back into owner and job id; undefined when it is not one of ours. */
  parseUpload(key: string): { owner: string; jobId: string } | undefined {
    const m = /^uploads\/([^/]+)\/([^/]+)\/source$/.exec(key);
    return m ? { owner: m[1], jobId: m[2] } : undefined;
  },
};

/** A page of jobs, newest first. */
export interface JobPage {
  readonly items: readonly Job[];
  /** Opaque cursor for the next page; absent on the last page. */
  readonly nextToken?: string;
}

/** The jobs store port. DynamoDB in AWS; the local runtime may back it with the same adapter. */
export interface JobRepository {
  create(job: Job): Promise<void>;
  get(jobId: string): Promise<Job | undefined>;
  listByOwner(owner: string, limit: number, nextToken?: string): Promise<JobPage>;
  /** Applies a partial update and bumps updatedAt; returns the updated job. */
  update(jobId: string, changes: Partial<Omit<Job, 'jobId' | 'owner' | 'createdAt'>>): Promise<Job>;
}

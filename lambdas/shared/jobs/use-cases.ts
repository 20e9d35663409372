/** The jobs API's logic, free of HTTP and AWS: ports come in, plain values go out. */
import { keys, type Job, type JobRepository } from './model';
import { AUDIO_CONTENT_TYPES, MIN_UPLOAD_BYTES, type CreateUploadInput, type ListJobsQuery } from './schemas';
import { JobNotFoundError, UnsupportedContentTypeError, UploadTooLargeError } from './errors';
import type { UploadPresigner, PresignedUpload } from './upload-presigner';
import type { DownloadUrlSigner } from '../delivery/download-url';

export interface Clock {
  now(): Date;
}

export interface CreateUploadDeps {
  readonly jobs: JobRepository;
  readonly presigner: UploadPresigner;
  readonly clock: Clock;
  readonly newId: () => string;
  readonly limits: { readonly maxUploadBytes: number; readonly uploadUrlTtlSeconds: number; readonly jobTtlDays: number };
}

export interface CreateUploadResult {
  readonly jobId: string;
  readonly upload: PresignedUpload;
  readonly expiresAt: string;
}

/** S3 metadata must be ASCII: the name is NFC-normalised and percent-encoded (decodeURIComponent restores it). */
export const metadataFileName = (fileName: string) => encodeURIComponent(fileName.normalize('NFC'));

export async function createUpload(owner: string, input: CreateUploadInput, deps: CreateUploadDeps): Promise<CreateUploadResult> {
  const contentType = input.contentType.toLowerCase();
  if (!(AUDIO_CONTENT_TYPES as readonly string[]).includes(contentType)) throw new UnsupportedContentTypeError(input.contentType, AUDIO_CONTENT_TYPES);
  if (input.size > deps.limits.maxUploadBytes) throw new UploadTooLargeError(input.size, deps.limits.maxUploadBytes);

  const now = deps.clock.now();
  const jobId = deps.newId();
  const uploadKey = keys.upload(owner, jobId);
  const fileName = input.fileName.normalize('NFC');
  const upload = await deps.presigner.presign({
    key: uploadKey,
    contentType,
    minBytes: MIN_UPLOAD_BYTES,
    maxBytes: deps.limits.maxUploadBytes,
    expiresSeconds: deps.limits.uploadUrlTtlSeconds,
    metadata: { 'file-name': metadataFileName(fileName), 'job-id': jobId },
  });
  const job: Job = {
    jobId,
    owner,
    status: 'awaiting-upload',
    fileName,
    contentType,
    size: input.size,
    ...(input.language && { language: input.language }),
    outputMode: input.outputMode,
    uploadKey,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + deps.limits.jobTtlDays * 86_400,
  };
  await deps.jobs.create(job);
  return { jobId, upload, expiresAt: new Date(now.getTime() + deps.limits.uploadUrlTtlSeconds * 1000).toISOString() };
}

/** What a client sees of a job: no keys, no owner, no TTL; a fresh download URL when done. */
export interface JobView {
  readonly jobId: string;
  readonly status: Job['status'];
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly language?: string;
  readonly outputMode: Job['outputMode'];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly timings?: Job['timings'];
  readonly error?: Job['error'];
  readonly result?: {
    readonly transcript: string;
    readonly correctedText: string;
    readonly edits: NonNullable<Job['result']>['edits'];
    readonly unchanged: boolean;
    readonly downloadUrl: string;
    readonly downloadExpiresAt: string;
  };
}

export interface ReadDeps {
  readonly jobs: JobRepository;
  readonly signer: DownloadUrlSigner;
}

export async function toJobView(job: Job, signer: DownloadUrlSigner): Promise<JobView> {
  const { jobId, status, fileName, contentType, size, language, outputMode, createdAt, updatedAt, timings, error, result } = job;
  const view: JobView = {
    jobId,
    status,
    fileName,
    contentType,
    size,
    ...(language !== undefined && { language }),
    outputMode,
    createdAt,
    updatedAt,
    ...(timings !== undefined && { timings }),
    ...(error !== undefined && { error: { code: error.code, reason: error.reason } }),
  };
  if (status !== 'done' || !result) return view;
  const signed = await signer.sign(result.audioKey);
  return {
    ...view,
    result: {
      transcript: result.transcript,
      correctedText: result.correctedText,
      edits: result.edits.map(({ start, end, original, corrected }) => ({ start, end, original, corrected })),
      unchanged: result.unchanged,
      downloadUrl: signed.url,
      downloadExpiresAt: signed.expiresAt,
    },
  };
}

export async function listJobs(owner: string, query: ListJobsQuery, deps: ReadDeps): Promise<{ items: JobView[]; nextToken?: string }> {
  const page = await deps.jobs.listByOwner(owner, query.limit, query.nextToken);
  // The index is the caller's partition already; the filter guards against a mis-wired adapter.
  const items = await Promise.all(page.items.filter((j) => j.owner === owner).map((j) => toJobView(j, deps.signer)));
  return { items, ...(page.nextToken && { nextToken: page.nextToken }) };
}

export async function getJob(owner: string, jobId: string, deps: ReadDeps): Promise<JobView> {
  const job = await deps.jobs.get(jobId);
  if (!job || job.owner !== owner) throw new JobNotFoundError(jobId);
  return toJobView(job, deps.signer);
}

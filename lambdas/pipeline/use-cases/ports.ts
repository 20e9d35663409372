/** Ports the pipeline use-cases need beyond the shared engine ports; adapters implement them. */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { JobRepository, JobStatus } from '../../shared/jobs/model';
import type { Notifier } from '../../shared/notifications/messages';
import type { PipelineState } from '../state';

/** Object storage (S3 in AWS, s3rver locally). */
export interface ObjectStore {
  getBytes(bucket: string, key: string): Promise<Uint8Array>;
  putBytes(bucket: string, key: string, body: Uint8Array, contentType: string): Promise<void>;
  getJson<T>(bucket: string, key: string): Promise<T>;
  putJson(bucket: string, key: string, value: unknown): Promise<void>;
  copy(bucket: string, fromKey: string, toKey: string, contentType: string): Promise<void>;
}

/** Signs a time-limited download URL for an object in the output bucket. */
export interface DownloadLinks {
  sign(key: string): Promise<{ readonly url: string; readonly expiresAt: string }>;
}

/** The few log calls a use-case makes. */
export type Log = Pick<Logger, 'info' | 'warn'>;

/** What every step shares. */
export interface StepPorts {
  readonly jobs: JobRepository;
  readonly notifier: Notifier;
  readonly log: Log;
  /** Milliseconds since the epoch; injected so tests control time. */
  readonly now: () => number;
}

/** Moves the job to a new status and tells the owner, best-effort (a notification failure never fails the step). */
export async function setStatus(ports: StepPorts, state: PipelineState, status: JobStatus): Promise<void> {
  await ports.jobs.update(state.jobId, { status });
  try {
    await ports.notifier.notifyOwner(state.owner, { type: 'job-status', jobId: state.jobId, status });
  } catch (error) {
    ports.log.warn('job-status notification failed', { jobId: state.jobId, status, error: String(error) });
  }
}

/** Adds a stage's duration (ms since `since`) to the timings. */
export function withTiming(state: PipelineState, stage: string, since: number, now: number): Record<string, number> {
  return { ...state.timings, [stage]: Math.max(0, Math.round(now - since)) };
}

/** Settings of the upload and jobs context, read once. */
import { ENV, positiveInt, required } from '../config';

type Env = Record<string, string | undefined>;

export interface JobsConfig {
  readonly jobsTable: string;
}

export interface UploadConfig {
  readonly uploadBucket: string;
  /** Default 100 MB. */
  readonly maxUploadBytes: number;
  /** Default 300 s. */
  readonly uploadUrlTtlSeconds: number;
  /** Default 30 days. */
  readonly jobTtlDays: number;
}

export const loadJobsConfig = (env: Env = process.env): JobsConfig => ({ jobsTable: required(ENV.jobsTable, env) });

export const loadUploadConfig = (env: Env = process.env): UploadConfig => ({
  uploadBucket: required(ENV.uploadBucket, env),
  maxUploadBytes: positiveInt(ENV.maxUploadBytes, 104_857_600, env),
  uploadUrlTtlSeconds: positiveInt(ENV.uploadUrlTtlSeconds, 300, env),
  jobTtlDays: positiveInt(ENV.jobTtlDays, 30, env),
});

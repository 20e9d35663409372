/**
 * Configuration read once at load, through one typed accessor that fails fast.
 * Every Lambda and the local runtime go through here; nothing else reads process.env.
 */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** A required string setting; throws naming the variable when it is missing or empty. */
export function required(name: string, env: Env = process.env): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') {
    throw new ConfigError(`Missing required configuration ${name}: set it in the function environment (CDK) or the local runtime config`);
  }
  return value;
}

/** An optional string setting with a default. */
export function optional(name: string, fallback: string, env: Env = process.env): string {
  const value = env[name];
  return value === undefined || value.trim() === '' ? fallback : value;
}

/** An optional setting that may be absent. */
export function maybe(name: string, env: Env = process.env): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** A positive integer setting with a default; rejects anything else with the value it saw. */
export function positiveInt(name: string, fallback: number, env: Env = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) {
    throw new ConfigError(`Configuration ${name} must be a positive integer, got "${raw}"`);
  }
  return n;
}

/** One of a fixed set of values, with a default. */
export function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T, env: Env = process.env): T {
  const raw = optional(name, fallback, env);
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`Configuration ${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

/** A comma-separated list setting. */
export function list(name: string, env: Env = process.env): string[] {
  return required(name, env)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Names of every environment variable the product reads. The CDK constructs and the local
 * runtime set these; handlers read them through the accessors above.
 */
export const ENV = {
  /** DynamoDB table of jobs. */
  jobsTable: 'JOBS_TABLE',
  /** DynamoDB table of WebSocket connections. */
  connectionsTable: 'CONNECTIONS_TABLE',
  /** S3 bucket that receives uploads. */
  uploadBucket: 'UPLOAD_BUCKET',
  /** S3 bucket for results and intermediate work files. */
  outputBucket: 'OUTPUT_BUCKET',
  /** Cognito user pool id, e.g. eu-west-1_AbCdEf123. */
  userPoolId: 'USER_POOL_ID',
  /** Comma-separated app client ids whose tokens are accepted (public client, service client). */
  userPoolClientIds: 'USER_POOL_CLIENT_IDS',
  /** Optional: where to fetch the JWKS instead of Cognito's public URL (local mode only). */
  jwksUri: 'AUTH_JWKS_URI',
  /** Largest accepted upload in bytes (default 100 MB). */
  maxUploadBytes: 'MAX_UPLOAD_BYTES',
  /** Lifetime of a presigned upload in seconds (default 300). */
  uploadUrlTtlSeconds: 'UPLOAD_URL_TTL_SECONDS',
  /** Days a job record lives before DynamoDB TTL removes it (default 30). */
  jobTtlDays: 'JOB_TTL_DAYS',
  /** Optional S3 endpoint override (local mode: the s3rver URL). */
  s3Endpoint: 'S3_ENDPOINT',
} as const;

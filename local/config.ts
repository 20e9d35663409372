/** Local runtime knobs (LOCAL_*), read once through the shared accessors; startLocal options win over them. */
import { ConfigError, maybe, oneOf, optional } from '../lambdas/shared/config';

export interface LocalPorts {
  readonly http: number;
  readonly ws: number;
  readonly s3: number;
  readonly auth: number;
  readonly sfn: number;
}

export interface LocalConfig {
  /** Where users, keys, tables, objects and outputs.json live (default `.local-data`). */
  readonly dataDir: string;
  /** Interface every server listens on (default 127.0.0.1: loopback only). */
  readonly host: string;
  /** 0 = any free port. */
  readonly ports: LocalPorts;
  /** WebSocket stage name, the last path segment of WebSocketUrl (default `local`). */
  readonly wsStage: string;
  /** Sign-up confirms the user at once (default true); codes are printed either way. */
  readonly autoConfirm: boolean;
  /** Milliseconds each Wait state really waits (default 250). */
  readonly waitMs: number;
  /** Milliseconds between Retry attempts (default 200). */
  readonly retryMs: number;
  /** Write what happens (codes, executions) to the console (default true). */
  readonly verbose: boolean;
}

function port(name: string): number {
  const raw = maybe(name);
  if (raw === undefined) return 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`Configuration ${name} must be a port number 0..65535, got "${raw}"`);
  return n;
}

function millis(name: string, fallback: number): number {
  const raw = maybe(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`Configuration ${name} must be a whole number of milliseconds, got "${raw}"`);
  return n;
}

const bool = (name: string, fallback: boolean): boolean => oneOf(name, ['true', 'false'] as const, fallback ? 'true' : 'false') === 'true';

/** The knobs from the environment. */
export function readLocalConfig(): LocalConfig {
  return {
    dataDir: optional('LOCAL_DATA_DIR', '.local-data'),
    host: optional('LOCAL_HOST', '127.0.0.1'),
    ports: {
      http: port('LOCAL_HTTP_PORT'),
      ws: port('LOCAL_WS_PORT'),
      s3: port('LOCAL_S3_PORT'),
      auth: port('LOCAL_AUTH_PORT'),
      sfn: port('LOCAL_SFN_PORT'),
    },
    wsStage: optional('LOCAL_WS_STAGE', 'local'),
    autoConfirm: bool('LOCAL_AUTO_CONFIRM', true),
    waitMs: millis('LOCAL_WAIT_MS', 250),
    retryMs: millis('LOCAL_RETRY_MS', 200),
    verbose: bool('LOCAL_VERBOSE', true),
  };
}

/** Fixed names of the local stack: the same shape the CDK app outputs. */
export const LOCAL = {
  stackName: 'VoiceCorrectionLocal',
  region: 'us-east-1',
  account: '000000000000',
  userPoolId: 'us-east-1_LocalPool',
  uploadBucket: 'voice-correction-uploads',
  outputBucket: 'voice-correction-outputs',
  jobsTable: 'voice-correction-jobs',
  connectionsTable: 'voice-correction-connections',
  stateMachineName: 'VoiceCorrectionPipeline',
  /** s3rver's built-in account: it checks the key id, not the signature. */
  accessKeyId: 'S3RVER',
  secretAccessKey: 'S3RVER',
} as const;

export const issuer = `https://cognito-idp.${LOCAL.region}.amazonaws.com/${LOCAL.userPoolId}`;
export const stateMachineArn = `arn:aws:states:${LOCAL.region}:${LOCAL.account}:stateMachine:${LOCAL.stateMachineName}`;

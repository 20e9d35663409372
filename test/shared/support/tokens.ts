/** Real RS256 Cognito-shaped tokens signed with keys made in the test: no network, no fixtures. */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

export const POOL_ID = 'eu-west-1_TestPool1';
export const ISSUER = `https://cognito-idp.eu-west-1.amazonaws.com/${POOL_ID}`;
export const WEB_CLIENT = 'webclient123';
export const SERVICE_CLIENT = 'serviceclient456';

export interface TestKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly jwk: Record<string, unknown>;
}

export function makeKey(kid: string): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } };
}

export const primaryKey = makeKey('key-1');

export function jwksOf(...keys: TestKey[]) {
  return { keys: keys.map((k) => k.jwk) } as { keys: { kid: string; kty: string }[] };
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

export function signToken(claims: Record<string, unknown>, key: TestKey = primaryKey, kid: string = key.kid): string {
  const head = b64({ alg: 'RS256', kid, typ: 'JWT' });
  const body = b64(claims);
  const signature = sign('sha256', Buffer.from(`${head}.${body}`), key.privateKey).toString('base64url');
  return `${head}.${body}.${signature}`;
}

const now = () => Math.floor(Date.now() / 1000);

export function accessToken(overrides: Record<string, unknown> = {}, key?: TestKey): string {
  return signToken(
    { sub: 'user-1', iss: ISSUER, client_id: WEB_CLIENT, token_use: 'access', scope: 'openid email', username: 'alice', iat: now(), exp: now() + 600, jti: 'j1', ...overrides },
    key,
  );
}

export function idToken(overrides: Record<string, unknown> = {}, key?: TestKey): string {
  return signToken(
    { sub: 'user-1', iss: ISSUER, aud: WEB_CLIENT, token_use: 'id', 'cognito:username': 'alice', email: 'alice@example.com', iat: now(), exp: now() + 600, ...overrides },
    key,
  );
}

export function serviceToken(scopes: string[], overrides: Record<string, unknown> = {}): string {
  return signToken({ sub: SERVICE_CLIENT, iss: ISSUER, client_id: SERVICE_CLIENT, token_use: 'access', scope: scopes.join(' '), iat: now(), exp: now() + 600, jti: 'j2', ...overrides });
}

/** Environment every handler test loads before importing a handler. */
export const TEST_ENV: Record<string, string> = {
  USER_POOL_ID: POOL_ID,
  USER_POOL_CLIENT_IDS: `${WEB_CLIENT},${SERVICE_CLIENT}`,
  JOBS_TABLE: 'jobs-table',
  CONNECTIONS_TABLE: 'connections-table',
  UPLOAD_BUCKET: 'upload-bucket',
  OUTPUT_BUCKET: 'output-bucket',
  WS_ENDPOINT: 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod',
  DOWNLOAD_URL_SIGNER: 's3-presigned',
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'AKIDTEST',
  AWS_SECRET_ACCESS_KEY: 'secret-test',
  POWERTOOLS_METRICS_NAMESPACE: 'VoiceCorrectionTest',
  POWERTOOLS_METRICS_DISABLED: 'true',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
};

import { generateKeyPairSync, createPublicKey, sign } from 'node:crypto';
import type { Server } from 'node:http';
import { httpApiServer } from '../../local/http-api';
import { close, listen } from '../../local/http-util';

const issuer = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_LocalPool';
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const { n, e } = createPublicKey(privateKey).export({ format: 'jwk' });
const jwks = { keys: [{ kty: 'RSA', alg: 'RS256', use: 'sig', kid: 'k1', n: String(n), e: String(e) }] };

function jwt(payload: Record<string, unknown>): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${b64({ kid: 'k1', alg: 'RS256' })}.${b64(payload)}`;
  return `${input}.${sign('RSA-SHA256', Buffer.from(input), privateKey).toString('base64url')}`;
}

const now = () => Math.floor(Date.now() / 1000);

describe('local HTTP API', () => {
  let server: Server;
  let base: string;
  const seen: any[] = [];

  beforeEach(async () => {
    seen.length = 0;
    const handler = async (event: any) => {
      seen.push(event);
      return { statusCode: 201, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ok: true }) };
    };
    server = httpApiServer(
      [
        { routeKey: 'GET /jobs/{id}', jwt: true, handler: async () => handler, functionName: 'get-job' },
        { routeKey: 'GET /token/verify', jwt: false, handler: async () => handler, functionName: 'verify' },
      ],
      { issuer, audience: ['web'], jwks },
    );
    base = `http://127.0.0.1:${await listen(server, '127.0.0.1', 0)}`;
  });
  afterEach(() => close(server));

  it('answers 401 before the handler on a JWT route when the token is missing, foreign or for another client', async () => {
    const foreign = jwt({ iss: 'https://example.com', aud: 'web', token_use: 'id', sub: 's', exp: now() + 60, iat: now() });
    const otherClient = jwt({ iss: issuer, aud: 'other', token_use: 'id', sub: 's', exp: now() + 60, iat: now() });
    for (const authorization of [undefined, `Bearer ${foreign}`, `Bearer ${otherClient}`]) {
      const res = await fetch(`${base}/jobs/j1`, { headers: authorization ? { authorization } : {} });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ message: 'Unauthorized' });
    }
    expect(seen).toEqual([]);
  });

  it('builds a payload 2.0 event with path parameters and string claims, and returns the handler response', async () => {
    const token = jwt({ iss: issuer, client_id: 'web', token_use: 'access', scope: 'a b', sub: 'alice', exp: now() + 60, iat: now() });
    const res = await fetch(`${base}/jobs/j%201?x=1`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.json()).toEqual({ ok: true });
    expect(seen[0]).toMatchObject({
      version: '2.0',
      routeKey: 'GET /jobs/{id}',
      rawPath: '/jobs/j%201',
      pathParameters: { id: 'j 1' },
      queryStringParameters: { x: '1' },
      headers: { authorization: `Bearer ${token}` },
      requestContext: { http: { method: 'GET' }, authorizer: { jwt: { claims: { sub: 'alice', client_id: 'web', exp: expect.any(String) }, scopes: ['a', 'b'] } } },
    });
  });

  it('passes an unauthenticated request straight to a route without the authorizer, and 404s unknown routes', async () => {
    expect((await fetch(`${base}/token/verify`)).status).toBe(201);
    expect(seen[0].requestContext.authorizer).toBeUndefined();
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });
});

import '../shared/support/env';
import { handler } from '../../lambdas/http/verify-token';
import { tokenVerifier } from '../../lambdas/shared/auth';
import { accessToken, idToken, jwksOf, makeKey, primaryKey, serviceToken, SERVICE_CLIENT, WEB_CLIENT } from '../shared/support/tokens';
import { call, httpEvent } from '../shared/support/http-event';

beforeAll(() => tokenVerifier().cacheJwks(jwksOf(primaryKey) as never));

const verify = (token?: string, headers?: Record<string, string>) => call(handler, httpEvent({ path: '/token/verify', token, headers }));

describe('GET /token/verify', () => {
  it('returns the principal and claims of a user access token', async () => {
    const res = await verify(accessToken());
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatchObject({ valid: true, principal: { kind: 'user', owner: 'user-1', clientId: WEB_CLIENT, username: 'alice', scopes: ['openid', 'email'] }, tokenUse: 'access' });
    expect(res.body.claims).toMatchObject({ sub: 'user-1', token_use: 'access', jti: 'j1' });
    expect(new Date(res.body.expiresAt).toISOString()).toBe(res.body.expiresAt);
  });

  it('returns the email of an id token', async () => {
    const res = await verify(idToken());
    expect(res.body).toMatchObject({ valid: true, principal: { email: 'alice@example.com', kind: 'user' }, tokenUse: 'id' });
  });

  it('recognises a client-credentials token as a service', async () => {
    const res = await verify(serviceToken(['voice-correction/jobs.read']));
    expect(res.body.principal).toEqual({ kind: 'service', owner: SERVICE_CLIENT, clientId: SERVICE_CLIENT, scopes: ['voice-correction/jobs.read'] });
  });

  const now = () => Math.floor(Date.now() / 1000);
  it.each<[string, () => Promise<{ statusCode?: number; body: { error: string; message: string }; headers: Record<string, unknown> }>, string]>([
    ['missing', () => verify(undefined), 'missing token'],
    ['not a bearer header', () => verify(undefined, { authorization: 'Basic abc' }), 'malformed token'],
    ['malformed', () => verify('a.b'), 'malformed token'],
    ['expired', () => verify(accessToken({ exp: now() - 10 })), 'token expired'],
    ['foreign audience', () => verify(accessToken({ client_id: 'another-app' })), 'wrong audience'],
    ['foreign issuer', () => verify(accessToken({ iss: 'https://evil.example.com' })), 'wrong issuer'],
    ['forged signature', () => verify(accessToken({}, makeKey('key-1'))), 'invalid signature'],
  ])('fails with 401 for a %s token', async (_name, run, reason) => {
    const res = await run();
    expect(res.statusCode).toBe(401);
    expect(res.body).toEqual({ error: 'unauthorized', message: reason });
    expect(res.headers['www-authenticate']).toContain('invalid_token');
  });
});

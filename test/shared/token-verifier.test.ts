import type { Fetcher } from 'aws-jwt-verify/https';
import { createTokenVerifier, bearerToken, FixedUriFetcher, UnauthorizedError, requireScope, ForbiddenError, type AuthConfig } from '../../lambdas/shared/auth';
import { ISSUER, POOL_ID, SERVICE_CLIENT, WEB_CLIENT, accessToken, idToken, jwksOf, makeKey, primaryKey, serviceToken, signToken } from './support/tokens';

const config: AuthConfig = { userPoolId: POOL_ID, clientIds: [WEB_CLIENT, SERVICE_CLIENT] };

/** A fetcher serving the JWKS from memory and recording what was asked. */
function memoryFetcher(jwks: unknown) {
  const calls: string[] = [];
  const fetcher: Fetcher = {
    fetch: async (uri: string) => {
      calls.push(uri);
      return new TextEncoder().encode(JSON.stringify(jwks)).buffer as ArrayBuffer;
    },
  };
  return { fetcher, calls };
}

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof UnauthorizedError) return err.reason;
    throw err;
  }
  throw new Error('expected rejection');
}

describe('token verifier', () => {
  it('verifies a user access token and fetches the JWKS once from Cognito', async () => {
    const { fetcher, calls } = memoryFetcher(jwksOf(primaryKey));
    const verifier = createTokenVerifier(config, { fetcher });

    const principal = await verifier.verify(accessToken({ scope: 'openid email' }));
    await verifier.verify(accessToken());

    expect(principal).toMatchObject({ kind: 'user', owner: 'user-1', clientId: WEB_CLIENT, username: 'alice', scopes: ['openid', 'email'], tokenUse: 'access' });
    expect(principal.claims.jti).toBe('j1');
    expect(Date.parse(principal.expiresAt)).toBeGreaterThan(Date.now());
    expect(calls).toEqual([`${ISSUER}/.well-known/jwks.json`]);
  });

  it('verifies an id token with email and cognito:username', async () => {
    const verifier = createTokenVerifier(config, memoryFetcher(jwksOf(primaryKey)));
    const principal = await verifier.verify(idToken());
    expect(principal).toMatchObject({ kind: 'user', owner: 'user-1', clientId: WEB_CLIENT, username: 'alice', email: 'alice@example.com', scopes: [], tokenUse: 'id' });
  });

  it('treats a client-credentials token as a service principal', async () => {
    const verifier = createTokenVerifier(config, memoryFetcher(jwksOf(primaryKey)));
    const principal = await verifier.verify(serviceToken(['voice-correction/jobs.read']));
    expect(principal).toMatchObject({ kind: 'service', owner: SERVICE_CLIENT, clientId: SERVICE_CLIENT, scopes: ['voice-correction/jobs.read'] });
    expect(principal.username).toBeUndefined();
  });

  it('treats tokens of the configured service client as service principals', async () => {
    const verifier = createTokenVerifier({ ...config, serviceClientId: WEB_CLIENT }, memoryFetcher(jwksOf(primaryKey)));
    expect((await verifier.verify(accessToken())).kind).toBe('service');
  });

  it('uses a cached JWKS without fetching', async () => {
    const { fetcher, calls } = memoryFetcher({ keys: [] });
    const verifier = createTokenVerifier(config, { fetcher });
    verifier.cacheJwks(jwksOf(primaryKey) as never);
    await verifier.verify(accessToken());
    expect(calls).toEqual([]);
  });

  it('fetches from AUTH_JWKS_URI in local mode', async () => {
    const seen: string[] = [];
    const body = JSON.stringify(jwksOf(primaryKey));
    const fakeFetch = (async (uri: string) => {
      seen.push(uri);
      return new Response(body, { status: 200 });
    }) as typeof fetch;
    const verifier = createTokenVerifier(config, { fetcher: new FixedUriFetcher('http://127.0.0.1:9229/jwks.json', fakeFetch) });
    await verifier.verify(accessToken());
    expect(seen).toEqual(['http://127.0.0.1:9229/jwks.json']);
  });

  describe('fails with a reason', () => {
    const verifier = createTokenVerifier(config, memoryFetcher(jwksOf(primaryKey)));
    const other = makeKey('key-1');
    const cases: [string, () => string | undefined, string][] = [
      ['missing', () => undefined, 'missing token'],
      ['empty', () => '  ', 'missing token'],
      ['malformed', () => 'not-a-jwt', 'malformed token'],
      ['garbage segments', () => 'abc.def.ghi', 'malformed token'],
      ['expired', () => accessToken({ exp: Math.floor(Date.now() / 1000) - 60 }), 'token expired'],
      ['foreign audience (access)', () => accessToken({ client_id: 'someone-else' }), 'wrong audience'],
      ['foreign audience (id)', () => idToken({ aud: 'someone-else' }), 'wrong audience'],
      ['foreign issuer', () => accessToken({ iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other' }), 'wrong issuer'],
      ['bad signature (same kid, other key)', () => accessToken({}, other), 'invalid signature'],
      ['unknown kid', () => signToken({ iss: ISSUER, token_use: 'access', client_id: WEB_CLIENT, sub: 'x', exp: Math.floor(Date.now() / 1000) + 60 }, primaryKey, 'nope'), 'invalid signature'],
      ['wrong token use', () => accessToken({ token_use: 'refresh' }), 'wrong token use'],
    ];
    it.each(cases)('%s', async (_name, token, reason) => {
      expect(await reasonOf(verifier.verify(token()))).toBe(reason);
    });
  });

  it('fails as an internal error when the JWKS cannot be fetched', async () => {
    const verifier = createTokenVerifier(config, { fetcher: { fetch: async () => Promise.reject(new Error('network down')) } });
    await expect(verifier.verify(accessToken())).rejects.not.toBeInstanceOf(UnauthorizedError);
  });
});

describe('bearerToken', () => {
  it('extracts the token', () => expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi'));
  it('is undefined without a header', () => expect(bearerToken(undefined)).toBeUndefined());
  it('fails for another scheme', () => expect(() => bearerToken('Basic dXNlcg==')).toThrow('malformed token'));
});

describe('requireScope', () => {
  const base = { owner: 'o', clientId: 'c', tokenUse: 'access' as const, expiresAt: '', claims: {} };
  it('lets users through without scopes', () => expect(() => requireScope({ ...base, kind: 'user', scopes: [] }, 'voice-correction/jobs.write')).not.toThrow());
  it('fails for a service principal lacking the scope', () =>
    expect(() => requireScope({ ...base, kind: 'service', scopes: ['voice-correction/jobs.read'] }, 'voice-correction/jobs.write')).toThrow(ForbiddenError));
});

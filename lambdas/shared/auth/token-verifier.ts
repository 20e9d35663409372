/**
 * The one token verifier: every HTTP handler, the WebSocket authorizer and the local runtime use it.
 * Cognito id and access tokens of the configured clients; JWKS fetched once and cached per process.
 */
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache, type Jwks } from 'aws-jwt-verify/jwk';
import { SimpleFetcher, type Fetcher } from 'aws-jwt-verify/https';
import { decomposeUnverifiedJwt } from 'aws-jwt-verify/jwt';
import {
  CognitoJwtInvalidClientIdError,
  CognitoJwtInvalidTokenUseError,
  JwtExpiredError,
  JwtInvalidAudienceError,
  JwtInvalidIssuerError,
  JwtInvalidSignatureAlgorithmError,
  JwtInvalidSignatureError,
  JwtNotBeforeError,
  JwtParseError,
  JwtWithoutValidKidError,
  KidNotFoundInJwksError,
  ParameterValidationError,
} from 'aws-jwt-verify/error';
import { loadAuthConfig, type AuthConfig } from './config';
import { UnauthorizedError, type AuthFailureReason } from './errors';
import { toPrincipal, type Principal } from './principal';

export interface TokenVerifier {
  /** Resolves to the principal, or rejects with UnauthorizedError carrying the reason. Other errors (JWKS unreachable) are internal. */
  verify(token: string | undefined): Promise<Principal>;
  /** Puts a JWKS in the cache so no fetch happens (tests, pre-warmed local runtime). */
  cacheJwks(jwks: Jwks): void;
}

/** Fetches with the global fetch (http allowed), always from one fixed URI: the local-mode JWKS override. */
export class FixedUriFetcher implements Fetcher {
  constructor(
    private readonly uri: string,
    private readonly doFetch: typeof fetch = (...args) => fetch(...args),
  ) {}
  async fetch(): Promise<ArrayBuffer> {
    const response = await this.doFetch(this.uri);
    if (!response.ok) throw new Error(`JWKS fetch from ${this.uri} failed: HTTP ${response.status}`);
    return response.arrayBuffer();
  }
}

/** Accepted issuers for a pool: Cognito's regional form and its newer global form. */
export function issuersFor(userPoolId: string): string[] {
  const region = userPoolId.split('_')[0];
  return [`https://cognito-idp.${region}.amazonaws.com/${userPoolId}`, `https://issuer-cognito-idp.${region}.amazonaws.com/${userPoolId}`];
}

/** Maps aws-jwt-verify's errors to a reason; undefined means not the caller's fault. */
function reasonFor(err: unknown): AuthFailureReason | undefined {
  if (err instanceof JwtParseError) return 'malformed token';
  if (err instanceof JwtExpiredError) return 'token expired';
  if (err instanceof JwtNotBeforeError) return 'token not yet valid';
  if (err instanceof JwtInvalidAudienceError || err instanceof CognitoJwtInvalidClientIdError) return 'wrong audience';
  if (err instanceof JwtInvalidIssuerError) return 'wrong issuer';
  if (err instanceof CognitoJwtInvalidTokenUseError) return 'wrong token use';
  if (
    err instanceof JwtInvalidSignatureError ||
    err instanceof JwtInvalidSignatureAlgorithmError ||
    err instanceof KidNotFoundInJwksError ||
    err instanceof JwtWithoutValidKidError
  )
    return 'invalid signature';
  if (err instanceof ParameterValidationError) return 'malformed token';
  return undefined;
}

export interface TokenVerifierOptions {
  /** Overrides how the JWKS is fetched (tests); defaults to HTTPS, or global fetch of AUTH_JWKS_URI when set. */
  readonly fetcher?: Fetcher;
}

/** Creates a verifier for the configured pool and clients. */
export function createTokenVerifier(config: AuthConfig, options: TokenVerifierOptions = {}): TokenVerifier {
  const fetcher = options.fetcher ?? (config.jwksUri ? new FixedUriFetcher(config.jwksUri) : new SimpleFetcher());
  const verifier = CognitoJwtVerifier.create(
    {
      userPoolId: config.userPoolId,
      clientId: [...config.clientIds],
      tokenUse: null,
      // token_use must be one of Cognito's two; `null` above only lets either through.
      customJwtCheck: ({ payload }) => {
        if (payload.token_use !== 'id' && payload.token_use !== 'access') {
          throw new CognitoJwtInvalidTokenUseError('Token use not allowed', payload.token_use, ['id', 'access']);
        }
      },
    },
    { jwksCache: new SimpleJwksCache({ fetcher }) },
  );
  const issuers = issuersFor(config.userPoolId);

  return {
    async verify(token) {
      if (token === undefined || token.trim() === '') throw new UnauthorizedError('missing token');
      let issuer: unknown;
      try {
        issuer = decomposeUnverifiedJwt(token).payload.iss;
      } catch {
        throw new UnauthorizedError('malformed token');
      }
      // Checked first so a foreign pool's token gets a precise reason rather than "unknown key".
      if (typeof issuer !== 'string' || !issuers.includes(issuer)) throw new UnauthorizedError('wrong issuer');
      try {
        const payload = await verifier.verify(token);
        return toPrincipal(payload as Record<string, unknown>, config.serviceClientId);
      } catch (err) {
        const reason = reasonFor(err);
        if (reason) throw new UnauthorizedError(reason);
        throw err;
      }
    },
    cacheJwks(jwks) {
      verifier.cacheJwks(jwks);
    },
  };
}

let shared: TokenVerifier | undefined;

/** The process-wide verifier built from the environment; its JWKS cache lives as long as the process. */
export function tokenVerifier(): TokenVerifier {
  if (!shared) shared = createTokenVerifier(loadAuthConfig());
  return shared;
}

/** Pulls the token out of an `Authorization: Bearer <jwt>` header value. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
  if (!m) throw new UnauthorizedError(header.trim() === '' ? 'missing token' : 'malformed token');
  return m[1];
}

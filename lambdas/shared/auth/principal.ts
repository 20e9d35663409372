/** Who is calling, derived from a verified Cognito token. */
import { ForbiddenError } from './errors';

export type TokenUse = 'id' | 'access';

export interface Principal {
  /** `service`: a client-credentials token of the confidential client; `user`: a person's id or access token. */
  readonly kind: 'user' | 'service';
  /** The `sub` claim: owner of every job this principal creates (a service token's sub is its client id). */
  readonly owner: string;
  readonly clientId: string;
  readonly username?: string;
  readonly email?: string;
  readonly scopes: readonly string[];
  readonly tokenUse: TokenUse;
  /** ISO time of the `exp` claim. */
  readonly expiresAt: string;
  readonly claims: Readonly<Record<string, unknown>>;
}

/** Scopes a service principal needs; user principals may do everything. */
export const SCOPES = {
  jobsRead: 'voice-correction/jobs.read',
  jobsWrite: 'voice-correction/jobs.write',
} as const;

/** Throws ForbiddenError when a service principal lacks the scope. */
export function requireScope(principal: Principal, scope: string): void {
  if (principal.kind === 'service' && !principal.scopes.includes(scope)) throw new ForbiddenError(scope);
}

/** Builds the principal from verified claims. */
export function toPrincipal(claims: Record<string, unknown>, serviceClientId?: string): Principal {
  const tokenUse = claims.token_use as TokenUse;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const clientId = (tokenUse === 'id' ? str(Array.isArray(claims.aud) ? claims.aud[0] : claims.aud) : str(claims.client_id)) ?? '';
  const owner = String(claims.sub);
  const username = tokenUse === 'id' ? str(claims['cognito:username']) : str(claims.username);
  const isClientCredentials = tokenUse === 'access' && username === undefined && owner === clientId;
  const kind = (serviceClientId !== undefined && clientId === serviceClientId) || isClientCredentials ? 'service' : 'user';
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [];
  return {
    kind,
    owner,
    clientId,
    ...(username !== undefined && { username }),
    ...(str(claims.email) !== undefined && { email: str(claims.email) }),
    scopes,
    tokenUse,
    expiresAt: new Date(Number(claims.exp) * 1000).toISOString(),
    claims,
  };
}

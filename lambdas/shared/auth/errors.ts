/** Why a token was refused. The reason text is safe to show to the caller. */
export type AuthFailureReason =
  | 'missing token'
  | 'malformed token'
  | 'token expired'
  | 'token not yet valid'
  | 'wrong audience'
  | 'wrong issuer'
  | 'invalid signature'
  | 'wrong token use';

/** The token is absent or invalid: 401. */
export class UnauthorizedError extends Error {
  constructor(readonly reason: AuthFailureReason) {
    super(reason);
    this.name = 'UnauthorizedError';
  }
}

/** The token is valid but lacks a scope the operation needs: 403. */
export class ForbiddenError extends Error {
  constructor(readonly scope: string) {
    super(`token lacks scope ${scope}`);
    this.name = 'ForbiddenError';
  }
}

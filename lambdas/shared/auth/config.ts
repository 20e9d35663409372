/** Token verification settings, read once. */
import { ENV, list, maybe, required } from '../config';

type Env = Record<string, string | undefined>;

/** Names this module reads beyond the shared ENV table. */
export const AUTH_ENV = {
  /** Optional: app client id of the confidential (client-credentials) client; its tokens are service principals. */
  serviceClientId: 'SERVICE_CLIENT_ID',
} as const;

export interface AuthConfig {
  readonly userPoolId: string;
  /** Client ids whose tokens are accepted. */
  readonly clientIds: readonly string[];
  /** Local mode: fetch the JWKS here instead of Cognito's URL. */
  readonly jwksUri?: string;
  readonly serviceClientId?: string;
}

export function loadAuthConfig(env: Env = process.env): AuthConfig {
  return {
    userPoolId: required(ENV.userPoolId, env),
    clientIds: list(ENV.userPoolClientIds, env),
    jwksUri: maybe(ENV.jwksUri, env),
    serviceClientId: maybe(AUTH_ENV.serviceClientId, env),
  };
}

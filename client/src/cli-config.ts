/** Environment the CLI reads, through the shared typed accessors (nothing else reads process.env). */
import { maybe } from '../../lambdas/shared/config';

/** Names of the environment variables the CLI reads. */
export const CLI_ENV = {
  /** Sign-in email when --email is not given. */
  email: 'VOICE_CORRECT_EMAIL',
  /** Sign-in password when --password is not given. */
  password: 'VOICE_CORRECT_PASSWORD',
  /** Any value turns ANSI colours off (https://no-color.org). */
  noColor: 'NO_COLOR',
} as const;

export interface CliEnv {
  readonly email?: string;
  readonly password?: string;
  readonly noColor: boolean;
}

export function readCliEnv(env: Record<string, string | undefined>): CliEnv {
  return { email: maybe(CLI_ENV.email, env), password: maybe(CLI_ENV.password, env), noColor: maybe(CLI_ENV.noColor, env) !== undefined };
}

/** The user local mode signs up and in when no credentials are given (local sign-up auto-confirms). Local only. */
export const LOCAL_DEFAULT_USER = { email: 'local-user@example.com', password: 'Local-User-Passw0rd!' } as const;

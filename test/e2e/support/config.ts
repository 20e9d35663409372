/** What the e2e suite reads from the environment (through the shared accessors). */
import { maybe, required } from '../../../lambdas/shared/config';

/** Environment variables of the e2e suite. */
export const E2E_ENV = {
  /** A stack-outputs file (cdk deploy --outputs-file); absent: the suite starts local mode itself. */
  outputs: 'E2E_OUTPUTS',
  /** Stack inside the outputs file (default: the first). */
  stack: 'E2E_STACK',
  userAEmail: 'E2E_USER_A_EMAIL',
  userAPassword: 'E2E_USER_A_PASSWORD',
  userBEmail: 'E2E_USER_B_EMAIL',
  userBPassword: 'E2E_USER_B_PASSWORD',
  /** Service client secret of a deployment (local outputs publish LocalServiceClientSecret instead). */
  serviceClientSecret: 'E2E_SERVICE_CLIENT_SECRET',
} as const;

export interface Credentials {
  readonly email: string;
  readonly password: string;
}

export type E2eConfig =
  | { readonly kind: 'local' }
  | {
      readonly kind: 'deployed';
      readonly outputsFile: string;
      readonly stackName?: string;
      readonly userA: Credentials;
      readonly userB: Credentials;
      readonly serviceClientSecret?: string;
    };

/** Local unless E2E_OUTPUTS is set; a deployment needs both users' pre-created credentials. */
export function readE2eConfig(env: Record<string, string | undefined> = process.env): E2eConfig {
  const outputsFile = maybe(E2E_ENV.outputs, env);
  if (outputsFile === undefined) return { kind: 'local' };
  return {
    kind: 'deployed',
    outputsFile,
    stackName: maybe(E2E_ENV.stack, env),
    userA: { email: required(E2E_ENV.userAEmail, env), password: required(E2E_ENV.userAPassword, env) },
    userB: { email: required(E2E_ENV.userBEmail, env), password: required(E2E_ENV.userBPassword, env) },
    serviceClientSecret: maybe(E2E_ENV.serviceClientSecret, env),
  };
}

/** The Secrets Manager client, one per process. */
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

let secrets: SecretsManagerClient | undefined;

export function secretsClient(): SecretsManagerClient {
  if (!secrets) secrets = new SecretsManagerClient({});
  return secrets;
}

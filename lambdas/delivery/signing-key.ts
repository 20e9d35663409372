/**
 * CloudFormation custom resource: makes the RSA key pair that signs CloudFront download URLs.
 * The private key goes straight into the given Secrets Manager secret; only the public key is
 * returned to CloudFormation. Updates keep the existing pair (read back from the secret).
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { GetSecretValueCommand, PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';

const secrets = new SecretsManagerClient({});

/** Returns the public key PEM for the secret's private key, creating the pair when the secret holds none. */
export async function ensureKeyPair(client: SecretsManagerClient, secretArn: string): Promise<string> {
  const current = await client.send(new GetSecretValueCommand({ SecretId: secretArn })).catch(() => undefined);
  const pem = current?.SecretString;
  if (pem && pem.includes('BEGIN PRIVATE KEY')) {
    return createPublicKey(createPrivateKey(pem)).export({ type: 'spki', format: 'pem' }).toString();
  }
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  await client.send(new PutSecretValueCommand({ SecretId: secretArn, SecretString: privateKey }));
  return publicKey;
}

/** Sends the custom-resource response to CloudFormation's presigned URL. */
async function respond(
  event: CloudFormationCustomResourceEvent,
  status: 'SUCCESS' | 'FAILED',
  reason: string,
  physicalId: string,
  data?: Record<string, string>,
): Promise<void> {
  const body = JSON.stringify({
    Status: status,
    Reason: reason,
    PhysicalResourceId: physicalId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
    Data: data,
  });
  const res = await fetch(event.ResponseURL, { method: 'PUT', body, headers: { 'content-type': '' } });
  if (!res.ok) throw new Error(`CloudFormation response upload failed with HTTP ${res.status}`);
}

export async function handler(event: CloudFormationCustomResourceEvent, context: Context): Promise<void> {
  const physicalId = event.RequestType === 'Create' ? `signing-key-${event.RequestId}` : event.PhysicalResourceId;
  try {
    if (event.RequestType === 'Delete') {
      await respond(event, 'SUCCESS', 'nothing to delete: the secret is removed with the stack', physicalId);
      return;
    }
    const secretArn = String(event.ResourceProperties.SecretArn ?? '');
    if (!secretArn) throw new Error('SecretArn property is required');
    const publicKey = await ensureKeyPair(secrets, secretArn);
    await respond(event, 'SUCCESS', 'key pair ready', physicalId, { PublicKey: publicKey });
  } catch (error) {
    const message = error instanceof Error ? error.message : 'unknown error';
    await respond(event, 'FAILED', `${message} (see log stream ${context.logStreamName})`, physicalId);
  }
}

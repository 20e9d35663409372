import { generateKeyPairSync } from 'node:crypto';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { S3Client } from '@aws-sdk/client-s3';
import { CloudFrontUrlSigner } from '../../lambdas/shared/delivery/cloudfront-url-signer';
import { S3PresignedUrlSigner } from '../../lambdas/shared/delivery/s3-presigned-url-signer';
import { loadDeliveryConfig } from '../../lambdas/shared/delivery/config';
import { createDownloadUrlSigner } from '../../lambdas/shared/delivery/download-url';

const secrets = mockClient(SecretsManagerClient);
const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs1' }).toString();
const now = () => new Date('2026-05-01T00:00:00.000Z');
beforeEach(() => secrets.reset());

describe('CloudFrontUrlSigner', () => {
  const options = { domain: 'd111.cloudfront.net', keyPairId: 'K2ABC', privateKeySecretArn: 'arn:aws:secretsmanager:eu-west-1:1:secret:cf', ttlSeconds: 3600 };

  it('signs a URL for the key and reads the private key once', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: pem });
    const signer = new CloudFrontUrlSigner(new SecretsManagerClient({ region: 'eu-west-1' }), options, now);

    const first = await signer.sign('results/user 1/job-1/corrected.mp3');
    await signer.sign('results/u/j/corrected.mp3');

    expect(first.url).toMatch(/^https:\/\/d111\.cloudfront\.net\/results\/user%201\/job-1\/corrected\.mp3\?Expires=\d+&Key-Pair-Id=K2ABC&Signature=/);
    expect(new URL(first.url).searchParams.get('Expires')).toBe(String(Date.parse('2026-05-01T01:00:00.000Z') / 1000));
    expect(first.expiresAt).toBe('2026-05-01T01:00:00.000Z');
    expect(secrets).toHaveReceivedCommandTimes(GetSecretValueCommand, 1);
    expect(secrets).toHaveReceivedCommandWith(GetSecretValueCommand, { SecretId: options.privateKeySecretArn });
  });

  it('retries reading the key after a failure', async () => {
    secrets.on(GetSecretValueCommand).rejectsOnce(new Error('throttled')).resolves({ SecretString: pem });
    const signer = new CloudFrontUrlSigner(new SecretsManagerClient({ region: 'eu-west-1' }), options, now);
    await expect(signer.sign('k')).rejects.toThrow('throttled');
    await expect(signer.sign('k')).resolves.toHaveProperty('url');
  });
});

describe('S3PresignedUrlSigner', () => {
  it('presigns a GET on the output bucket', async () => {
    const s3 = new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: 'AKID', secretAccessKey: 's' } });
    const signed = await new S3PresignedUrlSigner(s3, 'out', 600, now).sign('results/u/j/corrected.mp3');
    expect(signed.url).toMatch(/^https:\/\/out\.s3\.eu-west-1\.amazonaws\.com\/results\/u\/j\/corrected\.mp3\?.*X-Amz-Expires=600/);
    expect(signed.expiresAt).toBe('2026-05-01T00:10:00.000Z');
  });
});

describe('createDownloadUrlSigner', () => {
  it('builds the configured signer on first use and reuses it', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: pem });
    const signer = createDownloadUrlSigner({
      signer: 'cloudfront',
      domain: 'd111.cloudfront.net',
      keyPairId: 'K2ABC',
      privateKeySecretArn: 'arn:aws:secretsmanager:eu-west-1:1:secret:cf',
      ttlSeconds: 60,
    });
    expect(secrets).toHaveReceivedCommandTimes(GetSecretValueCommand, 0);
    const [a, b] = [await signer.sign('results/u/j/a.mp3'), await signer.sign('results/u/j/b.mp3')];
    expect(a.url).toMatch(/^https:\/\/d111\.cloudfront\.net\/results\/u\/j\/a\.mp3\?Expires=/);
    expect(b.url).toContain('/b.mp3?');
    expect(secrets).toHaveReceivedCommandTimes(GetSecretValueCommand, 1);
  });

  it('signs presigned S3 GETs when configured for local mode', async () => {
    // The S3 client reads region and credentials from the environment, as it does in local mode.
    Object.assign(process.env, { AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'AKIDLOCAL', AWS_SECRET_ACCESS_KEY: 'local' });
    const signed = await createDownloadUrlSigner({ signer: 's3-presigned', outputBucket: 'out', ttlSeconds: 600 }).sign('results/u/j/c.mp3');
    expect(new URL(signed.url).pathname).toContain('results/u/j/c.mp3');
    expect(signed.url).toContain('X-Amz-Expires=600');
  });
});

describe('loadDeliveryConfig', () => {
  it('defaults to CloudFront and requires its settings', () => {
    expect(() => loadDeliveryConfig({})).toThrow('CLOUDFRONT_DOMAIN');
  });
  it('fails for an unknown signer', () => {
    expect(() => loadDeliveryConfig({ DOWNLOAD_URL_SIGNER: 'ftp' })).toThrow('DOWNLOAD_URL_SIGNER');
  });
  it('reads the s3-presigned settings', () => {
    expect(loadDeliveryConfig({ DOWNLOAD_URL_SIGNER: 's3-presigned', OUTPUT_BUCKET: 'b' })).toEqual({ signer: 's3-presigned', ttlSeconds: 3600, outputBucket: 'b' });
  });
});

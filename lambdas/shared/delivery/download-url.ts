/** Time-limited download URLs for result files: CloudFront signed URLs in AWS, S3 presigned GETs locally. */
import { getSignedUrl as cloudFrontSignedUrl } from '@aws-sdk/cloudfront-signer';
import { getSignedUrl as s3SignedUrl } from '@aws-sdk/s3-request-presigner';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { s3Client, secretsClient } from '../aws/clients';
import { loadDeliveryConfig, type DeliveryConfig } from './config';

export interface SignedUrl {
  readonly url: string;
  /** ISO time after which the URL stops working. */
  readonly expiresAt: string;
}

/** Port: signs a key of the output bucket. */
export interface DownloadUrlSigner {
  sign(key: string): Promise<SignedUrl>;
}

/** Encodes each path segment; keeps the slashes. */
const encodeKey = (key: string) => key.split('/').map(encodeURIComponent).join('/');

export class CloudFrontUrlSigner implements DownloadUrlSigner {
  private privateKey?: Promise<string>;

  constructor(
    private readonly secrets: SecretsManagerClient,
    private readonly options: { domain: string; keyPairId: string; privateKeySecretArn: string; ttlSeconds: number },
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The PEM is read once per process; a failed read is retried on the next call. */
  private key(): Promise<string> {
    this.privateKey ??= this.secrets.send(new GetSecretValueCommand({ SecretId: this.options.privateKeySecretArn })).then((out) => {
      if (!out.SecretString) throw new Error('CloudFront private key secret has no SecretString');
      return out.SecretString;
    });
    this.privateKey.catch(() => (this.privateKey = undefined));
    return this.privateKey;
  }

  async sign(key: string): Promise<SignedUrl> {
    const privateKey = await this.key();
    const expires = new Date(this.now().getTime() + this.options.ttlSeconds * 1000);
    const url = cloudFrontSignedUrl({
      url: `https://${this.options.domain}/${encodeKey(key)}`,
      keyPairId: this.options.keyPairId,
      privateKey,
      dateLessThan: expires.toISOString(),
    });
    return { url, expiresAt: expires.toISOString() };
  }
}

export class S3PresignedUrlSigner implements DownloadUrlSigner {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly ttlSeconds: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async sign(key: string): Promise<SignedUrl> {
    const expires = new Date(this.now().getTime() + this.ttlSeconds * 1000);
    const url = await s3SignedUrl(this.s3, new GetObjectCommand({ Bucket: this.bucket, Key: key }), { expiresIn: this.ttlSeconds });
    return { url, expiresAt: expires.toISOString() };
  }
}

/** The signer DOWNLOAD_URL_SIGNER chooses. */
export function createDownloadUrlSigner(config: DeliveryConfig = loadDeliveryConfig()): DownloadUrlSigner {
  return config.signer === 'cloudfront'
    ? new CloudFrontUrlSigner(secretsClient(), config)
    : new S3PresignedUrlSigner(s3Client(), config.outputBucket, config.ttlSeconds);
}

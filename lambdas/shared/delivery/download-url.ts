/**
 * Time-limited download URLs for result files: CloudFront signed URLs in AWS, S3 presigned GETs
 * locally. Each adapter (and its SDK client) is loaded on first use, so a handler that lists jobs
 * pays nothing for it at cold start.
 */
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
export const encodeKey = (key: string) => key.split('/').map(encodeURIComponent).join('/');

/** The signer DOWNLOAD_URL_SIGNER chooses, built on its first use. */
export function createDownloadUrlSigner(config: DeliveryConfig = loadDeliveryConfig()): DownloadUrlSigner {
  let signer: Promise<DownloadUrlSigner> | undefined;
  const build = async (): Promise<DownloadUrlSigner> => {
    if (config.signer === 'cloudfront') {
      const [{ CloudFrontUrlSigner }, { secretsClient }] = await Promise.all([import('./cloudfront-url-signer'), import('../aws/secrets-client')]);
      return new CloudFrontUrlSigner(secretsClient(), config);
    }
    const [{ S3PresignedUrlSigner }, { s3Client }] = await Promise.all([import('./s3-presigned-url-signer'), import('../aws/s3-client')]);
    return new S3PresignedUrlSigner(s3Client(), config.outputBucket, config.ttlSeconds);
  };
  return { sign: async (key) => (await (signer ??= build())).sign(key) };
}

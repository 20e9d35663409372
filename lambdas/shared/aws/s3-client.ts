/** The S3 client, one per process. S3_ENDPOINT (local mode) points it at s3rver with path-style addressing. */
import { S3Client } from '@aws-sdk/client-s3';
import { ENV, maybe } from '../config';

let s3: S3Client | undefined;

/** The S3 client; honours S3_ENDPOINT (forcePathStyle, and no checksum on presigned requests, which s3rver rejects). */
export function s3Client(): S3Client {
  if (!s3) {
    const endpoint = maybe(ENV.s3Endpoint);
    s3 = new S3Client(endpoint ? { endpoint, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED' } : {});
  }
  return s3;
}

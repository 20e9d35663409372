/** S3 presigned GETs: the local-mode download signer. */
import { getSignedUrl as s3SignedUrl } from '@aws-sdk/s3-request-presigner';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { DownloadUrlSigner, SignedUrl } from './download-url';

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

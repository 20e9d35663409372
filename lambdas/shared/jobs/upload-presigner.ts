/** Presigned S3 POST for one upload: exact key, exact content type, bounded size, short life. */
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import type { S3Client } from '@aws-sdk/client-s3';

export interface PresignUploadRequest {
  readonly key: string;
  readonly contentType: string;
  readonly minBytes: number;
  readonly maxBytes: number;
  readonly expiresSeconds: number;
  /** Stored as x-amz-meta-{name}; values must already be ASCII-safe. */
  readonly metadata: Readonly<Record<string, string>>;
}

export interface PresignedUpload {
  readonly url: string;
  readonly fields: Readonly<Record<string, string>>;
}

/** Port. */
export interface UploadPresigner {
  presign(request: PresignUploadRequest): Promise<PresignedUpload>;
}

export class S3UploadPresigner implements UploadPresigner {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async presign(r: PresignUploadRequest): Promise<PresignedUpload> {
    const meta = Object.fromEntries(Object.entries(r.metadata).map(([k, v]) => [`x-amz-meta-${k}`, v]));
    const { url, fields } = await createPresignedPost(this.s3, {
      Bucket: this.bucket,
      Key: r.key,
      Expires: r.expiresSeconds,
      Fields: { 'Content-Type': r.contentType, ...meta },
      Conditions: [
        { bucket: this.bucket },
        ['eq', '$key', r.key],
        ['eq', '$Content-Type', r.contentType],
        ['content-length-range', r.minBytes, r.maxBytes],
        ...Object.entries(meta).map(([k, v]) => ['eq', `$${k}`, v] as ['eq', string, string]),
      ],
    });
    return { url, fields };
  }
}

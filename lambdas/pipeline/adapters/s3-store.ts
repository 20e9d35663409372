/** ObjectStore on S3. SDK throttling / 5xx errors surface as TransientError. */
import { CopyObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { toTransient } from '../errors';
import type { ObjectStore } from '../use-cases/ports';

export function createS3Store(s3: S3Client): ObjectStore {
  const guard = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      throw toTransient(error);
    }
  };
  const getBytes = (bucket: string, key: string) =>
    guard(async () => {
      const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      if (!out.Body) throw new Error(`s3://${bucket}/${key} has no body`);
      return out.Body.transformToByteArray();
    });
  const putBytes = (bucket: string, key: string, body: Uint8Array, contentType: string) =>
    guard(async () => {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
    });
  return {
    getBytes,
    putBytes,
    async getJson<T>(bucket: string, key: string): Promise<T> {
      return JSON.parse(new TextDecoder().decode(await getBytes(bucket, key))) as T;
    },
    putJson: (bucket, key, value) => putBytes(bucket, key, new TextEncoder().encode(JSON.stringify(value)), 'application/json'),
    copy: (bucket, fromKey, toKey, contentType) =>
      guard(async () => {
        await s3.send(
          new CopyObjectCommand({
            Bucket: bucket,
            Key: toKey,
            CopySource: `${bucket}/${fromKey.split('/').map(encodeURIComponent).join('/')}`,
            ContentType: contentType,
            MetadataDirective: 'REPLACE',
          }),
        );
      }),
  };
}

/** S3 on loopback (s3rver) with the upload and output buckets; upload-bucket writes become EventBridge "Object Created" events. */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AddressInfo } from 'node:net';
import S3rver, { type S3rverEventRecord } from 's3rver';
import { LOCAL } from './config';

/** The EventBridge event S3 sends for a new object (the shape lambdas/pipeline/start.ts receives). */
export interface ObjectCreatedEvent {
  readonly version: '0';
  readonly id: string;
  readonly 'detail-type': 'Object Created';
  readonly source: 'aws.s3';
  readonly account: string;
  readonly time: string;
  readonly region: string;
  readonly resources: string[];
  readonly detail: {
    readonly version: '0';
    readonly bucket: { readonly name: string };
    readonly object: { readonly key: string; readonly size: number; readonly etag: string; readonly sequencer: string };
    readonly 'request-id': string;
    readonly requester: string;
    readonly 'source-ip-address': string;
    readonly reason: string;
  };
}

/** Browsers POST the presigned form straight to the bucket, and GET results. */
const CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

const REASONS: Record<string, string> = { 'ObjectCreated:Post': 'PostObject', 'ObjectCreated:Put': 'PutObject', 'ObjectCreated:Copy': 'CopyObject' };

/** Maps one s3rver notification record to the EventBridge event; undefined for anything but a new object. */
export function toObjectCreatedEvent(record: S3rverEventRecord): ObjectCreatedEvent | undefined {
  const reason = REASONS[record.eventName];
  if (!reason) return undefined;
  const { bucket, object } = record.s3;
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Object Created',
    source: 'aws.s3',
    account: LOCAL.account,
    time: record.eventTime,
    region: LOCAL.region,
    resources: [`arn:aws:s3:::${bucket.name}`],
    detail: {
      version: '0',
      bucket: { name: bucket.name },
      object: { key: object.key, size: object.size ?? 0, etag: object.eTag ?? '', sequencer: object.sequencer ?? '' },
      'request-id': randomUUID(),
      requester: LOCAL.account,
      'source-ip-address': '127.0.0.1',
      reason,
    },
  };
}

export interface LocalS3 {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Starts s3rver with both buckets (kept in `<dir>`), and calls `onUpload` for each object created in
 * the upload bucket, as the EventBridge rule does in AWS. Errors from `onUpload` are logged, never thrown.
 */
export async function startS3(options: { dir: string; host: string; port: number; onUpload: (event: ObjectCreatedEvent) => Promise<unknown> }): Promise<LocalS3> {
  const server = new S3rver({
    address: options.host,
    port: options.port,
    silent: true,
    directory: join(options.dir),
    vhostBuckets: false,
    configureBuckets: [
      { name: LOCAL.uploadBucket, configs: [CORS] },
      { name: LOCAL.outputBucket, configs: [CORS] },
    ],
  });
  atomicWrites(server, `${options.dir}-tmp`);
  const pending = new Set<Promise<unknown>>();
  server.on('event', (event) => {
    for (const record of event.Records) {
      const created = toObjectCreatedEvent(record);
      if (!created || created.detail.bucket.name !== LOCAL.uploadBucket) continue;
      const run = options.onUpload(created).catch((err: unknown) => console.error(`[local s3] upload event for ${created.detail.object.key} failed: ${(err as Error).message}`));
      pending.add(run);
      void run.finally(() => pending.delete(run));
    }
  });
  await server.run();
  const port = (server.httpServer!.address() as AddressInfo).port;
  return {
    port,
    async close() {
      server.httpServer?.closeAllConnections();
      await server.close();
      await Promise.allSettled([...pending]);
    },
  };
}

interface StoredObject {
  readonly bucket: string;
  readonly key: string;
  readonly content: Buffer | Readable;
  readonly metadata: Record<string, string>;
}

interface FilesystemStore {
  getResourcePath(bucket: string, key: string, resource: string): string;
  putMetadata(bucket: string, key: string, metadata: Record<string, string>, md5: string): Promise<void>;
  putObject(object: StoredObject): Promise<{ size: number; md5: string }>;
}

/**
 * S3 replaces an object atomically; s3rver writes it in place and answers before the file is
 * complete, so a reader polling for a result (the pocketsphinx adapter) can see half a JSON file.
 * Objects are written to a temp file and renamed into place once complete.
 */
function atomicWrites(server: S3rver, tmpDir: string): void {
  const store = (server as unknown as { store: FilesystemStore }).store;
  store.putObject = async function putObject(this: FilesystemStore, object: StoredObject) {
    const objectPath = this.getResourcePath(object.bucket, object.key, 'object');
    await Promise.all([mkdir(dirname(objectPath), { recursive: true }), mkdir(tmpDir, { recursive: true })]);
    const tmp = join(tmpDir, randomUUID());
    const md5 = createHash('md5');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        md5.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    try {
      await pipeline(Buffer.isBuffer(object.content) ? Readable.from([object.content]) : object.content, measure, createWriteStream(tmp));
      await rename(tmp, objectPath);
    } finally {
      await rm(tmp, { force: true });
    }
    const digest = md5.digest('hex');
    await this.putMetadata(object.bucket, object.key, object.metadata, digest);
    return { size, md5: digest };
  };
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { LOCAL } from '../../local/config';
import { startS3, type LocalS3, type ObjectCreatedEvent } from '../../local/s3';

describe('local S3', () => {
  let dir: string;
  let s3: LocalS3;
  let client: S3Client;
  const events: ObjectCreatedEvent[] = [];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'local-s3-'));
    events.length = 0;
    s3 = await startS3({ dir: join(dir, 's3'), host: '127.0.0.1', port: 0, onUpload: async (event) => events.push(event) });
    client = new S3Client({
      endpoint: `http://127.0.0.1:${s3.port}`,
      forcePathStyle: true,
      region: 'us-east-1',
      credentials: { accessKeyId: LOCAL.accessKeyId, secretAccessKey: LOCAL.secretAccessKey },
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });
  });
  afterEach(async () => {
    client.destroy();
    await s3.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('turns a new upload-bucket object into an EventBridge Object Created event, and ignores the output bucket', async () => {
    await client.send(new PutObjectCommand({ Bucket: LOCAL.outputBucket, Key: 'results/a/b/result.json', Body: '{}' }));
    await client.send(new PutObjectCommand({ Bucket: LOCAL.uploadBucket, Key: 'uploads/alice/j1/source', Body: Buffer.alloc(2048, 1) }));
    while (events.length === 0) await new Promise((r) => setTimeout(r, 10));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      source: 'aws.s3',
      'detail-type': 'Object Created',
      detail: { bucket: { name: LOCAL.uploadBucket }, object: { key: 'uploads/alice/j1/source', size: 2048, etag: expect.stringMatching(/^[0-9a-f]{32}$/) } },
    });
  });

  it('never serves a half-written object while it is being replaced', async () => {
    const body = (n: number) => JSON.stringify({ n, pad: 'x'.repeat(200_000) });
    await client.send(new PutObjectCommand({ Bucket: LOCAL.outputBucket, Key: 'k.json', Body: body(0) }));
    const reads: Promise<string>[] = [];
    const writes: Promise<unknown>[] = [];
    for (let i = 1; i <= 5; i++) {
      writes.push(client.send(new PutObjectCommand({ Bucket: LOCAL.outputBucket, Key: 'k.json', Body: body(i) })));
      for (let j = 0; j < 4; j++) reads.push(client.send(new GetObjectCommand({ Bucket: LOCAL.outputBucket, Key: 'k.json' })).then((o) => o.Body!.transformToString()));
    }
    await Promise.all(writes);
    for (const text of await Promise.all(reads)) expect(() => JSON.parse(text)).not.toThrow();
  });
});

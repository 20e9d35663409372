import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { CopyObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createS3Store } from '../../../lambdas/pipeline/adapters/s3-store';
import { isTransient, TransientError, toTransient } from '../../../lambdas/pipeline/errors';
import { sdkBody, thrown } from '../fakes';

const s3Mock = mockClient(S3Client);
const store = createS3Store(new S3Client({ region: 'eu-west-1' }));
beforeEach(() => s3Mock.reset());

describe('createS3Store', () => {
  it('round-trips JSON', async () => {
    s3Mock.on(GetObjectCommand).resolves({ Body: sdkBody(Buffer.from('{"a":1}')) });
    await expect(store.getJson('b', 'k')).resolves.toEqual({ a: 1 });
    s3Mock.on(PutObjectCommand).resolves({});
    await store.putJson('b', 'k', { a: 1 });
    expect(s3Mock).toHaveReceivedCommandWith(PutObjectCommand, { Bucket: 'b', Key: 'k', ContentType: 'application/json' });
  });

  it('copies within a bucket', async () => {
    s3Mock.on(CopyObjectCommand).resolves({});
    await store.copy('b', 'staging/o/j/corrected.mp3', 'results/o/j/corrected.mp3', 'audio/mpeg');
    expect(s3Mock).toHaveReceivedCommandWith(CopyObjectCommand, { Bucket: 'b', Key: 'results/o/j/corrected.mp3', CopySource: 'b/staging/o/j/corrected.mp3' });
  });

  it('turns 5xx and SlowDown into TransientError but not a missing key', async () => {
    s3Mock.on(GetObjectCommand).rejects(Object.assign(new Error('oops'), { name: 'InternalError', $metadata: { httpStatusCode: 500 } }));
    expect(await thrown(() => store.getBytes('b', 'k'))).toBeInstanceOf(TransientError);
    s3Mock.on(PutObjectCommand).rejects(Object.assign(new Error('slow'), { name: 'SlowDown', $metadata: { httpStatusCode: 503 } }));
    expect(await thrown(() => store.putJson('b', 'k', {}))).toBeInstanceOf(TransientError);
    s3Mock.on(GetObjectCommand).rejects(Object.assign(new Error('no'), { name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } }));
    expect((await thrown(() => store.getBytes('b', 'k'))).name).toBe('NoSuchKey');
  });
});

describe('toTransient', () => {
  it('recognises throttling, 5xx and network errors and keeps the cause', () => {
    const throttle = Object.assign(new Error('x'), { name: 'TooManyRequestsException' });
    const mapped = toTransient(throttle) as TransientError;
    expect(mapped.name).toBe('TransientError');
    expect(mapped.cause).toBe(throttle);
    expect(isTransient(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isTransient(Object.assign(new Error('x'), { $metadata: { httpStatusCode: 502 } }))).toBe(true);
    expect(isTransient(Object.assign(new Error('x'), { name: 'ValidationException', $metadata: { httpStatusCode: 400 } }))).toBe(false);
  });
});

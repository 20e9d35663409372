import '../shared/support/env';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { handler } from '../../lambdas/http/create-upload';
import { tokenVerifier } from '../../lambdas/shared/auth';
import { accessToken, idToken, jwksOf, primaryKey, serviceToken, SERVICE_CLIENT } from '../shared/support/tokens';
import { call, httpEvent } from '../shared/support/http-event';

const dynamo = mockClient(DynamoDBDocumentClient);
beforeAll(() => tokenVerifier().cacheJwks(jwksOf(primaryKey) as never));
beforeEach(() => {
  dynamo.reset();
  dynamo.on(PutCommand).resolves({});
});

const valid = { fileName: 'My talk.mp3', contentType: 'audio/mpeg', size: 2_000_000 };
/** `token: null` sends no Authorization header. */
const post = (body: unknown, token: string | null = accessToken(), rawBody?: string) =>
  call(handler, httpEvent({ method: 'POST', path: '/uploads', token: token ?? undefined, body, rawBody }));
const policyOf = (fields: Record<string, string>) => JSON.parse(Buffer.from(fields.Policy, 'base64').toString('utf8'));

describe('POST /uploads', () => {
  it('creates a job and returns a presigned POST bound to key, type and size', async () => {
    const res = await post({ ...valid, language: 'en-GB', outputMode: 'full' });

    expect(res.statusCode).toBe(201);
    const { jobId, upload, expiresAt } = res.body;
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    const key = `uploads/user-1/${jobId}/source`;
    expect(upload.url).toContain('upload-bucket');
    expect(upload.fields).toMatchObject({ key, 'Content-Type': 'audio/mpeg', 'x-amz-meta-file-name': 'My%20talk.mp3', 'x-amz-meta-job-id': jobId });
    const policy = policyOf(upload.fields);
    expect(policy.conditions).toEqual(
      expect.arrayContaining([['eq', '$key', key], ['eq', '$Content-Type', 'audio/mpeg'], ['content-length-range', 1024, 104857600], { bucket: 'upload-bucket' }]),
    );
    const ttl = Date.parse(expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(300_000);
    expect(Date.parse(policy.expiration)).toBeLessThanOrEqual(Date.now() + 300_000);

    expect(dynamo).toHaveReceivedCommandTimes(PutCommand, 1);
    const item = dynamo.commandCalls(PutCommand)[0].args[0].input.Item!;
    expect(item).toMatchObject({ jobId, owner: 'user-1', status: 'awaiting-upload', fileName: 'My talk.mp3', contentType: 'audio/mpeg', size: 2_000_000, language: 'en-GB', outputMode: 'full', uploadKey: key });
    expect(item.expiresAt).toBeGreaterThan(Date.now() / 1000 + 29 * 86_400);
    expect(item.expiresAt).toBeLessThanOrEqual(Date.now() / 1000 + 30 * 86_400 + 1);
    expect(dynamo.commandCalls(PutCommand)[0].args[0].input).toMatchObject({ TableName: 'jobs-table', ConditionExpression: 'attribute_not_exists(jobId)' });
  });

  it('defaults outputMode to own-voice and leaves language unset', async () => {
    const res = await post(valid, idToken());
    expect(res.statusCode).toBe(201);
    const item = dynamo.commandCalls(PutCommand)[0].args[0].input.Item!;
    expect(item.outputMode).toBe('own-voice');
    expect(item).not.toHaveProperty('language');
  });

  it('keeps a non-ASCII file name in the job and percent-encodes it in metadata', async () => {
    const res = await post({ ...valid, fileName: 'Résumé 🎤.mp3' });
    expect(res.statusCode).toBe(201);
    expect(res.body.upload.fields['x-amz-meta-file-name']).toBe(encodeURIComponent('Résumé 🎤.mp3'));
    expect(dynamo.commandCalls(PutCommand)[0].args[0].input.Item!.fileName).toBe('Résumé 🎤.mp3');
  });

  it('accepts a service token with jobs.write and makes the client the owner', async () => {
    const res = await post(valid, serviceToken(['voice-correction/jobs.write']));
    expect(res.statusCode).toBe(201);
    expect(res.body.upload.fields.key).toBe(`uploads/${SERVICE_CLIENT}/${res.body.jobId}/source`);
  });

  it('fails with 403 for a service token without jobs.write', async () => {
    const res = await post(valid, serviceToken(['voice-correction/jobs.read']));
    expect(res.statusCode).toBe(403);
    expect(res.body.error).toBe('forbidden');
    expect(dynamo).not.toHaveReceivedCommand(PutCommand);
  });

  it.each([
    ['missing', null, 'missing token'],
    ['malformed', 'xyz', 'malformed token'],
    ['expired', accessToken({ exp: Math.floor(Date.now() / 1000) - 1 }), 'token expired'],
    ['foreign-audience', accessToken({ client_id: 'other-client' }), 'wrong audience'],
  ])('fails with 401 for a %s token', async (_name, token, reason) => {
    const res = await post(valid, token);
    expect(res).toMatchObject({ statusCode: 401, body: { error: 'unauthorized', message: reason } });
    expect(dynamo).not.toHaveReceivedCommand(PutCommand);
  });

  it('fails with 415 for a non-audio content type', async () => {
    const res = await post({ ...valid, contentType: 'video/mp4' });
    expect(res.statusCode).toBe(415);
    expect(res.body).toMatchObject({ error: 'unsupported-media-type' });
    expect(res.body.message).toContain('contentType');
  });

  it.each([
    ['zero', 0],
    ['below 1 KB', 1023],
    ['fractional', 2048.5],
    ['a string', '2048'],
  ])('fails with 400 for a size that is %s', async (_name, size) => {
    const res = await post({ ...valid, size });
    expect(res.statusCode).toBe(400);
    expect(res.body.error).toBe('validation');
    expect(res.body.message).toMatch(/^size: /);
  });

  it('fails with 413 for a size over the limit', async () => {
    const res = await post({ ...valid, size: 104857601 });
    expect(res).toMatchObject({ statusCode: 413, body: { error: 'too-large' } });
  });

  it.each([
    ['a forward slash', '../../etc/passwd', 'must not contain / or \\'],
    ['a backslash', 'C:\\temp\\a.mp3', 'must not contain / or \\'],
    ['a NUL', 'a\u0000.mp3', 'must not contain control characters'],
    ['a newline', 'a\nb.mp3', 'must not contain control characters'],
    ['500 characters', 'a'.repeat(500), 'must be at most 499 characters'],
    ['nothing', '', 'must not be empty'],
  ])('fails with 400 for a file name with %s', async (_name, fileName, message) => {
    const res = await post({ ...valid, fileName });
    expect(res.statusCode).toBe(400);
    expect(res.body.issues).toContainEqual({ field: 'fileName', message });
    expect(dynamo).not.toHaveReceivedCommand(PutCommand);
  });

  it('accepts a 499-character file name', async () => {
    expect((await post({ ...valid, fileName: 'a'.repeat(499) })).statusCode).toBe(201);
  });

  it('fails with 400 naming an unknown field', async () => {
    const res = await post({ ...valid, bucket: 'other', key: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.body.message).toContain('unknown field(s): bucket, key');
  });

  it.each([
    ['missing fields', {}, 'fileName'],
    ['an unknown language', { ...valid, language: 'fr-FR' }, 'language'],
    ['an unknown output mode', { ...valid, outputMode: 'karaoke' }, 'outputMode'],
    ['an array body', [valid], 'body'],
  ])('fails with 400 for %s', async (_name, body, field) => {
    const res = await post(body);
    expect(res.statusCode).toBe(400);
    expect(res.body.issues.map((i: { field: string }) => i.field)).toContain(field);
  });

  it('fails with 400 for malformed JSON', async () => {
    const res = await post(undefined, accessToken(), '{"fileName": "a.mp3",');
    expect(res).toMatchObject({ statusCode: 400, body: { error: 'bad-request', message: 'body: malformed JSON' } });
  });

  it('fails with 400 for a missing body', async () => {
    const res = await post(undefined);
    expect(res).toMatchObject({ statusCode: 400, body: { error: 'bad-request', message: 'body: a JSON object is required' } });
  });

  it('fails with a bare 500 when DynamoDB fails, without the raw error', async () => {
    dynamo.on(PutCommand).rejects(new Error('ProvisionedThroughputExceeded: table jobs-table arn:aws:...'));
    const res = await post(valid);
    expect(res).toEqual(expect.objectContaining({ statusCode: 500, body: { error: 'internal', message: 'internal error' } }));
  });
});

import '../shared/support/env';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { handler } from '../../lambdas/http/get-job';
import { tokenVerifier } from '../../lambdas/shared/auth';
import { accessToken, jwksOf, primaryKey } from '../shared/support/tokens';
import { call, httpEvent } from '../shared/support/http-event';
import { doneRecord, jobRecord } from '../shared/support/jobs';

const dynamo = mockClient(DynamoDBDocumentClient);
beforeAll(() => tokenVerifier().cacheJwks(jwksOf(primaryKey) as never));
beforeEach(() => dynamo.reset());

const get = (id: string | undefined, token: string | null = accessToken()) =>
  call(handler, httpEvent({ path: `/jobs/${id}`, pathParameters: id === undefined ? undefined : { id }, token: token ?? undefined }));

describe('GET /jobs/{id}', () => {
  it('returns the caller’s job as a JobView', async () => {
    dynamo.on(GetCommand, { Key: { jobId: 'job-1' } }).resolves({ Item: jobRecord({ language: 'en-US' }) });
    const res = await get('job-1');
    expect(res.statusCode).toBe(200);
    expect(res.body).toEqual({
      jobId: 'job-1',
      status: 'awaiting-upload',
      fileName: 'talk.mp3',
      contentType: 'audio/mpeg',
      size: 4096,
      language: 'en-US',
      outputMode: 'own-voice',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('returns a freshly signed download URL for a done job', async () => {
    dynamo.on(GetCommand).resolves({ Item: doneRecord() });
    const res = await get('job-1');
    expect(res.body.result).toMatchObject({
      transcript: 'he go home',
      correctedText: 'he goes home',
      edits: [{ start: 0.4, end: 0.7, original: 'go', corrected: 'goes' }],
      unchanged: false,
    });
    expect(res.body.result.downloadUrl).toMatch(/^https:\/\/output-bucket\.s3\.eu-west-1\.amazonaws\.com\/results\/user-1\/job-1\/corrected\.mp3\?.*X-Amz-Expires=3600/);
    expect(Date.parse(res.body.result.downloadExpiresAt)).toBeGreaterThan(Date.now());
    expect(res.body.timings).toEqual({ transcribe: 1200, correct: 30 });
  });

  it('returns the failure code and reason of a failed job', async () => {
    dynamo.on(GetCommand).resolves({ Item: jobRecord({ status: 'failed', error: { code: 'no-speech', reason: 'no speech was heard' } }) });
    expect((await get('job-1')).body.error).toEqual({ code: 'no-speech', reason: 'no speech was heard' });
  });

  it('fails with 404 for someone else’s job, exactly as for a missing one', async () => {
    dynamo.on(GetCommand, { Key: { jobId: 'theirs' } }).resolves({ Item: doneRecord({ jobId: 'theirs', owner: 'user-2' }) });
    dynamo.on(GetCommand, { Key: { jobId: 'nothing' } }).resolves({});
    const theirs = await get('theirs');
    const missing = await get('nothing');
    expect(theirs).toMatchObject({ statusCode: 404, body: { error: 'not-found' } });
    expect(theirs.body).toEqual(missing.body);
  });

  it('fails with 400 for an over-long id', async () => {
    expect((await get('x'.repeat(200))).statusCode).toBe(400);
  });

  it('fails with 401 for an expired token', async () => {
    expect(await get('job-1', accessToken({ exp: Math.floor(Date.now() / 1000) - 5 }))).toMatchObject({ statusCode: 401, body: { message: 'token expired' } });
    expect(dynamo).not.toHaveReceivedCommand(GetCommand);
  });
});

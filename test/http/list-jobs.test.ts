import '../shared/support/env';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { handler } from '../../lambdas/http/list-jobs';
import { tokenVerifier } from '../../lambdas/shared/auth';
import { pageToken } from '../../lambdas/shared/jobs/dynamo-job-repository';
import { accessToken, jwksOf, primaryKey, serviceToken } from '../shared/support/tokens';
import { call, httpEvent } from '../shared/support/http-event';
import { doneRecord, jobRecord } from '../shared/support/jobs';

const dynamo = mockClient(DynamoDBDocumentClient);
beforeAll(() => tokenVerifier().cacheJwks(jwksOf(primaryKey) as never));
beforeEach(() => dynamo.reset());

const list = (query?: Record<string, string>, token: string | null = accessToken()) =>
  call(handler, httpEvent({ path: '/jobs', query, token: token ?? undefined }));

describe('GET /jobs', () => {
  it('lists the caller’s jobs newest first with a next page token', async () => {
    const last = { jobId: 'job-1', owner: 'user-1', createdAt: '2026-01-01T00:00:00.000Z' };
    dynamo.on(QueryCommand).resolves({ Items: [jobRecord({ jobId: 'job-2' }), jobRecord()], LastEvaluatedKey: last });

    const res = await list({ limit: '2' });

    expect(res.statusCode).toBe(200);
    expect(res.body.items.map((j: { jobId: string }) => j.jobId)).toEqual(['job-2', 'job-1']);
    expect(res.body.items[0]).not.toHaveProperty('owner');
    expect(res.body.items[0]).not.toHaveProperty('uploadKey');
    expect(dynamo).toHaveReceivedCommandWith(QueryCommand, {
      TableName: 'jobs-table',
      IndexName: 'byOwner',
      ExpressionAttributeValues: { ':owner': 'user-1' },
      ScanIndexForward: false,
      Limit: 2,
    });
    expect(pageToken.decode(res.body.nextToken, 'user-1')).toEqual(last);
  });

  it('continues from a next page token and omits it on the last page', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [] });
    const token = pageToken.encode({ jobId: 'job-9', owner: 'user-1', createdAt: '2026-02-01T00:00:00.000Z' });

    const res = await list({ nextToken: token });

    expect(res.statusCode).toBe(200);
    expect(res.body).toEqual({ items: [] });
    expect(dynamo).toHaveReceivedCommandWith(QueryCommand, { Limit: 20, ExclusiveStartKey: { jobId: 'job-9', owner: 'user-1', createdAt: '2026-02-01T00:00:00.000Z' } });
  });

  it('signs a fresh download URL for done jobs', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [doneRecord()] });
    const res = await list();
    expect(res.body.items[0].result).toMatchObject({ correctedText: 'he goes home', unchanged: false });
    expect(res.body.items[0].result.downloadUrl).toContain('output-bucket');
    expect(res.body.items[0].result.downloadUrl).toContain('results/user-1/job-1/corrected.mp3');
    expect(res.body.items[0].result).not.toHaveProperty('audioKey');
  });

  it.each([
    ['malformed', '!!!not-base64!!!'],
    ['not JSON', Buffer.from('hello').toString('base64url')],
    ['someone else’s', pageToken.encode({ jobId: 'job-1', owner: 'user-2', createdAt: '2026-01-01T00:00:00.000Z' })],
    ['extra fields', Buffer.from(JSON.stringify({ j: 'a', o: 'user-1', c: 'b', x: 1 })).toString('base64url')],
  ])('fails with 400 for a %s nextToken', async (_name, nextToken) => {
    const res = await list({ nextToken });
    expect(res).toMatchObject({ statusCode: 400, body: { error: 'bad-request' } });
    expect(res.body.message).toMatch(/^nextToken/);
    expect(dynamo).not.toHaveReceivedCommand(QueryCommand);
  });

  it.each([['0'], ['101'], ['ten'], ['2.5']])('fails with 400 for limit=%s', async (limit) => {
    const res = await list({ limit });
    expect(res.statusCode).toBe(400);
    expect(res.body.issues[0].field).toBe('query.limit');
  });

  it('fails with 400 for an unknown query parameter', async () => {
    const res = await list({ owner: 'user-2' });
    expect(res.statusCode).toBe(400);
    expect(res.body.message).toContain('unknown parameter(s): owner');
  });

  it('lets a service token with jobs.read list its own jobs', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [] });
    expect((await list(undefined, serviceToken(['voice-correction/jobs.read']))).statusCode).toBe(200);
  });

  it('fails with 403 for a service token without jobs.read', async () => {
    expect((await list(undefined, serviceToken(['voice-correction/jobs.write']))).statusCode).toBe(403);
  });

  it('fails with 401 without a token', async () => {
    expect(await list(undefined, null)).toMatchObject({ statusCode: 401, body: { message: 'missing token' } });
  });
});

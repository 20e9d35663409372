import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoJobRepository, pageToken } from '../../lambdas/shared/jobs/dynamo-job-repository';
import { InvalidPageTokenError, JobNotFoundError } from '../../lambdas/shared/jobs/errors';
import { jobRecord } from './support/jobs';

const dynamo = mockClient(DynamoDBDocumentClient);
const repo = new DynamoJobRepository(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1' })), 'jobs', () => new Date('2026-03-01T00:00:00.000Z'));
beforeEach(() => dynamo.reset());

describe('DynamoJobRepository', () => {
  it('creates only if the id is new', async () => {
    dynamo.on(PutCommand).resolves({});
    await repo.create(jobRecord());
    expect(dynamo).toHaveReceivedCommandWith(PutCommand, { TableName: 'jobs', ConditionExpression: 'attribute_not_exists(jobId)', Item: jobRecord() });
  });

  it('gets with a consistent read, undefined when absent', async () => {
    dynamo.on(GetCommand).resolves({});
    expect(await repo.get('job-1')).toBeUndefined();
    expect(dynamo).toHaveReceivedCommandWith(GetCommand, { ConsistentRead: true, Key: { jobId: 'job-1' } });
  });

  it('updates the given fields and bumps updatedAt', async () => {
    dynamo.on(UpdateCommand).resolves({ Attributes: jobRecord({ status: 'uploaded' }) });
    const job = await repo.update('job-1', { status: 'uploaded', timings: undefined });
    expect(job.status).toBe('uploaded');
    const input = dynamo.commandCalls(UpdateCommand)[0].args[0].input;
    expect(input.UpdateExpression).toBe('SET #f0 = :v0, #f1 = :v1');
    expect(input.ExpressionAttributeNames).toEqual({ '#f0': 'status', '#f1': 'updatedAt' });
    expect(input.ExpressionAttributeValues).toEqual({ ':v0': 'uploaded', ':v1': '2026-03-01T00:00:00.000Z' });
    expect(input.ConditionExpression).toBe('attribute_exists(jobId)');
  });

  it('fails with JobNotFoundError when updating a missing job', async () => {
    dynamo.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'no', $metadata: {} }));
    await expect(repo.update('nope', { status: 'failed' })).rejects.toBeInstanceOf(JobNotFoundError);
  });
});

describe('pageToken', () => {
  const key = { jobId: 'j', owner: 'o', createdAt: 'c' };
  it('round-trips for the same owner', () => expect(pageToken.decode(pageToken.encode(key), 'o')).toEqual(key));
  it('fails for another owner', () => expect(() => pageToken.decode(pageToken.encode(key), 'p')).toThrow(InvalidPageTokenError));
  it('fails for an over-long token', () => expect(() => pageToken.decode('a'.repeat(3000), 'o')).toThrow(InvalidPageTokenError));
  it('fails for a JSON array', () => expect(() => pageToken.decode(Buffer.from('[1,2,3]').toString('base64url'), 'o')).toThrow(InvalidPageTokenError));
});

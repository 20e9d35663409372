import '../shared/support/middy-cjs';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { Context } from 'aws-lambda';

const sfnMock = mockClient(SFNClient);
const context = { functionName: 'start', awsRequestId: 'r-1', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
const event = (key: string) =>
  ({
    version: '0',
    id: 'e-1',
    'detail-type': 'Object Created',
    source: 'aws.s3',
    account: '123456789012',
    time: '2026-01-01T00:00:00Z',
    region: 'eu-west-1',
    resources: [],
    detail: { bucket: { name: 'uploads' }, object: { key, size: 2048, etag: 'e' } },
  }) as never;

describe('start handler', () => {
  let handler: (e: never, c: Context) => Promise<{ outcome: string }>;
  beforeAll(async () => {
    process.env.STATE_MACHINE_ARN = 'arn:aws:states:eu-west-1:123456789012:stateMachine:pipeline';
    process.env.AWS_REGION = 'eu-west-1';
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    ({ handler } = (await import('../../lambdas/pipeline/start')) as never);
  });
  beforeEach(() => sfnMock.reset());

  it('starts one execution per upload and makes a duplicate event a no-op', async () => {
    sfnMock
      .on(StartExecutionCommand)
      .resolvesOnce({ executionArn: 'x', startDate: new Date() })
      .rejects(new ExecutionAlreadyExists({ message: 'exists', $metadata: {} }));
    await expect(handler(event('uploads/u-1/j-1/source'), context)).resolves.toEqual({ outcome: 'started' });
    await expect(handler(event('uploads/u-1/j-1/source'), context)).resolves.toEqual({ outcome: 'duplicate' });
    expect(sfnMock).toHaveReceivedCommandTimes(StartExecutionCommand, 2);
    expect(sfnMock).toHaveReceivedCommandWith(StartExecutionCommand, { name: 'j-1', stateMachineArn: process.env.STATE_MACHINE_ARN });
  });

  it('surfaces a Step Functions 5xx as TransientError', async () => {
    sfnMock.on(StartExecutionCommand).rejects(Object.assign(new Error('boom'), { name: 'InternalFailure', $metadata: { httpStatusCode: 500 } }));
    await expect(handler(event('uploads/u-1/j-2/source'), context)).rejects.toMatchObject({ name: 'TransientError' });
  });
});

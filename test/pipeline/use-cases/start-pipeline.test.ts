import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { startPipeline } from '../../../lambdas/pipeline/use-cases/start-pipeline';
import { createExecutionStarter } from '../../../lambdas/pipeline/adapters/sfn-starter';
import { TransientError } from '../../../lambdas/pipeline/errors';
import { silentLog, thrown } from '../fakes';

const ARN = 'arn:aws:states:eu-west-1:123456789012:stateMachine:pipeline';
const sfnMock = mockClient(SFNClient);
const starter = createExecutionStarter(new SFNClient({ region: 'eu-west-1' }), ARN);
const ports = { startExecution: starter, log: silentLog, now: () => Date.parse('2026-02-03T04:05:06.000Z') };
const detail = { bucket: { name: 'uploads' }, object: { key: 'uploads/user-a/job-9/source', size: 5000, etag: 'abc' } };

beforeEach(() => sfnMock.reset());

describe('startPipeline', () => {
  it('starts one execution named after the job with the initial state', async () => {
    sfnMock.on(StartExecutionCommand).resolves({ executionArn: `${ARN}:job-9`, startDate: new Date() });
    await expect(startPipeline(detail, ports)).resolves.toBe('started');
    expect(sfnMock).toHaveReceivedCommandTimes(StartExecutionCommand, 1);
    const input = sfnMock.commandCalls(StartExecutionCommand)[0].args[0].input;
    expect(input.stateMachineArn).toBe(ARN);
    expect(input.name).toBe('job-9');
    expect(JSON.parse(input.input!)).toEqual({
      jobId: 'job-9',
      owner: 'user-a',
      bucket: 'uploads',
      key: 'uploads/user-a/job-9/source',
      size: 5000,
      startedAt: '2026-02-03T04:05:06.000Z',
      timings: {},
    });
  });

  it('treats a duplicate event (ExecutionAlreadyExists) as a no-op', async () => {
    sfnMock
      .on(StartExecutionCommand)
      .resolvesOnce({ executionArn: `${ARN}:job-9`, startDate: new Date() })
      .rejects(new ExecutionAlreadyExists({ message: 'Execution Already Exists', $metadata: {} }));
    await expect(startPipeline(detail, ports)).resolves.toBe('started');
    await expect(startPipeline(detail, ports)).resolves.toBe('duplicate');
    expect(sfnMock).toHaveReceivedCommandTimes(StartExecutionCommand, 2);
  });

  it('ignores objects that are not uploads', async () => {
    await expect(startPipeline({ ...detail, object: { key: 'uploads/user-a/other.txt' } }, ports)).resolves.toBe('ignored');
    expect(sfnMock).not.toHaveReceivedCommand(StartExecutionCommand);
  });

  it('accepts a URL-encoded key', async () => {
    sfnMock.on(StartExecutionCommand).resolves({ executionArn: 'x', startDate: new Date() });
    await startPipeline({ ...detail, object: { key: 'uploads/user%3Aa/job-9/source', size: 1 } }, ports);
    expect(sfnMock).toHaveReceivedCommandWith(StartExecutionCommand, { name: 'job-9' });
  });

  it('fails with TransientError when Step Functions throttles', async () => {
    sfnMock.on(StartExecutionCommand).rejects(Object.assign(new Error('slow down'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } }));
    const error = await thrown(() => startPipeline(detail, ports));
    expect(error).toBeInstanceOf(TransientError);
    expect(error.name).toBe('TransientError');
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { extractApp, extractDefinition, type CfnTemplate } from '../../local/app-model';
import { stateMachineArn } from '../../local/config';
import { close, listen } from '../../local/http-util';
import type { Handler } from '../../local/lambda';
import { sfnServer } from '../../local/sfn/endpoint';
import { LocalExecutions, type ExecutionStatusChangeEvent } from '../../local/sfn/executions';
import { taskHandlers } from '../../local/sfn/task-handlers';

/** A hand-built fixture shaped like the synthesized template: DefinitionString is an Fn::Join with GetAtt Arn parts. */
const fn = (entry: string) => ({ Type: 'AWS::Lambda::Function', Properties: {}, Metadata: { 'voice-correction:entry': entry } });
const definition = {
  StartAt: 'Work',
  States: {
    Work: { Type: 'Task', Resource: '@work', Next: 'Pause', Retry: [{ ErrorEquals: ['TransientError'], MaxAttempts: 2 }], Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'RecordFailure' }] },
    Pause: { Type: 'Wait', SecondsPath: '$.waitSeconds', Next: 'Done?' },
    'Done?': { Type: 'Choice', Choices: [{ Variable: '$.done', BooleanEquals: true, Next: 'Finished' }], Default: 'Work' },
    Finished: { Type: 'Succeed' },
    RecordFailure: { Type: 'Task', Resource: '@fail', Next: 'Failed' },
    Failed: { Type: 'Fail', Error: 'PipelineFailed' },
  },
};
const [before, middle, after] = JSON.stringify(definition).split(/"@work"|"@fail"/);
const template: CfnTemplate = {
  Resources: {
    WorkFunctionABC: fn('lambdas/fixture/work.ts'),
    FailFunctionDEF: fn('lambdas/fixture/fail.ts'),
    Machine: {
      Type: 'AWS::StepFunctions::StateMachine',
      Properties: { DefinitionString: { 'Fn::Join': ['', [before, '"', { 'Fn::GetAtt': ['WorkFunctionABC', 'Arn'] }, '"', middle, '"', { 'Fn::GetAtt': ['FailFunctionDEF', 'Arn'] }, '"', after]] } },
    },
  },
};

describe('definition extraction (fixture template)', () => {
  it('resolves the Fn::Join and maps each Task state to its handler file', () => {
    const extracted = extractDefinition([template]);
    expect(extracted.tasks).toEqual({
      Work: { entry: 'lambdas/fixture/work.ts', style: 'direct', functionId: 'WorkFunctionABC' },
      RecordFailure: { entry: 'lambdas/fixture/fail.ts', style: 'direct', functionId: 'FailFunctionDEF' },
    });
    expect(extracted.definition.States.Work.Resource).toBe('arn:aws:lambda:us-east-1:000000000000:function:WorkFunctionABC');
    expect(extracted.waits).toEqual(['Pause']);
    expect(extracted.retries).toEqual(['Work']);
  });

  it('fails naming the function when a Lambda has no entry metadata', () => {
    const broken = { Resources: { ...template.Resources, WorkFunctionABC: { Type: 'AWS::Lambda::Function', Properties: {} } } };
    expect(() => extractApp([broken])).toThrow(/WorkFunctionABC.*voice-correction:entry/);
  });
});

describe('local Step Functions endpoint', () => {
  let dir: string;
  let server: Server;
  let executions: LocalExecutions;
  let sfn: SFNClient;
  const failures: ExecutionStatusChangeEvent[] = [];
  let gate: Promise<void>;
  let open: () => void;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'local-sfn-'));
    failures.length = 0;
    gate = new Promise((r) => (open = r));
    const stubs: Record<string, Handler> = {
      'lambdas/fixture/work.ts': async (state: any) => {
        await gate;
        if (state.kind === 'not-audio') throw Object.assign(new Error('that is not audio'), { name: 'NotAudio' });
        return { ...state, done: true, waitSeconds: 1 };
      },
      'lambdas/fixture/fail.ts': async (state: any) => ({ ...state, recorded: true }),
    };
    const extracted = extractDefinition([template]);
    executions = await LocalExecutions.open({
      dir,
      extracted,
      handlers: taskHandlers(extracted.tasks, async (entry) => stubs[entry]),
      waitMs: 0,
      retryMs: 0,
      onFailure: async (event) => failures.push(event),
    });
    server = sfnServer(() => executions);
    const port = await listen(server, '127.0.0.1', 0);
    sfn = new SFNClient({ endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  });

  afterEach(async () => {
    open();
    sfn.destroy();
    await executions.stop();
    await close(server);
    await rm(dir, { recursive: true, force: true });
  });

  it('answers a reused name with ExecutionAlreadyExists, and the same name + input while running with the same execution', async () => {
    const first = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'job-1', input: '{"kind":"ok"}' }));
    const again = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'job-1', input: '{"kind":"ok"}' }));
    expect(again.executionArn).toBe(first.executionArn);
    await expect(sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'job-1', input: '{"kind":"other"}' }))).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });

    open();
    await executions.idle();
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn: first.executionArn }));
    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(described.output!)).toMatchObject({ kind: 'ok', done: true });
    await expect(sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'job-1', input: '{"kind":"ok"}' }))).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });
  });

  it('runs several executions at once', async () => {
    await Promise.all(['a', 'b', 'c'].map((name) => sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: '{}' }))));
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn: `${stateMachineArn.replace(':stateMachine:', ':execution:')}:b` }))).status).toBe('RUNNING');
    open();
    await executions.idle();
    for (const name of ['a', 'b', 'c']) {
      const executionArn = `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
      expect((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('SUCCEEDED');
    }
  });

  it('catches a named Lambda error into the failure path and reports the FAILED execution like EventBridge', async () => {
    open();
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'job-bad', input: '{"kind":"not-audio"}' }));
    await executions.idle();
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described).toMatchObject({ status: 'FAILED', error: 'PipelineFailed' });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ source: 'aws.states', 'detail-type': 'Step Functions Execution Status Change', detail: { status: 'FAILED', name: 'job-bad', input: '{"kind":"not-audio"}' } });
  });

  it('records executions cut short by a stop as ABORTED and reports them when reopened', async () => {
    await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'job-cut', input: '{"kind":"ok"}' }));
    await executions.stop();
    expect(failures).toEqual([]);
    const extracted = extractDefinition([template]);
    executions = await LocalExecutions.open({ dir, extracted, handlers: {}, waitMs: 0, retryMs: 0, onFailure: async (event) => failures.push(event) });
    await executions.idle();
    expect(failures.map((f) => [f.detail.name, f.detail.status])).toEqual([['job-cut', 'ABORTED']]);
    await expect(sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'job-cut', input: '{"kind":"ok"}' }))).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });
  });

  it('refuses an unknown state machine', async () => {
    await expect(sfn.send(new StartExecutionCommand({ stateMachineArn: `${stateMachineArn}x`, name: 'n', input: '{}' }))).rejects.toMatchObject({ name: 'StateMachineDoesNotExist' });
  });
});

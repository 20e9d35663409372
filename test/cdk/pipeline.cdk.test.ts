import { Match } from 'aws-cdk-lib/assertions';
import { aslFromTemplate, placeholderArn } from '../pipeline-definition/asl';
import { functionIdByEntry, resourcesOf, useApp } from './app';

const TRANSIENT = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
  'TransientError',
];

/** Task state → handler file, as in the pipeline contract. */
const TASKS: Record<string, string> = {
  Accept: 'lambdas/pipeline/accept.ts',
  StartTranscription: 'lambdas/pipeline/transcribe-start.ts',
  CheckTranscription: 'lambdas/pipeline/transcribe-check.ts',
  Correct: 'lambdas/pipeline/correct.ts',
  Synthesize: 'lambdas/pipeline/synthesize.ts',
  Finish: 'lambdas/pipeline/finish.ts',
  Notify: 'lambdas/pipeline/notify.ts',
  RecordFailure: 'lambdas/pipeline/fail.ts',
};

describe('Pipeline (upload rule, state machine, failure rule)', () => {
  const app = useApp();
  const stateMachineId = () => {
    const ids = Object.keys(resourcesOf(app().stateless, 'AWS::StepFunctions::StateMachine'));
    expect(ids).toHaveLength(1);
    return ids[0];
  };

  it('starts the start function on Object Created under uploads/ in the upload bucket, with a DLQ', () => {
    const { stateless } = app();
    const start = functionIdByEntry(stateless, 'lambdas/pipeline/start.ts');
    const queues = Object.keys(resourcesOf(stateless, 'AWS::SQS::Queue'));
    expect(queues).toHaveLength(1);
    stateless.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.s3'],
        'detail-type': ['Object Created'],
        detail: {
          bucket: { name: [{ 'Fn::ImportValue': Match.stringLikeRegexp('RefStorageUploads') }] },
          object: { key: [{ prefix: 'uploads/' }] },
        },
      },
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [start, 'Arn'] },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queues[0], 'Arn'] } },
          RetryPolicy: Match.objectLike({ MaximumRetryAttempts: Match.anyValue() }),
        }),
      ],
    });
    stateless.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
  });

  it('gives the start function the state machine ARN (execution name = job id is its job)', () => {
    const { stateless } = app();
    const fn = resourcesOf(stateless)[functionIdByEntry(stateless, 'lambdas/pipeline/start.ts')];
    expect(fn.Properties?.Environment.Variables.STATE_MACHINE_ARN).toEqual({ Ref: stateMachineId() });
  });

  it('records executions that end FAILED, TIMED_OUT or ABORTED with the fail function', () => {
    const { stateless } = app();
    stateless.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.states'],
        'detail-type': ['Step Functions Execution Status Change'],
        detail: { status: ['FAILED', 'TIMED_OUT', 'ABORTED'], stateMachineArn: [{ Ref: stateMachineId() }] },
      },
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [functionIdByEntry(stateless, 'lambdas/pipeline/fail.ts'), 'Arn'] }, DeadLetterConfig: Match.anyValue() })],
    });
  });

  it('is a STANDARD state machine with X-Ray tracing, ALL-level logging without execution data, and a timeout', () => {
    const { stateless } = app();
    stateless.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: {
        Level: 'ALL',
        IncludeExecutionData: false,
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PipelineExecutionLogs'), 'Arn'] } } }],
      },
    });
    expect(aslFromTemplate(stateless).TimeoutSeconds).toBe(3600);
  });

  it('calls each step\'s own function directly (payload response only) with a timeout', () => {
    const { stateless } = app();
    const asl = aslFromTemplate(stateless);
    for (const [state, entry] of Object.entries(TASKS)) {
      expect(asl.States[state]).toMatchObject({ Type: 'Task', Resource: placeholderArn(functionIdByEntry(stateless, entry)) });
      expect(asl.States[state].TimeoutSeconds).toBeGreaterThan(0);
      expect(asl.States[state].Parameters).toBeUndefined();
    }
    expect(Object.entries(asl.States).filter(([, s]) => s.Type === 'Task').map(([n]) => n).sort()).toEqual(Object.keys(TASKS).sort());
  });

  it('retries transient errors with backoff and full jitter on every task', () => {
    const asl = aslFromTemplate(app().stateless);
    for (const state of Object.keys(TASKS)) {
      expect(asl.States[state].Retry).toEqual([
        { ErrorEquals: TRANSIENT, IntervalSeconds: 2, MaxAttempts: 4, BackoffRate: 2, MaxDelaySeconds: 30, JitterStrategy: 'FULL' },
      ]);
    }
  });

  it('catches everything on every step into RecordFailure, which ends in the Failed state', () => {
    const asl = aslFromTemplate(app().stateless);
    for (const state of Object.keys(TASKS).filter((s) => s !== 'RecordFailure')) {
      expect(asl.States[state].Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'RecordFailure' }]);
    }
    expect(asl.States.RecordFailure.Catch).toBeUndefined();
    expect(asl.States.RecordFailure.Next).toBe('Failed');
    expect(asl.States.Failed).toMatchObject({ Type: 'Fail', Error: 'JobFailed' });
  });

  it('polls transcription with a Wait on $.transcription.waitSeconds and a Choice on its status', () => {
    const asl = aslFromTemplate(app().stateless);
    expect(asl.StartAt).toBe('Accept');
    expect(asl.States.Accept.Next).toBe('StartTranscription');
    expect(asl.States.StartTranscription.Next).toBe('WaitForTranscription');
    expect(asl.States.WaitForTranscription).toEqual({ Type: 'Wait', SecondsPath: '$.transcription.waitSeconds', Next: 'CheckTranscription' });
    expect(asl.States.CheckTranscription.Next).toBe('TranscriptionDone?');
    expect(asl.States['TranscriptionDone?']).toEqual({
      Type: 'Choice',
      Choices: [{ Variable: '$.transcription.status', StringEquals: 'completed', Next: 'Correct' }],
      Default: 'WaitForTranscription',
    });
    expect([asl.States.Correct.Next, asl.States.Synthesize.Next, asl.States.Finish.Next, asl.States.Notify.Next]).toEqual([
      'Synthesize',
      'Finish',
      'Notify',
      'Done',
    ]);
    expect(asl.States.Done).toEqual({ Type: 'Succeed' });
  });

  it('lets the state machine invoke only the step functions', () => {
    const { stateless } = app();
    const role = resourcesOf(stateless)[stateMachineId()].Properties?.RoleArn['Fn::GetAtt'][0];
    const policies = Object.values(resourcesOf(stateless, 'AWS::IAM::Policy')).filter((p) =>
      (p.Properties?.Roles as unknown[]).some((r: any) => r.Ref === role),
    );
    const invoke = policies.flatMap((p) => p.Properties?.PolicyDocument.Statement).filter((s: any) => [s.Action].flat().includes('lambda:InvokeFunction'));
    const stepIds = Object.values(TASKS).map((e) => functionIdByEntry(stateless, e)).sort();
    const targets = invoke.flatMap((s: any) => s.Resource).map((r: any) => (r['Fn::GetAtt'] ?? r['Fn::Join'][1][0]['Fn::GetAtt'])[0]);
    expect([...new Set(targets)].sort()).toEqual(stepIds);
  });

  it('configures every step with the same engines and limits', () => {
    const { stateless } = app();
    for (const entry of Object.values(TASKS)) {
      const vars = resourcesOf(stateless)[functionIdByEntry(stateless, entry)].Properties?.Environment.Variables;
      expect(vars).toMatchObject({
        STT_ENGINE: 'transcribe',
        TTS_ENGINE: 'polly',
        AUDIO_CODEC: 'wasm',
        GRAMMAR_ENGINE: 'harper',
        MAX_UPLOAD_BYTES: String(100 * 1024 * 1024),
        MAX_DURATION_SECONDS: '300',
        JOBS_TABLE: expect.anything(),
        OUTPUT_BUCKET: expect.anything(),
      });
      expect(vars.BEDROCK_MODEL_ID).toBeUndefined();
    }
  });

  it('lets Correct alone use the language model it carries', () => {
    const { stateless } = app();
    for (const entry of Object.values(TASKS)) {
      const vars = resourcesOf(stateless)[functionIdByEntry(stateless, entry)].Properties?.Environment.Variables;
      expect(vars.GRAMMAR_LANGUAGE_MODEL).toBe(entry === 'lambdas/pipeline/correct.ts' ? 'auto' : undefined);
    }
  });
});

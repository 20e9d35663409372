/**
 * The processing state machine, in JSONPath (no JSONata, no Variables) so the local runtime can
 * run the very same definition with aws-local-stepfunctions. Built from a chain so a test can
 * render it as plain ASL JSON.
 */
import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';

/** The Lambda of each step, by state name. */
export interface PipelineStepFunctions {
  readonly accept: lambda.IFunction;
  readonly transcribeStart: lambda.IFunction;
  readonly transcribeCheck: lambda.IFunction;
  readonly correct: lambda.IFunction;
  readonly synthesize: lambda.IFunction;
  readonly finish: lambda.IFunction;
  readonly notify: lambda.IFunction;
  readonly fail: lambda.IFunction;
}

/** Errors worth retrying: Lambda service faults and our adapters' TransientError (throttling, 5xx). */
export const TRANSIENT_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
  'TransientError',
];

/** State names: the contract with the step handlers and the local runtime. */
export const STATES = {
  accept: 'Accept',
  transcribeStart: 'StartTranscription',
  wait: 'WaitForTranscription',
  transcribeCheck: 'CheckTranscription',
  transcribed: 'TranscriptionDone?',
  correct: 'Correct',
  synthesize: 'Synthesize',
  finish: 'Finish',
  notify: 'Notify',
  fail: 'RecordFailure',
  failed: 'Failed',
  succeeded: 'Done',
} as const;

/** Per-task timeouts; a timeout is caught like any failure and recorded as `timeout`. */
const TASK_TIMEOUTS: Record<keyof PipelineStepFunctions, Duration> = {
  accept: Duration.minutes(2),
  transcribeStart: Duration.minutes(1),
  transcribeCheck: Duration.minutes(1),
  correct: Duration.minutes(2),
  synthesize: Duration.minutes(10),
  finish: Duration.minutes(2),
  notify: Duration.minutes(1),
  fail: Duration.minutes(1),
};

/** Builds the definition. `scope` receives the state constructs. */
export function buildPipelineDefinition(scope: Construct, fns: PipelineStepFunctions): sfn.IChainable {
  const task = (key: keyof PipelineStepFunctions, name: string): tasks.LambdaInvoke => {
    const t = new tasks.LambdaInvoke(scope, name, {
      lambdaFunction: fns[key],
      payloadResponseOnly: true,
      retryOnServiceExceptions: false,
      taskTimeout: sfn.Timeout.duration(TASK_TIMEOUTS[key]),
    });
    t.addRetry({
      errors: TRANSIENT_ERRORS,
      interval: Duration.seconds(2),
      maxAttempts: 4,
      backoffRate: 2,
      maxDelay: Duration.seconds(30),
      jitterStrategy: sfn.JitterType.FULL,
    });
    return t;
  };

  const recordFailure = task('fail', STATES.fail).next(new sfn.Fail(scope, STATES.failed, { error: 'JobFailed', cause: 'The job failed; its record holds the reason.' }));
  const steps = {
    accept: task('accept', STATES.accept),
    transcribeStart: task('transcribeStart', STATES.transcribeStart),
    transcribeCheck: task('transcribeCheck', STATES.transcribeCheck),
    correct: task('correct', STATES.correct),
    synthesize: task('synthesize', STATES.synthesize),
    finish: task('finish', STATES.finish),
    notify: task('notify', STATES.notify),
  };
  for (const t of Object.values(steps)) {
    t.addCatch(recordFailure, { errors: ['States.ALL'], resultPath: '$.failure' });
  }

  const wait = new sfn.Wait(scope, STATES.wait, { time: sfn.WaitTime.secondsPath('$.transcription.waitSeconds') });
  const done = new sfn.Succeed(scope, STATES.succeeded);
  const afterTranscription = steps.correct.next(steps.synthesize).next(steps.finish).next(steps.notify).next(done);
  const transcribed = new sfn.Choice(scope, STATES.transcribed)
    .when(sfn.Condition.stringEquals('$.transcription.status', 'completed'), afterTranscription)
    .otherwise(wait);

  return steps.accept
    .next(steps.transcribeStart)
    .next(wait)
    .next(steps.transcribeCheck)
    .next(transcribed);
}

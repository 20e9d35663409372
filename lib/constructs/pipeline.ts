import { Aws, CfnElement, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { DEFAULT_BEDROCK_MODEL_ID } from '../../lambdas/grammar/config';
import { HARPER_WASM_FILE } from '../../lambdas/grammar/harper';
import { HARPER_SNAPSHOT_FILE } from '../../lambdas/grammar/harper-snapshot';
import { BUNDLED_LANGUAGE_MODEL, BUNDLED_LANGUAGE_MODEL_LICENCE, DEBIAN_LANGUAGE_MODEL, DEBIAN_LANGUAGE_MODEL_LICENCE } from '../../lambdas/grammar/language-model-file';
import { WORD_LIST_FILES } from '../../lambdas/grammar/word-lists';
import { DownloadSigning } from './download-signing';
import { type CopiedFile, HouseFunction } from './house-function';
import { Notifications } from './notifications';
import { buildPipelineDefinition, PipelineStepFunctions } from './pipeline-definition';

/**
 * Files the offline grammar engine reads from its bundle's directory: Harper's WASM binary and the
 * snapshot of its set-up linter (lambdas/grammar/harper.ts; 168 MB, which the asset's zip packs to
 * ~45 MB, and saves ~1.5 s of cold start) and the spelling corrector's word lists
 * (lambdas/grammar/word-lists.ts). The snapshot is made or refreshed by CORRECT_PREPARE_SCRIPT.
 */
export const CORRECT_ASSET_FILES = [HARPER_WASM_FILE, HARPER_SNAPSHOT_FILE, ...WORD_LIST_FILES];
export const CORRECT_PREPARE_SCRIPT = 'lambdas/grammar/bin/harper-snapshot.ts';
export const HARPER_INLINED = 'harper.js/slimBinaryInlined';
/**
 * Left out of pipeline bundles: Harper's inlined WASM (Correct loads the file instead) and the
 * 4 MB machine-learning Opus decoder, which ogg-opus-decoder imports only when asked for speech
 * enhancement — we never ask.
 */
export const PIPELINE_EXTERNALS = [HARPER_INLINED, '@wasm-audio-decoders/opus-ml'];

/**
 * The language model the offline grammar engine makes its choices by context with
 * (lambdas/grammar/context.ts), copied into the Correct bundle with its licence: by default Debian's
 * pocketsphinx-en-us (27 MB), which the machine that deploys must have installed.
 */
export function languageModelFiles(model: string | undefined): CopiedFile[] {
  if (model === 'off') return [];
  const missing = 'Install it with `apt-get install pocketsphinx-en-us`, or give another CMU Sphinx trie trigram model with -c grammarLanguageModel=FILE, or deploy without one with -c grammarLanguageModel=off (corrections then leave noun number, verb forms and articles that need context alone).';
  if (model === undefined) {
    return [
      { from: DEBIAN_LANGUAGE_MODEL, to: BUNDLED_LANGUAGE_MODEL, ifMissing: missing },
      { from: DEBIAN_LANGUAGE_MODEL_LICENCE, to: BUNDLED_LANGUAGE_MODEL_LICENCE, ifMissing: missing },
    ];
  }
  return [{ from: model, to: BUNDLED_LANGUAGE_MODEL, ifMissing: 'Check -c grammarLanguageModel.' }];
}

/** Which grammar engine corrects transcripts. */
export type GrammarEngine = 'harper' | 'bedrock';

export interface PipelineProps {
  readonly jobsTable: dynamodb.ITable;
  readonly uploadBucket: s3.IBucket;
  readonly outputBucket: s3.IBucket;
  readonly notifications: Notifications;
  readonly downloads: DownloadSigning;
  /** Largest accepted upload in bytes (checked again on the object). @default 100 MB */
  readonly maxUploadBytes?: number;
  /** Longest accepted recording in seconds. @default 300 */
  readonly maxDurationSeconds?: number;
  /** @default 'harper' */
  readonly grammarEngine?: GrammarEngine;
  /** Bedrock model id when grammarEngine is 'bedrock'. @default the grammar module's DEFAULT_BEDROCK_MODEL_ID */
  readonly bedrockModelId?: string;
  /**
   * The offline engine's language model: a CMU Sphinx trie trigram model file to bundle, or 'off'.
   * @default Debian pocketsphinx-en-us's US English model (see languageModelFiles)
   */
  readonly grammarLanguageModel?: string;
  /** Whole-execution limit (a backstop: every wait and task has its own). @default 1 hour */
  readonly executionTimeout?: Duration;
}

/**
 * Processing: an upload event starts a Standard state machine (named by job id, so duplicates
 * start nothing) of step Lambdas — accept, transcribe, correct, synthesize, finish, notify — with
 * one failure path, plus a rule that records executions ending any other way.
 */
export class Pipeline extends Construct {
  public readonly stateMachine: sfn.StateMachine;
  /** Receives upload events the start function could not handle after retries. */
  public readonly deadLetterQueue: sqs.IQueue;

  constructor(scope: Construct, id: string, props: PipelineProps) {
    super(scope, id);
    const grammarEngine = props.grammarEngine ?? 'harper';
    if (grammarEngine !== 'harper' && grammarEngine !== 'bedrock') {
      throw new Error(`Pipeline: grammarEngine must be "harper" or "bedrock" (got "${grammarEngine}")`);
    }
    const bedrockModelId = props.bedrockModelId ?? DEFAULT_BEDROCK_MODEL_ID;
    const env: Record<string, string> = {
      JOBS_TABLE: props.jobsTable.tableName,
      UPLOAD_BUCKET: props.uploadBucket.bucketName,
      OUTPUT_BUCKET: props.outputBucket.bucketName,
      MAX_UPLOAD_BYTES: String(props.maxUploadBytes ?? 100 * 1024 * 1024),
      MAX_DURATION_SECONDS: String(props.maxDurationSeconds ?? 300),
      STT_ENGINE: 'transcribe',
      TTS_ENGINE: 'polly',
      AUDIO_CODEC: 'wasm',
      GRAMMAR_ENGINE: grammarEngine,
      ...(grammarEngine === 'bedrock' ? { BEDROCK_MODEL_ID: bedrockModelId } : {}),
    };
    // The Correct function alone carries the grammar engine's files and its model setting.
    const correctOnly = {
      environment: { ...env, GRAMMAR_LANGUAGE_MODEL: props.grammarLanguageModel === 'off' ? 'off' : 'auto' },
      assetFiles: CORRECT_ASSET_FILES,
      prepareScript: CORRECT_PREPARE_SCRIPT,
      copiedFiles: languageModelFiles(props.grammarLanguageModel),
    };
    const step = (name: string, file: string, what: string, memorySize = 1024, timeout = Duration.minutes(1)) =>
      new HouseFunction(this, name, {
        entry: `lambdas/pipeline/${file}.ts`,
        description: `voice-correction pipeline: ${what}`,
        environment: env,
        memorySize,
        timeout,
        externalModules: PIPELINE_EXTERNALS,
        ...(file === 'correct' ? correctOnly : {}),
      });

    const fns = {
      accept: step('Accept', 'accept', 'checks the upload is audio within limits', 1536, Duration.minutes(2)),
      transcribeStart: step('TranscribeStart', 'transcribe-start', 'starts transcription', 512),
      transcribeCheck: step('TranscribeCheck', 'transcribe-check', 'polls transcription', 512),
      correct: step('Correct', 'correct', 'corrects the grammar of the transcript', 1536, Duration.minutes(2)),
      synthesize: step('Synthesize', 'synthesize', 'renders the corrected recording', 2048, Duration.minutes(10)),
      finish: step('Finish', 'finish', 'stores the result', 512, Duration.minutes(2)),
      notify: step('Notify', 'notify', 'tells the owner the file is ready', 512),
      fail: step('Fail', 'fail', 'records a failed job and tells the owner', 512),
    };
    const workObjects = 'staging/*';
    const uploads = 'uploads/*';

    for (const f of Object.values(fns)) props.jobsTable.grantReadWriteData(f.fn);
    props.uploadBucket.grantRead(fns.accept.fn, uploads);
    // Transcribe reads the media and writes its output with the caller's permissions.
    props.uploadBucket.grantRead(fns.transcribeStart.fn, uploads);
    props.outputBucket.grantPut(fns.transcribeStart.fn, workObjects);
    props.outputBucket.grantRead(fns.transcribeCheck.fn, workObjects);
    props.outputBucket.grantPut(fns.transcribeCheck.fn, workObjects);
    props.outputBucket.grantRead(fns.correct.fn, workObjects);
    props.outputBucket.grantPut(fns.correct.fn, workObjects);
    props.uploadBucket.grantRead(fns.synthesize.fn, uploads);
    props.outputBucket.grantRead(fns.synthesize.fn, workObjects);
    props.outputBucket.grantPut(fns.synthesize.fn, workObjects);
    props.outputBucket.grantRead(fns.finish.fn, workObjects);
    props.outputBucket.grantPut(fns.finish.fn, 'results/*');

    const transcriptionJobs = `arn:${Aws.PARTITION}:transcribe:${Aws.REGION}:${Aws.ACCOUNT_ID}:transcription-job/*`;
    fns.transcribeStart.fn.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['transcribe:StartTranscriptionJob', 'transcribe:GetTranscriptionJob'], resources: [transcriptionJobs] }),
    );
    fns.transcribeCheck.fn.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['transcribe:GetTranscriptionJob'], resources: [transcriptionJobs] }),
    );
    fns.synthesize.fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['polly:SynthesizeSpeech'], resources: ['*'] }));
    if (grammarEngine === 'bedrock') {
      fns.correct.fn.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['bedrock:InvokeModel'],
          resources: [`arn:${Aws.PARTITION}:bedrock:${Aws.REGION}::foundation-model/${bedrockModelId}`],
        }),
      );
    }
    // Every step reports progress (job-status) to the owner's open connections.
    for (const f of Object.values(fns)) props.notifications.grantNotify(f);
    props.downloads.grantSign(fns.notify);
    props.downloads.grantSign(fns.finish);

    const stepFunctions = Object.fromEntries(
      Object.entries(fns).map(([k, f]) => [k, f.fn]),
    ) as unknown as PipelineStepFunctions;
    const logGroup = new logs.LogGroup(this, 'ExecutionLogs', { retention: logs.RetentionDays.ONE_MONTH });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(buildPipelineDefinition(new Construct(this, 'Definition'), stepFunctions)),
      timeout: props.executionTimeout ?? Duration.hours(1),
      tracingEnabled: true,
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });

    const start = new HouseFunction(this, 'Start', {
      entry: 'lambdas/pipeline/start.ts',
      description: 'voice-correction pipeline: starts one execution per uploaded job',
      environment: { STATE_MACHINE_ARN: this.stateMachine.stateMachineArn },
    });
    this.stateMachine.grantStartExecution(start.fn);

    const dlq = new sqs.Queue(this, 'StartDeadLetters', {
      enforceSSL: true,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(dlq).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the upload rule; its messages are inspected and replayed by an operator.',
    });
    new events.Rule(this, 'UploadCreated', {
      description: 'voice-correction: an upload landed; start its pipeline',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: { bucket: { name: [props.uploadBucket.bucketName] }, object: { key: [{ prefix: 'uploads/' }] } },
      },
      targets: [new targets.LambdaFunction(start.fn, { deadLetterQueue: dlq, retryAttempts: 8, maxEventAge: Duration.hours(2) })],
    });
    new events.Rule(this, 'ExecutionEnded', {
      description: 'voice-correction: an execution failed, timed out or was aborted; record the job as failed',
      eventPattern: {
        source: ['aws.states'],
        detailType: ['Step Functions Execution Status Change'],
        detail: { status: ['FAILED', 'TIMED_OUT', 'ABORTED'], stateMachineArn: [this.stateMachine.stateMachineArn] },
      },
      targets: [new targets.LambdaFunction(fns.fail.fn, { deadLetterQueue: dlq, retryAttempts: 8 })],
    });
    this.deadLetterQueue = dlq;

    this.acknowledgeScopedWildcards(fns);
  }

  /** Every wildcard left is a prefix or an id made at run time; each is named here with why. */
  private acknowledgeScopedWildcards(fns: Record<string, HouseFunction>): void {
    const stack = Stack.of(this);
    Validations.of(this.stateMachine).acknowledge(
      ...Object.values(fns).map((f) => ({
        id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(f.fn.node.defaultChild as CfnElement)}.Arn>:*]`,
        reason: 'CDK\'s LambdaInvoke grant: the step function itself and its versions/aliases (ARN:*), nothing else.',
      })),
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'X-Ray tracing (xray:PutTraceSegments, GetSampling*) and execution logging (logs:*LogDelivery, DescribeLogGroups, resource policies) of the state machine: these actions have no resource-level permissions.',
      },
    );
    for (const f of [fns.transcribeStart, fns.transcribeCheck]) {
      Validations.of(f).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:transcribe:<AWS::Region>:<AWS::AccountId>:transcription-job/*]',
        reason: 'Transcription jobs are named by job id at run time; the grant covers this account and region\'s transcription jobs only.',
      });
    }
    Validations.of(fns.synthesize).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'polly:SynthesizeSpeech has no resource other than lexicons, which this product does not use; plus X-Ray tracing.',
    });
  }
}

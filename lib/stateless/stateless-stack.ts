import { CfnOutput, Duration, Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { AuthEnvironment } from '../constructs/auth-environment';
import { DownloadSigning } from '../constructs/download-signing';
import { JobsApi } from '../constructs/jobs-api';
import { Notifications } from '../constructs/notifications';
import { GrammarEngine, Pipeline } from '../constructs/pipeline';
import { StatefulStack } from '../stateful/stateful-stack';
import { acknowledgeGrantShapes } from './nag-acknowledgements';

/** Deployment settings of the stateless stack; every one has a default (see README "Configuration"). */
export interface StatelessSettings {
  /** @default 100 MB */
  readonly maxUploadBytes?: number;
  /** @default 300 */
  readonly maxDurationSeconds?: number;
  /** @default 30 */
  readonly jobTtlDays?: number;
  /** @default 5 minutes */
  readonly uploadUrlTtl?: Duration;
  /** @default 1 hour */
  readonly downloadUrlTtl?: Duration;
  /** @default ['*'] */
  readonly corsOrigins?: readonly string[];
  /** @default 'harper' */
  readonly grammarEngine?: GrammarEngine;
  /** @default the grammar module's DEFAULT_BEDROCK_MODEL_ID (Claude 3 Haiku) */
  readonly bedrockModelId?: string;
  /** A CMU Sphinx trie language model file for the offline grammar engine, or 'off'. @default Debian pocketsphinx-en-us's */
  readonly grammarLanguageModel?: string;
}

export interface StatelessStackProps extends StackProps {
  /** The data the code works on, passed as typed resources. */
  readonly stateful: StatefulStack;
  readonly settings?: StatelessSettings;
}

/** The code: HTTP API, WebSocket notifications and the processing pipeline. Safe to replace. */
export class StatelessStack extends Stack {
  public readonly jobsApi: JobsApi;
  public readonly notifications: Notifications;
  public readonly pipeline: Pipeline;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { auth, storage, tables, delivery } = props.stateful;
    const settings = props.settings ?? {};
    const authEnv = new AuthEnvironment(auth.userPool, auth.webClient, auth.serviceClient);
    const downloads = new DownloadSigning(
      delivery.distribution.distributionDomainName,
      delivery.publicKeyId,
      delivery.signingKeySecret,
      settings.downloadUrlTtl,
    );

    this.jobsApi = new JobsApi(this, 'JobsApi', {
      auth: authEnv,
      jobsTable: tables.jobs,
      uploadBucket: storage.uploadBucket,
      downloads,
      maxUploadBytes: settings.maxUploadBytes,
      uploadUrlTtl: settings.uploadUrlTtl,
      jobTtlDays: settings.jobTtlDays,
      corsOrigins: settings.corsOrigins,
    });
    this.notifications = new Notifications(this, 'Notifications', { auth: authEnv, connectionsTable: tables.connections });
    this.pipeline = new Pipeline(this, 'Pipeline', {
      jobsTable: tables.jobs,
      uploadBucket: storage.uploadBucket,
      outputBucket: storage.outputBucket,
      notifications: this.notifications,
      downloads,
      maxUploadBytes: settings.maxUploadBytes,
      maxDurationSeconds: settings.maxDurationSeconds,
      grammarEngine: settings.grammarEngine,
      bedrockModelId: settings.bedrockModelId,
      grammarLanguageModel: settings.grammarLanguageModel,
    });

    acknowledgeGrantShapes(this);

    // Everything a client needs, in one stack's outputs (`cdk deploy --outputs-file outputs.json`).
    new CfnOutput(this, 'HttpApiUrl', { value: this.jobsApi.url });
    new CfnOutput(this, 'WebSocketUrl', { value: this.notifications.url });
    new CfnOutput(this, 'UserPoolId', { value: auth.userPool.userPoolId });
    new CfnOutput(this, 'WebClientId', { value: auth.webClient.userPoolClientId });
    new CfnOutput(this, 'ServiceClientId', { value: auth.serviceClient.userPoolClientId });
    new CfnOutput(this, 'TokenEndpoint', { value: auth.tokenEndpoint });
    new CfnOutput(this, 'Region', { value: this.region });
    new CfnOutput(this, 'DownloadDomain', { value: delivery.distribution.distributionDomainName });
  }
}

import { App, Duration, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { GrammarEngine } from './constructs/pipeline';
import { MfaSetting } from './constructs/auth';
import { StatefulStack } from './stateful/stateful-stack';
import { StatelessStack } from './stateless/stateless-stack';

/** Reads an optional context value as a number, failing with the key and the value seen. */
function numberContext(app: App, key: string): number | undefined {
  const raw = app.node.tryGetContext(key);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`Context "${key}" must be a positive number (got "${raw}")`);
  return n;
}

function stringContext(app: App, key: string): string | undefined {
  const raw = app.node.tryGetContext(key);
  return raw === undefined ? undefined : String(raw);
}

function boolContext(app: App, key: string): boolean | undefined {
  const raw = app.node.tryGetContext(key);
  if (raw === undefined) return undefined;
  if (raw === true || raw === 'true') return true;
  if (raw === false || raw === 'false') return false;
  throw new Error(`Context "${key}" must be true or false (got "${raw}")`);
}

export interface BuiltApp {
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
}

/**
 * Wires the two stacks from context settings (see README "Configuration") and applies cdk-nag.
 * Used by bin/ for deployment and by the local runtime to take the state machine definition.
 */
export function buildApp(app: App): BuiltApp {
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  const maxUploadMb = numberContext(app, 'maxUploadMb');
  const corsOrigins = stringContext(app, 'corsOrigins')?.split(',').map((s) => s.trim());
  const stateful = new StatefulStack(app, 'VoiceCorrectionData', {
    env,
    description: 'voice-correction: user pool, buckets, tables, CloudFront downloads',
    auth: {
      selfSignUp: boolContext(app, 'selfSignUp'),
      mfa: stringContext(app, 'mfa') as MfaSetting | undefined,
      domainPrefix: stringContext(app, 'authDomainPrefix'),
    },
    storage: {
      uploadRetentionDays: numberContext(app, 'uploadRetentionDays'),
      resultRetentionDays: numberContext(app, 'resultRetentionDays'),
      corsOrigins,
    },
  });
  const uploadTtl = numberContext(app, 'uploadUrlTtlSeconds');
  const downloadTtl = numberContext(app, 'downloadUrlTtlSeconds');
  const stateless = new StatelessStack(app, 'VoiceCorrection', {
    env,
    description: 'voice-correction: APIs, notifications and the processing pipeline',
    stateful,
    settings: {
      maxUploadBytes: maxUploadMb === undefined ? undefined : Math.round(maxUploadMb * 1024 * 1024),
      maxDurationSeconds: numberContext(app, 'maxDurationSeconds'),
      jobTtlDays: numberContext(app, 'jobTtlDays'),
      uploadUrlTtl: uploadTtl === undefined ? undefined : Duration.seconds(uploadTtl),
      downloadUrlTtl: downloadTtl === undefined ? undefined : Duration.seconds(downloadTtl),
      corsOrigins,
      grammarEngine: stringContext(app, 'grammarEngine') as GrammarEngine | undefined,
      bedrockModelId: stringContext(app, 'bedrockModelId'),
      grammarLanguageModel: stringContext(app, 'grammarLanguageModel'),
    },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { stateful, stateless };
}

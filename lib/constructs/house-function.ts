import * as path from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** Repository root: entries are given relative to it so the local runtime can find the same files. */
export const PROJECT_ROOT = path.join(__dirname, '..', '..');

/** Gives the ESM bundle a `require` for dependencies that still call it (shared with the bundle benchmark). */
export const ESM_REQUIRE_BANNER = "import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);";

/** Metadata key carrying a function's handler file; the local runtime maps state machine tasks with it. */
export const ENTRY_METADATA_KEY = 'voice-correction:entry';

export interface HouseFunctionProps {
  /** Handler file relative to the repository root, e.g. `lambdas/http/get-job.ts`. It exports `handler`. */
  readonly entry: string;
  /** One line saying what the function does. */
  readonly description: string;
  /** Environment variables (names from the config modules). @default {} */
  readonly environment?: Record<string, string>;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default Duration.seconds(10) */
  readonly timeout?: Duration;
  /** Log retention. @default logs.RetentionDays.ONE_MONTH */
  readonly logRetention?: logs.RetentionDays;
  /**
   * Files copied into the bundle's directory at the same relative path they have in the repository
   * (so `node_modules/x/y.wasm` is found by walking up from the bundle as in development), e.g. WASM
   * binaries and word lists. @default none
   */
  readonly assetFiles?: readonly string[];
  /** Modules left out of the bundle because the function never loads them (or loads a copied file instead). @default none */
  readonly externalModules?: readonly string[];
}

/**
 * The one Lambda definition of the product: Node 24 (latest Lambda runtime) on ARM64, ESM bundle by esbuild with source maps,
 * its own log group with retention, X-Ray tracing, Powertools configuration, and a role that may
 * write only to its own log group. Grants are added by the constructs that own the resources.
 */
export class HouseFunction extends Construct {
  /** The function; pass it to `grantX` calls. */
  public readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: HouseFunctionProps) {
    super(scope, id);
    if (path.isAbsolute(props.entry) || props.entry.startsWith('..')) {
      throw new Error(`HouseFunction ${id}: entry must be relative to the repository root (got "${props.entry}"), e.g. "lambdas/http/get-job.ts"`);
    }
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.description}`,
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    const assetFiles = props.assetFiles ?? [];
    this.fn = new NodejsFunction(this, 'Function', {
      entry: path.join(PROJECT_ROOT, props.entry),
      handler: 'handler',
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: lambda.Tracing.ACTIVE,
      logGroup,
      role,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
      environment: {
        POWERTOOLS_SERVICE_NAME: 'voice-correction',
        POWERTOOLS_METRICS_NAMESPACE: 'VoiceCorrection',
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        // The SDK is bundled (not taken from the runtime) so the version we test is the one we run.
        externalModules: [...(props.externalModules ?? [])],
        commandHooks:
          assetFiles.length === 0
            ? undefined
            : {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (inputDir: string, outputDir: string) =>
                  assetFiles.map((f) => `mkdir -p "${path.dirname(path.join(outputDir, f))}" && cp "${path.join(inputDir, f)}" "${path.join(outputDir, f)}"`),
              },
      },
    });
    (this.fn.node.defaultChild as lambda.CfnFunction).addMetadata(ENTRY_METADATA_KEY, props.entry);
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray active tracing: xray:PutTraceSegments and PutTelemetryRecords support no resource-level permissions, so CDK grants them on "*".',
    });
  }
}

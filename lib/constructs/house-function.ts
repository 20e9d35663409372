import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { AssetHashType, Duration, type ILocalBundling, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { buildSync, type BuildOptions } from 'esbuild';

/** Repository root: entries are given relative to it so the local runtime can find the same files. */
export const PROJECT_ROOT = path.join(__dirname, '..', '..');

/** Gives the ESM bundle a `require` for dependencies that still call it (shared with the bundle benchmark). */
export const ESM_REQUIRE_BANNER = "import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);";

/** Metadata key carrying a function's handler file; the local runtime maps state machine tasks with it. */
export const ENTRY_METADATA_KEY = 'voice-correction:entry';

/** Loads `node:http` as CommonJS does; why in the file. Every bundle imports node:http through it. */
export const NODE_HTTP_SHIM = 'lambdas/shared/bundle/node-http.cjs';

/**
 * esbuild options of every Lambda bundle; the bundle benchmark builds with these too. ESM for Node 22+,
 * minified, source maps without sources, the AWS SDK bundled (the version we test is the one we run).
 * Code splitting: what a handler reaches only through `import()` (a download signer, the SDK's
 * non-environment credential providers, audio decoders) goes into chunks that are read and parsed when
 * first imported, not at cold start. Chunks sit beside index.mjs, so `import.meta.url` and the banner's
 * `require` resolve as they would in one file.
 */
export function houseBundleOptions(entry: string, outdir: string, externalModules: readonly string[] = []): BuildOptions {
  const nodeHttp = path.join(PROJECT_ROOT, NODE_HTTP_SHIM);
  return {
    absWorkingDir: PROJECT_ROOT,
    entryPoints: { index: path.join(PROJECT_ROOT, entry) },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    mainFields: ['module', 'main'],
    banner: { js: ESM_REQUIRE_BANNER },
    alias: { http: nodeHttp, 'node:http': nodeHttp },
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    external: [...externalModules],
    logLevel: 'warning',
  };
}

/** A file from outside the repository (a system package's data, say), copied to `to` in the bundle. */
export interface CopiedFile {
  /** Absolute path, or relative to the repository root. */
  readonly from: string;
  /** Path in the bundle's directory. */
  readonly to: string;
  /** What to do when `from` is missing, appended to the bundling error. */
  readonly ifMissing: string;
}

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
  /** Files from elsewhere copied into the bundle, e.g. a language model from a system package. @default none */
  readonly copiedFiles?: readonly CopiedFile[];
  /** Modules left out of the bundle because the function never loads them (or loads a copied file instead). @default none */
  readonly externalModules?: readonly string[];
  /**
   * A TypeScript script (relative to the repository root) run with tsx before the asset files are
   * copied, to create or refresh generated ones, e.g. Harper's linter snapshot. @default none
   */
  readonly prepareScript?: string;
}

/**
 * Bundles one function with esbuild on this machine. Its fields are part of CDK's asset cache key,
 * which serialises the bundling options: without them every function would share the first bundle.
 */
export class HouseBundler implements ILocalBundling {
  constructor(
    readonly entry: string,
    readonly externalModules: readonly string[],
    readonly assetFiles: readonly string[],
    readonly prepareScript?: string,
    readonly copiedFiles: readonly CopiedFile[] = [],
  ) {}

  tryBundle(outputDir: string): boolean {
    buildSync(houseBundleOptions(this.entry, outputDir, this.externalModules));
    if (this.prepareScript) {
      execFileSync(process.execPath, ['--import', 'tsx', this.prepareScript], { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    }
    const copies = [...this.assetFiles.map((f) => ({ from: f, to: f, ifMissing: 'Run npm ci.' })), ...this.copiedFiles];
    for (const { from, to, ifMissing } of copies) {
      const source = path.resolve(PROJECT_ROOT, from);
      if (!existsSync(source)) throw new Error(`Bundling ${this.entry}: ${source} is missing. ${ifMissing}`);
      mkdirSync(path.dirname(path.join(outputDir, to)), { recursive: true });
      copyFileSync(source, path.join(outputDir, to));
    }
    return true;
  }
}

/**
 * The one Lambda definition of the product: Node 24 (latest Lambda runtime) on ARM64, ESM bundle by esbuild
 * with code splitting and source maps ({@link houseBundleOptions}), its own log group with retention, X-Ray
 * tracing, Powertools configuration, and a role that may write only to its own log group. Grants are added by
 * the constructs that own the resources.
 */
export class HouseFunction extends Construct {
  /** The function; pass it to `grantX` calls. */
  public readonly fn: lambda.Function;

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
    this.fn = new lambda.Function(this, 'Function', {
      code: lambda.Code.fromAsset(PROJECT_ROOT, {
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          // Required by the type, never pulled: local bundling always runs (esbuild is a dev dependency).
          image: lambda.Runtime.NODEJS_24_X.bundlingImage,
          local: new HouseBundler(props.entry, props.externalModules ?? [], props.assetFiles ?? [], props.prepareScript, props.copiedFiles),
        },
      }),
      handler: 'index.handler',
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: lambda.Tracing.ACTIVE,
      logGroup,
      role,
      environment: {
        POWERTOOLS_SERVICE_NAME: 'voice-correction',
        POWERTOOLS_METRICS_NAMESPACE: 'VoiceCorrection',
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
    });
    (this.fn.node.defaultChild as lambda.CfnFunction).addMetadata(ENTRY_METADATA_KEY, props.entry);
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray active tracing: xray:PutTraceSegments and PutTelemetryRecords support no resource-level permissions, so CDK grants them on "*".',
    });
  }
}

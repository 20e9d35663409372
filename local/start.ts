/**
 * Local mode: the whole product on loopback, offline, running the same handlers as AWS. This is the
 * composition root: it starts the stand-ins, sets the configuration, and only then imports handlers.
 * `npm start` runs it until Ctrl-C; `startLocal()` is the programmatic form (e2e suite, demo).
 */
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { children, loadApp, type AppModel, type FunctionRef } from './app-model';
import { JWKS_PATH, LocalAuth } from './auth/server';
import { issuer, LOCAL, readLocalConfig, stateMachineArn, type LocalConfig, type LocalPorts } from './config';
import { dynamoServer, LocalTables } from './dynamodb/server';
import { tableSchemas } from './dynamodb/schemas';
import { httpApiServer } from './http-api';
import { close, listen } from './http-util';
import { allowRequireOfEsmOnlyPackages } from './esm-interop';
import { JsonFile } from './json-file';
import { invoke, loadHandler, settleInvocations, type Handler } from './lambda';
import { startS3, type LocalS3 } from './s3';
import { sfnServer } from './sfn/endpoint';
import { LocalExecutions } from './sfn/executions';
import { taskHandlers } from './sfn/task-handlers';
import { WsGateway } from './ws-gateway';

export interface StartLocalOptions extends Partial<Omit<LocalConfig, 'ports'>> {
  readonly ports?: Partial<LocalPorts>;
  /** Receives emailed codes (sign-up confirmation, EMAIL_OTP); default: printed to the console. */
  readonly deliverCode?: (email: string, what: string, code: string) => void;
}

/** The stack outputs, as `cdk deploy --outputs-file` writes them for one stack. */
export interface LocalOutputs {
  readonly HttpApiUrl: string;
  readonly WebSocketUrl: string;
  readonly UserPoolId: string;
  readonly WebClientId: string;
  readonly ServiceClientId: string;
  readonly TokenEndpoint: string;
  readonly Region: string;
  readonly CognitoEndpoint: string;
  readonly LocalServiceClientSecret: string;
}

export interface LocalRuntime {
  readonly outputs: LocalOutputs;
  /** Absolute path of `<dataDir>/outputs.json`. */
  readonly outputsFile: string;
  /** S3 endpoint (for tests that look at objects directly). */
  readonly s3Endpoint: string;
  /** Resolves when no execution is running (tests, demo). */
  idle(): Promise<void>;
  /** Closes every server and waits for in-flight work; safe to call twice. */
  stop(): Promise<void>;
}

let started = false;

/** Longest a stop waits for running handlers. */
const STOP_GRACE_MS = 10_000;

/** Starts everything; one runtime per process (handlers read configuration once, at import). */
export async function startLocal(options: StartLocalOptions = {}): Promise<LocalRuntime> {
  if (started) throw new Error('startLocal: local mode is already running in this process (handlers read configuration once)');
  started = true;
  allowRequireOfEsmOnlyPackages();
  const base = readLocalConfig();
  const config: LocalConfig = { ...base, ...options, ports: { ...base.ports, ...options.ports } };
  const dataDir = resolve(config.dataDir);
  const log = config.verbose ? (line: string) => console.log(line) : undefined;
  await mkdir(dataDir, { recursive: true });
  const url = (port: number, path = '') => `http://${config.host}:${port}${path}`;

  const servers: Server[] = [];
  const serve = async (server: Server, port: number) => {
    servers.push(server);
    return listen(server, config.host, port);
  };
  let s3: LocalS3 | undefined;
  let executions: LocalExecutions | undefined;
  let ws: WsGateway | undefined;
  const stop = once(async () => {
    for (const child of children) child.kill('SIGTERM');
    await ws?.close();
    await executions?.stop();
    // Aborted executions may still have a step running: let it finish its writes (bounded).
    await settleInvocations(STOP_GRACE_MS);
    await s3?.close();
    await Promise.all(servers.map(close));
    started = false;
  });

  try {
    // The app model (synthesized CDK app, cached) loads while the servers start.
    const appModel = loadApp(join(dataDir, 'cdk'));
    const auth = await LocalAuth.open({ dir: join(dataDir, 'auth'), autoConfirm: config.autoConfirm, deliver: options.deliverCode });
    const tables = await LocalTables.open(join(dataDir, 'tables'), tableSchemas({ jobs: LOCAL.jobsTable, connections: LOCAL.connectionsTable }));
    const [authPort, dynamoPort, sfnPort] = await Promise.all([
      serve(auth.server, config.ports.auth),
      serve(dynamoServer(tables), 0),
      serve(sfnServer(() => executions), config.ports.sfn),
    ]);

    const handlers = new Map<string, Promise<Handler>>();
    const load = (entry: string) => {
      let h = handlers.get(entry);
      if (!h) {
        h = loadHandler(entry);
        handlers.set(entry, h);
      }
      return h;
    };
    const route = (fn: FunctionRef) => ({ handler: () => load(fn.entry), functionName: fn.functionId });

    let app: AppModel | undefined;
    s3 = await startS3({
      dir: join(dataDir, 's3'),
      host: config.host,
      port: config.ports.s3,
      onUpload: async (event) => {
        const target = app?.onObjectCreated;
        if (!target) throw new Error('the synthesized app has no EventBridge rule for S3 Object Created events');
        log?.(`[local s3] uploaded ${event.detail.object.key} (${event.detail.object.size} bytes)`);
        return invoke(await load(target.entry), event, target.functionId);
      },
    });

    const clients = auth.clients;
    const wsStage = config.wsStage;
    app = await appModel;
    const model = app;
    if (!model.wsRoutes.$connect) throw new Error('the synthesized app has no WebSocket $connect route');
    ws = new WsGateway({
      stage: wsStage,
      authorizer: model.wsAuthorizer && route(model.wsAuthorizer),
      routes: Object.fromEntries(Object.entries(model.wsRoutes).map(([key, fn]) => [key, route(fn)])),
      log,
    });
    const [wsPort, httpPort] = await Promise.all([
      serve(ws.server, config.ports.ws),
      serve(
        httpApiServer(
          model.httpRoutes.map((r) => ({ routeKey: r.routeKey, jwt: r.jwt, ...route(r) })),
          { issuer, audience: [clients.webClientId, clients.serviceClientId], jwks: auth.key.jwks() },
          log,
        ),
        config.ports.http,
      ),
    ]);

    // Configuration of every handler, set before the first handler import.
    const setting: Record<string, string> = {
      AWS_REGION: LOCAL.region,
      AWS_DEFAULT_REGION: LOCAL.region,
      AWS_ACCESS_KEY_ID: LOCAL.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: 'true',
      // Anything without its own local endpoint fails fast here instead of reaching AWS.
      AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
      AWS_ENDPOINT_URL_DYNAMODB: url(dynamoPort),
      JOBS_TABLE: LOCAL.jobsTable,
      CONNECTIONS_TABLE: LOCAL.connectionsTable,
      UPLOAD_BUCKET: LOCAL.uploadBucket,
      OUTPUT_BUCKET: LOCAL.outputBucket,
      USER_POOL_ID: LOCAL.userPoolId,
      USER_POOL_CLIENT_IDS: `${clients.webClientId},${clients.serviceClientId}`,
      SERVICE_CLIENT_ID: clients.serviceClientId,
      AUTH_JWKS_URI: url(authPort, JWKS_PATH),
      S3_ENDPOINT: url(s3.port),
      SFN_ENDPOINT: url(sfnPort),
      STATE_MACHINE_ARN: stateMachineArn,
      WS_ENDPOINT: url(wsPort, `/${wsStage}`),
      DOWNLOAD_URL_SIGNER: 's3-presigned',
      POWERTOOLS_SERVICE_NAME: 'voice-correction-local',
      POWERTOOLS_TRACE_ENABLED: 'false',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_METRICS_NAMESPACE: 'VoiceCorrection',
    };
    // Engines and log level are defaults a developer may override from the shell.
    const defaults: Record<string, string> = {
      STT_ENGINE: 'pocketsphinx',
      TTS_ENGINE: 'flite',
      AUDIO_CODEC: 'ffmpeg',
      GRAMMAR_ENGINE: 'harper',
      POWERTOOLS_LOG_LEVEL: config.verbose ? 'WARN' : 'ERROR',
    };
    delete process.env.AWS_SESSION_TOKEN;
    delete process.env.AWS_PROFILE;
    Object.assign(process.env, setting);
    for (const [k, v] of Object.entries(defaults)) if (!process.env[k]) process.env[k] = v;

    const failure = model.onExecutionEnded;
    executions = await LocalExecutions.open({
      dir: join(dataDir, 'sfn'),
      extracted: model.stateMachine,
      handlers: taskHandlers(model.stateMachine.tasks, load),
      waitMs: config.waitMs,
      retryMs: config.retryMs,
      log,
      onFailure: async (event) => {
        if (!failure) throw new Error('the synthesized app has no EventBridge rule for failed executions');
        return invoke(await load(failure.entry), event, failure.functionId);
      },
    });

    const outputs: LocalOutputs = {
      HttpApiUrl: url(httpPort),
      WebSocketUrl: `ws://${config.host}:${wsPort}/${wsStage}`,
      UserPoolId: LOCAL.userPoolId,
      WebClientId: clients.webClientId,
      ServiceClientId: clients.serviceClientId,
      TokenEndpoint: url(authPort, '/oauth2/token'),
      Region: LOCAL.region,
      CognitoEndpoint: url(authPort),
      LocalServiceClientSecret: clients.serviceClientSecret,
    };
    const outputsFile = join(dataDir, 'outputs.json');
    await new JsonFile(outputsFile).write({ [LOCAL.stackName]: outputs });

    // Import the handlers in the background so the first request is quick; failures surface on use too.
    const entries = new Set([...Object.values(model.stateMachine.tasks), ...model.httpRoutes, ...Object.values(model.wsRoutes), model.wsAuthorizer, model.onObjectCreated, failure].filter(Boolean).map((f) => f!.entry));
    for (const entry of entries) load(entry).catch((err: unknown) => console.error(`[local] cannot load ${entry}: ${(err as Error).message}`));

    return { outputs, outputsFile, s3Endpoint: url(s3.port), idle: () => executions!.idle(), stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let p: Promise<void> | undefined;
  return () => (p ??= fn());
}

async function main(): Promise<void> {
  const t0 = Date.now();
  let runtime: LocalRuntime | undefined;
  let stopping = false;
  // Installed first so Ctrl-C during the first synthesis also ends the synth child and exits 0.
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping local mode…`);
    if (!runtime) {
      for (const child of children) child.kill('SIGTERM');
      process.exit(0);
    }
    runtime.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`[local] stop failed: ${(err as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  runtime = await startLocal();
  const o = runtime.outputs;
  console.log(`voice-correction local mode ready in ${((Date.now() - t0) / 1000).toFixed(1)} s
  HTTP API        ${o.HttpApiUrl}
  WebSocket       ${o.WebSocketUrl}
  Cognito         ${o.CognitoEndpoint}  (pool ${o.UserPoolId}, web client ${o.WebClientId})
  Token endpoint  ${o.TokenEndpoint}  (service client ${o.ServiceClientId})
  S3              ${runtime.s3Endpoint}
  Outputs         ${runtime.outputsFile}
Press Ctrl-C to stop.`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`local mode failed to start: ${(err as Error).message}`);
    process.exit(1);
  });
}

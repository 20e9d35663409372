/**
 * The state machine definition, taken from the synthesized CDK template — never written by hand.
 * Resolves the DefinitionString's Fn::Join with placeholder ARNs and maps each Task state to the
 * handler file named by its Lambda function's `voice-correction:entry` metadata.
 */
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LOCAL } from './config';
import { JsonFile } from './json-file';
import { repoRoot } from './lambda';

/** Metadata key every house Lambda carries: its handler file, relative to the repository root. */
export const ENTRY_METADATA = 'voice-correction:entry';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, Json>;
  readonly Metadata?: Record<string, Json>;
}

export interface CfnTemplate {
  readonly Resources?: Record<string, CfnResource>;
  readonly Outputs?: Record<string, { Value: Json; Export?: { Name: Json } }>;
}

/** How a Task calls its Lambda: directly by ARN (payloadResponseOnly) or through `lambda:invoke`. */
export type TaskStyle = 'direct' | 'invoke';

export interface TaskBinding {
  /** Handler file, e.g. lambdas/pipeline/accept.ts. */
  readonly entry: string;
  readonly style: TaskStyle;
  /** The function's logical id in the template (its local function name). */
  readonly functionId: string;
}

export interface ExtractedDefinition {
  /** Concrete ASL JSON with placeholder ARNs. */
  readonly definition: { StartAt: string; States: Record<string, Record<string, Json>>; TimeoutSeconds?: number };
  /** Task state name → the handler that runs it. */
  readonly tasks: Record<string, TaskBinding>;
  /** Names of the Wait states (the runtime shortens them). */
  readonly waits: string[];
  /** Names of the states with a Retry field. */
  readonly retries: string[];
}

export class DefinitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DefinitionError';
  }
}

const PSEUDO: Record<string, string> = {
  'AWS::Region': LOCAL.region,
  'AWS::AccountId': LOCAL.account,
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::StackName': LOCAL.stackName,
  'AWS::NoValue': '',
};

const lambdaArn = (id: string) => `arn:aws:lambda:${LOCAL.region}:${LOCAL.account}:function:${id}`;

/** A function ARN without its version or alias qualifier (the 8th ARN field). */
const unqualified = (arn: string) => arn.split(':').slice(0, 7).join(':');

/** Resolves intrinsic functions to strings, with placeholders for resources that do not exist locally. */
class Resolver {
  private readonly exports = new Map<string, { value: Json; template: CfnTemplate }>();

  constructor(private readonly templates: readonly CfnTemplate[]) {
    for (const template of templates) {
      for (const output of Object.values(template.Outputs ?? {})) {
        if (output.Export) this.exports.set(this.str(output.Export.Name, template), { value: output.Value, template });
      }
    }
  }

  /** Every Lambda function of all templates, by logical id. */
  functions(): Map<string, CfnResource> {
    const found = new Map<string, CfnResource>();
    for (const template of this.templates) {
      for (const [id, resource] of Object.entries(template.Resources ?? {})) {
        if (resource.Type === 'AWS::Lambda::Function') found.set(id, resource);
      }
    }
    return found;
  }

  str(node: Json, template: CfnTemplate): string {
    if (typeof node === 'string') return node;
    if (typeof node === 'number' || typeof node === 'boolean') return String(node);
    if (node && typeof node === 'object' && !Array.isArray(node)) {
      const [fn, arg] = Object.entries(node)[0] ?? [];
      if (fn === 'Fn::Join' && Array.isArray(arg)) {
        const [sep, parts] = arg as [string, Json[]];
        return parts.map((p) => this.str(p, template)).join(sep);
      }
      if (fn === 'Ref' && typeof arg === 'string') return PSEUDO[arg] ?? arg;
      if (fn === 'Fn::GetAtt' && Array.isArray(arg)) {
        const [id, attr] = arg as [string, string];
        const type = template.Resources?.[id]?.Type;
        if (type === 'AWS::Lambda::Function' && attr === 'Arn') return lambdaArn(id);
        return `arn:aws:local:${LOCAL.region}:${LOCAL.account}:${id}/${attr}`;
      }
      if (fn === 'Fn::ImportValue') {
        const exported = this.exports.get(this.str(arg as Json, template));
        if (!exported) throw new DefinitionError(`Fn::ImportValue ${JSON.stringify(arg)} names no export of the synthesized stacks`);
        return this.str(exported.value, exported.template);
      }
      if (fn === 'Fn::Sub' && typeof arg === 'string') {
        return arg.replace(/\$\{([^}]+)\}/g, (_, name: string) => PSEUDO[name] ?? name);
      }
    }
    throw new DefinitionError(`cannot resolve ${JSON.stringify(node)} in the state machine definition`);
  }
}

/** Finds the one state machine in the templates and turns it into runnable ASL plus task bindings. */
export function extractDefinition(templates: readonly CfnTemplate[]): ExtractedDefinition {
  const machines = templates.flatMap((template) =>
    Object.entries(template.Resources ?? {})
      .filter(([, r]) => r.Type === 'AWS::StepFunctions::StateMachine')
      .map(([id, resource]) => ({ id, resource, template })),
  );
  if (machines.length !== 1) throw new DefinitionError(`expected exactly one AWS::StepFunctions::StateMachine in the synthesized app, found ${machines.length}`);
  const [{ id, resource, template }] = machines;
  const resolver = new Resolver(templates);
  const props = resource.Properties ?? {};
  let text: string;
  if (props.DefinitionString !== undefined) text = resolver.str(props.DefinitionString, template);
  else if (props.Definition !== undefined) text = JSON.stringify(props.Definition);
  else throw new DefinitionError(`state machine ${id} has neither DefinitionString nor Definition`);
  const substitutions = (props.DefinitionSubstitutions ?? {}) as Record<string, Json>;
  for (const [name, value] of Object.entries(substitutions)) text = text.split(`\${${name}}`).join(resolver.str(value, template));
  const definition = JSON.parse(text) as ExtractedDefinition['definition'];
  if ((definition as { QueryLanguage?: string }).QueryLanguage === 'JSONata') {
    throw new DefinitionError('the definition uses JSONata, which aws-local-stepfunctions ignores: write it in JSONPath');
  }

  const byArn = new Map<string, string>();
  for (const fnId of resolver.functions().keys()) {
    byArn.set(lambdaArn(fnId), fnId);
    byArn.set(fnId, fnId);
  }
  const functions = resolver.functions();
  const tasks: Record<string, TaskBinding> = {};
  const waits: string[] = [];
  const retries: string[] = [];
  const bind = (stateName: string, state: Record<string, Json>) => {
    const resourceArn = String(state.Resource ?? '');
    let style: TaskStyle = 'direct';
    let target = unqualified(resourceArn);
    if (/^arn:aws:states:::lambda:invoke(\.waitForTaskToken)?$/.test(resourceArn)) {
      if (resourceArn.endsWith('.waitForTaskToken')) throw new DefinitionError(`state ${stateName} waits for a task token, which aws-local-stepfunctions cannot run`);
      style = 'invoke';
      const params = (state.Parameters ?? state.Arguments ?? {}) as Record<string, Json>;
      target = unqualified(String(params.FunctionName ?? ''));
    }
    const fnId = byArn.get(target);
    if (!fnId) throw new DefinitionError(`state ${stateName} calls ${resourceArn || '(no Resource)'}, which is not a Lambda function of the synthesized app`);
    const entry = functions.get(fnId)?.Metadata?.[ENTRY_METADATA];
    if (typeof entry !== 'string') throw new DefinitionError(`Lambda function ${fnId} (state ${stateName}) has no "${ENTRY_METADATA}" metadata naming its handler file`);
    tasks[stateName] = { entry, style, functionId: fnId };
  };
  const walk = (states: Record<string, Record<string, Json>>) => {
    for (const [name, state] of Object.entries(states)) {
      if (state.Type === 'Task') bind(name, state);
      if (state.Type === 'Wait') waits.push(name);
      if (Array.isArray(state.Retry) && state.Retry.length > 0) retries.push(name);
      if (state.Type === 'Parallel') for (const branch of state.Branches as { States: Record<string, Record<string, Json>> }[]) walk(branch.States);
      if (state.Type === 'Map') {
        const inner = (state.ItemProcessor ?? state.Iterator) as { States: Record<string, Record<string, Json>> } | undefined;
        if (inner) walk(inner.States);
      }
    }
  };
  walk(definition.States);
  return { definition, tasks, waits, retries };
}

/** A Lambda-backed route or target: the handler file and the function's logical id. */
export interface FunctionRef {
  readonly entry: string;
  readonly functionId: string;
}

export interface HttpRoute extends FunctionRef {
  /** e.g. `GET /jobs/{id}`. */
  readonly routeKey: string;
  /** Guarded by the JWT authorizer (401 before the handler when the token fails). */
  readonly jwt: boolean;
}

/** Everything the local runtime runs, as the synthesized app wires it. */
export interface AppModel {
  readonly stateMachine: ExtractedDefinition;
  readonly httpRoutes: HttpRoute[];
  /** WebSocket route key ($connect, $disconnect, ping, ...) → handler. */
  readonly wsRoutes: Record<string, FunctionRef>;
  /** The $connect REQUEST authorizer. */
  readonly wsAuthorizer?: FunctionRef;
  /** EventBridge targets: S3 Object Created → start, Step Functions status change → fail. */
  readonly onObjectCreated?: FunctionRef;
  readonly onExecutionEnded?: FunctionRef;
}

/** Finds the Lambda function named inside a resolved ARN / integration URI. */
function functionIn(text: string, resolver: Resolver): FunctionRef | undefined {
  const m = /arn:aws:lambda:[^:]+:[^:]+:function:([A-Za-z0-9_-]+)/.exec(text);
  const fn = m ? resolver.functions().get(m[1]) : undefined;
  const entry = fn?.Metadata?.[ENTRY_METADATA];
  if (!m || !fn) return undefined;
  if (typeof entry !== 'string') throw new DefinitionError(`Lambda function ${m[1]} has no "${ENTRY_METADATA}" metadata naming its handler file`);
  return { entry, functionId: m[1] };
}

/** Reads the APIs, their routes and the EventBridge targets from the templates. */
export function extractApp(templates: readonly CfnTemplate[]): AppModel {
  const resolver = new Resolver(templates);
  const all = templates.flatMap((template) => Object.entries(template.Resources ?? {}).map(([id, resource]) => ({ id, resource, template })));
  const byId = new Map(all.map((r) => [r.id, r]));
  const prop = (r: { resource: CfnResource }, name: string) => r.resource.Properties?.[name] as Json;
  const protocolOf = (apiRef: Json) => {
    const api = byId.get((apiRef as { Ref?: string })?.Ref ?? '');
    return api ? String(prop(api, 'ProtocolType')) : undefined;
  };
  const integrationTarget = (route: (typeof all)[number]) => {
    const target = resolver.str(prop(route, 'Target'), route.template);
    const integration = byId.get(target.replace(/^integrations\//, ''));
    return integration ? functionIn(resolver.str(prop(integration, 'IntegrationUri'), integration.template), resolver) : undefined;
  };
  const httpRoutes: HttpRoute[] = [];
  const wsRoutes: Record<string, FunctionRef> = {};
  let wsAuthorizer: FunctionRef | undefined;
  for (const r of all.filter((x) => x.resource.Type === 'AWS::ApiGatewayV2::Route')) {
    const fn = integrationTarget(r);
    if (!fn) continue;
    const routeKey = String(prop(r, 'RouteKey'));
    if (protocolOf(prop(r, 'ApiId')) === 'WEBSOCKET') {
      wsRoutes[routeKey] = fn;
      const authorizer = byId.get((prop(r, 'AuthorizerId') as { Ref?: string })?.Ref ?? '');
      if (authorizer) wsAuthorizer = functionIn(resolver.str(prop(authorizer, 'AuthorizerUri'), authorizer.template), resolver);
    } else {
      httpRoutes.push({ ...fn, routeKey, jwt: prop(r, 'AuthorizationType') === 'JWT' });
    }
  }
  let onObjectCreated: FunctionRef | undefined;
  let onExecutionEnded: FunctionRef | undefined;
  for (const rule of all.filter((x) => x.resource.Type === 'AWS::Events::Rule')) {
    const pattern = prop(rule, 'EventPattern') as { source?: string[] } | undefined;
    const targets = (prop(rule, 'Targets') ?? []) as { Arn: Json }[];
    const fn = targets.map((t) => functionIn(resolver.str(t.Arn, rule.template), resolver)).find(Boolean);
    if (pattern?.source?.includes('aws.s3')) onObjectCreated = fn;
    if (pattern?.source?.includes('aws.states')) onExecutionEnded = fn;
  }
  return { stateMachine: extractDefinition(templates), httpRoutes, wsRoutes, wsAuthorizer, onObjectCreated, onExecutionEnded };
}

/** The CDK app entry: `buildApp(app)` in lib/app.ts adds the stacks. */
export const APP_MODULE = 'lib/app.ts';

/** Synthesizes the CDK app in-process with bundling off and reads what the local runtime runs. */
export async function synthesizeApp(): Promise<AppModel> {
  const outdir = await mkdtemp(join(tmpdir(), 'vc-local-synth-'));
  try {
    const { App } = await import('aws-cdk-lib');
    const mod = (await import(resolve(repoRoot, APP_MODULE))) as { buildApp?: (app: InstanceType<typeof App>) => unknown };
    if (typeof mod.buildApp !== 'function') throw new DefinitionError(`${APP_MODULE} exports no buildApp(app)`);
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] }, outdir });
    mod.buildApp(app);
    const assembly = app.synth();
    return extractApp(assembly.stacks.map((s) => s.template as CfnTemplate));
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}

/** A hash of everything the definition depends on: lib/, bin/ and the CDK version. */
async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const visit = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, e.name);
      if (e.isDirectory()) await visit(path);
      else if (/\.(ts|js|json)$/.test(e.name)) hash.update(path).update(await readFile(path));
    }
  };
  await visit(join(repoRoot, 'lib'));
  await visit(join(repoRoot, 'bin'));
  hash.update(await readFile(join(repoRoot, 'node_modules/aws-cdk-lib/package.json')));
  hash.update(await readFile(__filename));
  return hash.digest('hex');
}

/** The app model, synthesized only when lib/ changed since the copy cached in `<dir>` (synthesis takes ~30 s). */
export async function loadApp(dir: string): Promise<AppModel> {
  const cache = new JsonFile<{ hash: string; extracted: AppModel } | null>(join(dir, 'app-model.json'));
  const hash = await sourceHash();
  const cached = await cache.read(null);
  if (cached?.hash === hash) return cached.extracted;
  const extracted = await synthesizeInChild();
  await cache.write({ hash, extracted });
  return extracted;
}

/** Children still running (synthesis); stop() kills them. */
export const children = new Set<import('node:child_process').ChildProcess>();

/**
 * Synthesis in a child process: aws-cdk-lib and cdk-nag take hundreds of MB that the running
 * system then never gives back.
 */
async function synthesizeInChild(): Promise<AppModel> {
  const dir = await mkdtemp(join(tmpdir(), 'vc-local-model-'));
  const out = join(dir, 'model.json');
  try {
    const child = spawn(process.execPath, [require.resolve('tsx/cli'), join(repoRoot, 'local/synth.ts'), out], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    children.add(child);
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (c) => resolve(c));
    }).finally(() => children.delete(child));
    if (code !== 0) throw new DefinitionError(`synthesizing ${APP_MODULE} failed: ${stderr.trim().split('\n').slice(-3).join(' ') || `exit ${code}`}`);
    return JSON.parse(await readFile(out, 'utf8')) as AppModel;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

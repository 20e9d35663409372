/**
 * Builds the real CDK app (buildApp, cdk-nag included) once per test file, with asset bundling off
 * and the feature flags of cdk.json, so assertions see what `cdk synth` would produce.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { buildApp, BuiltApp } from '../../lib/app';

/** Synthesis of the whole app with cdk-nag takes a while on a busy machine. */
export const SYNTH_TIMEOUT_MS = 240_000;

export interface SynthesizedApp {
  readonly app: App;
  readonly built: BuiltApp;
  readonly stateful: Template;
  readonly stateless: Template;
  /** The cloud assembly (cached by the app: no second synthesis). */
  readonly assembly: CloudAssembly;
  readonly outdir: string;
}

/** Feature flags and settings from cdk.json: the tests synthesize the app as the CLI would. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> };
  return cdkJson.context ?? {};
}

/** A fresh App with bundling off and its own output folder; the caller removes `outdir`. */
export function newTestApp(context: Record<string, unknown> = {}): { app: App; outdir: string } {
  const outdir = mkdtempSync(path.join(tmpdir(), 'cdk-test-'));
  const app = new App({ context: { ...cdkJsonContext(), ...context, 'aws:cdk:bundling-stacks': [] }, outdir });
  return { app, outdir };
}

/** Builds and synthesizes the app now. Throws what synthesis throws (e.g. a cdk-nag finding). */
export function synthesizeApp(context: Record<string, unknown> = {}): SynthesizedApp {
  const { app, outdir } = newTestApp(context);
  try {
    const built = buildApp(app);
    const stateful = Template.fromStack(built.stateful);
    const stateless = Template.fromStack(built.stateless);
    return { app, built, stateful, stateless, assembly: app.synth(), outdir };
  } catch (e) {
    rmSync(outdir, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Registers beforeAll/afterAll that build the app once for the file and remove its output
 * folder afterwards. Call the returned function inside tests.
 */
export function useApp(context: Record<string, unknown> = {}): () => SynthesizedApp {
  let synthesized: SynthesizedApp | undefined;
  beforeAll(() => {
    synthesized = synthesizeApp(context);
  }, SYNTH_TIMEOUT_MS);
  afterAll(() => {
    if (synthesized) rmSync(synthesized.outdir, { recursive: true, force: true });
  });
  return () => {
    if (!synthesized) throw new Error('The app was not synthesized (see the beforeAll error above)');
    return synthesized;
  };
}

// ---------------------------------------------------------------------------------------------
// Template helpers shared by the construct tests.

type Resources = Record<string, { Type: string; Properties?: Record<string, any>; Metadata?: Record<string, any> }>;

export function resourcesOf(template: Template, type?: string): Resources {
  const all = template.toJSON().Resources as Resources;
  if (!type) return all;
  return Object.fromEntries(Object.entries(all).filter(([, r]) => r.Type === type));
}

/** Logical id of the Lambda function whose `voice-correction:entry` metadata is `entry`. */
export function functionIdByEntry(template: Template, entry: string): string {
  const ids = Object.entries(resourcesOf(template, 'AWS::Lambda::Function'))
    .filter(([, r]) => r.Metadata?.['voice-correction:entry'] === entry)
    .map(([id]) => id);
  if (ids.length !== 1) throw new Error(`Expected one function with entry ${entry}, found ${ids.length}`);
  return ids[0];
}

/** Logical id of the role a function runs as. */
export function roleIdOfFunction(template: Template, functionId: string): string {
  const fn = resourcesOf(template)[functionId];
  const role = fn?.Properties?.Role;
  const id = role?.['Fn::GetAtt']?.[0];
  if (typeof id !== 'string') throw new Error(`Function ${functionId} has no role reference`);
  return id;
}

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

/** Every policy statement attached to a role through AWS::IAM::Policy resources and inline policies. */
export function statementsOfRole(template: Template, roleId: string): Statement[] {
  const out: Statement[] = [];
  const resources = resourcesOf(template);
  for (const r of Object.values(resources)) {
    if (r.Type !== 'AWS::IAM::Policy') continue;
    const roles = (r.Properties?.Roles ?? []) as unknown[];
    if (!roles.some((x) => JSON.stringify(x) === JSON.stringify({ Ref: roleId }))) continue;
    out.push(...(r.Properties?.PolicyDocument?.Statement ?? []));
  }
  for (const p of (resources[roleId]?.Properties?.Policies ?? []) as Array<{ PolicyDocument: { Statement: Statement[] } }>) {
    out.push(...p.PolicyDocument.Statement);
  }
  return out;
}

/** Statements of the role of the function with this entry. */
export function statementsOfEntry(template: Template, entry: string): Statement[] {
  return statementsOfRole(template, roleIdOfFunction(template, functionIdByEntry(template, entry)));
}

export const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** Actions allowed by the statements (exact strings, wildcards kept as written). */
export function actionsOf(statements: Statement[]): string[] {
  return statements.filter((s) => s.Effect === 'Allow').flatMap((s) => asArray(s.Action));
}

/** Whether any Allow statement grants an action matching `action` (IAM wildcards in the grant honoured). */
export function allows(statements: Statement[], action: string, resource?: (r: unknown) => boolean): boolean {
  const matches = (granted: string) =>
    new RegExp(`^${granted.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i').test(action);
  return statements.some(
    (s) => s.Effect === 'Allow' && asArray(s.Action).some(matches) && (!resource || asArray(s.Resource).some(resource)),
  );
}

/** Renders a CloudFormation value (Fn::Join / Fn::GetAtt / Ref) as a readable string for matching. */
export function render(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(render).join(',');
  if (value && typeof value === 'object') {
    const v = value as Record<string, any>;
    if ('Fn::Join' in v) return (v['Fn::Join'][1] as unknown[]).map(render).join(v['Fn::Join'][0]);
    if ('Fn::GetAtt' in v) return `<${asArray(v['Fn::GetAtt']).join('.')}>`;
    if ('Ref' in v) return `<${v.Ref}>`;
    if ('Fn::ImportValue' in v) return `<import:${render(v['Fn::ImportValue'])}>`;
    return JSON.stringify(v);
  }
  return String(value);
}

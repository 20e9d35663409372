import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ENTRY_METADATA_KEY, HouseFunction } from '../../lib/constructs/house-function';
import { allows, cdkJsonContext, functionIdByEntry, newTestApp, render, resourcesOf, roleIdOfFunction, statementsOfRole, useApp } from './app';

const ENTRIES = [
  'lambdas/delivery/signing-key.ts',
  'lambdas/http/verify-token.ts',
  'lambdas/http/create-upload.ts',
  'lambdas/http/list-jobs.ts',
  'lambdas/http/get-job.ts',
  'lambdas/ws/authorizer.ts',
  'lambdas/ws/connect.ts',
  'lambdas/ws/disconnect.ts',
  'lambdas/ws/ping.ts',
  ...['accept', 'transcribe-start', 'transcribe-check', 'correct', 'synthesize', 'finish', 'notify', 'fail', 'start'].map((f) => `lambdas/pipeline/${f}.ts`),
];

const AUTH = ['USER_POOL_ID', 'USER_POOL_CLIENT_IDS'];
const CLOUDFRONT_SIGNER = ['CLOUDFRONT_DOMAIN', 'CLOUDFRONT_KEY_PAIR_ID', 'CLOUDFRONT_PRIVATE_KEY_SECRET_ARN'];
const STEP = ['JOBS_TABLE', 'OUTPUT_BUCKET', 'CONNECTIONS_TABLE', 'WS_ENDPOINT'];

/**
 * Variables each handler module reads with a fail-fast accessor when it loads (module scope), so
 * a missing one stops the function at cold start. Read from the handlers and lambdas/pipeline/runtime.ts.
 */
const REQUIRED_AT_LOAD: Record<string, string[]> = {
  'lambdas/delivery/signing-key.ts': [],
  'lambdas/http/verify-token.ts': AUTH,
  'lambdas/http/create-upload.ts': [...AUTH, 'JOBS_TABLE', 'UPLOAD_BUCKET'],
  // list-jobs.ts and get-job.ts both build the download-URL signer at load (createDownloadUrlSigner()).
  'lambdas/http/list-jobs.ts': [...AUTH, 'JOBS_TABLE', ...CLOUDFRONT_SIGNER],
  'lambdas/http/get-job.ts': [...AUTH, 'JOBS_TABLE', ...CLOUDFRONT_SIGNER],
  'lambdas/ws/authorizer.ts': AUTH,
  'lambdas/ws/connect.ts': ['CONNECTIONS_TABLE'],
  'lambdas/ws/disconnect.ts': ['CONNECTIONS_TABLE'],
  // ping.ts builds an ApiGatewayNotifier (management endpoint + connections repository) at load.
  'lambdas/ws/ping.ts': ['CONNECTIONS_TABLE', 'WS_ENDPOINT'],
  'lambdas/pipeline/start.ts': ['STATE_MACHINE_ARN'],
  // Every step imports runtime.ts, which builds the jobs repository and the notifier at load.
  ...Object.fromEntries(
    ['accept', 'transcribe-start', 'transcribe-check', 'correct', 'synthesize', 'finish', 'notify', 'fail'].map((f) => [`lambdas/pipeline/${f}.ts`, STEP]),
  ),
};

describe('HouseFunction (every Lambda of the product)', () => {
  const app = useApp();
  const scratch: string[] = [];
  afterAll(() => scratch.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const scratchStack = () => {
    const { app: a, outdir } = newTestApp();
    scratch.push(outdir);
    return new Stack(a, 'S');
  };
  const functions = () => {
    const { stateful, stateless } = app();
    return [stateful, stateless].flatMap((t) =>
      Object.entries(resourcesOf(t, 'AWS::Lambda::Function'))
        .filter(([, r]) => r.Metadata?.[ENTRY_METADATA_KEY] !== undefined)
        .map(([id, r]) => ({ template: t, id, r })),
    );
  };

  it('defines exactly the designed functions, each with its entry metadata naming an existing file', () => {
    const entries = functions().map(({ r }) => r.Metadata?.[ENTRY_METADATA_KEY] as string);
    expect(entries.sort()).toEqual([...ENTRIES].sort());
    for (const e of entries) {
      expect(path.isAbsolute(e)).toBe(false);
      expect(existsSync(path.join(__dirname, '..', '..', e))).toBe(true);
    }
  });

  it('the only other Lambda is CDK\'s own bucket-notifications handler', () => {
    const { stateful, stateless } = app();
    const others = [stateful, stateless].flatMap((t) =>
      Object.entries(resourcesOf(t, 'AWS::Lambda::Function')).filter(([, r]) => r.Metadata?.[ENTRY_METADATA_KEY] === undefined).map(([id]) => id),
    );
    expect(others).toHaveLength(1);
    expect(others[0]).toMatch(/^BucketNotificationsHandler/);
  });

  it('runs every function on nodejs24.x, ARM64, with active tracing, source maps and Powertools settings', () => {
    for (const { id, r } of functions()) {
      expect({ id, ...r.Properties }).toMatchObject({
        id,
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        Handler: 'index.handler',
        Environment: {
          Variables: expect.objectContaining({
            NODE_OPTIONS: '--enable-source-maps',
            POWERTOOLS_SERVICE_NAME: 'voice-correction',
            POWERTOOLS_METRICS_NAMESPACE: 'VoiceCorrection',
          }),
        },
      });
      expect(r.Properties?.Timeout).toBeGreaterThan(0);
      expect(r.Properties?.MemorySize).toBeGreaterThanOrEqual(512);
    }
  });

  it('gives every function its own log group with retention, and lets it write only there', () => {
    const seen = new Set<string>();
    for (const { template, id, r } of functions()) {
      const logGroupId = r.Properties?.LoggingConfig?.LogGroup?.Ref as string;
      expect(logGroupId).toBeDefined();
      expect(seen.has(logGroupId)).toBe(false);
      seen.add(logGroupId);
      const logGroup = resourcesOf(template)[logGroupId];
      expect(logGroup.Type).toBe('AWS::Logs::LogGroup');
      expect(logGroup.Properties?.RetentionInDays).toBe(30);
      const logStatements = statementsOfRole(template, roleIdOfFunction(template, id)).filter((s) =>
        [s.Action].flat().some((a) => a.startsWith('logs:')),
      );
      expect(logStatements).toEqual([
        { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] } },
      ]);
    }
  });

  it('gives every function its own role, assumable by Lambda only, without managed policies', () => {
    const roles = new Set<string>();
    for (const { template, id } of functions()) {
      const roleId = roleIdOfFunction(template, id);
      expect(roles.has(roleId)).toBe(false);
      roles.add(roleId);
      const role = resourcesOf(template)[roleId].Properties ?? {};
      expect(role.AssumeRolePolicyDocument.Statement).toEqual([
        { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } },
      ]);
      expect(role.ManagedPolicyArns).toBeUndefined();
    }
  });

  it('rejects an absolute or escaping entry path', () => {
    const stack = scratchStack();
    expect(() => new HouseFunction(stack, 'Abs', { entry: path.join(__dirname, 'x.ts'), description: 'd' })).toThrow(/relative to the repository root/);
    expect(() => new HouseFunction(stack, 'Up', { entry: '../x.ts', description: 'd' })).toThrow(/relative to the repository root/);
  });

  it('applies memory, timeout, retention and environment given as props', () => {
    const stack = scratchStack();
    new HouseFunction(stack, 'Fn', {
      entry: 'lambdas/http/verify-token.ts',
      description: 'test function',
      memorySize: 1024,
      environment: { EXTRA: 'yes' },
    });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::Function', {
      MemorySize: 1024,
      Timeout: 10,
      Description: 'test function',
      Environment: { Variables: { EXTRA: 'yes', POWERTOOLS_SERVICE_NAME: 'voice-correction', NODE_OPTIONS: '--enable-source-maps', POWERTOOLS_METRICS_NAMESPACE: 'VoiceCorrection' } },
    });
    t.resourceCountIs('AWS::Logs::LogGroup', 1);
  });

  it('bundles each function into its own asset: index.mjs with chunks beside it, code behind import() left out of the cold start', () => {
    const outdir = mkdtempSync(path.join(tmpdir(), 'cdk-bundle-'));
    scratch.push(outdir);
    const stack = new Stack(new App({ context: { ...cdkJsonContext(), 'aws:cdk:enable-asset-metadata': true }, outdir }), 'S');
    new HouseFunction(stack, 'GetJob', { entry: 'lambdas/http/get-job.ts', description: 'get job' });
    new HouseFunction(stack, 'Connect', { entry: 'lambdas/ws/connect.ts', description: 'connect' });

    const dirs = Object.values(resourcesOf(Template.fromStack(stack), 'AWS::Lambda::Function')).map((r) => path.join(outdir, r.Metadata?.['aws:asset:path'] as string));

    expect(new Set(dirs).size).toBe(2);
    for (const dir of dirs) {
      const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');
      const js = readdirSync(dir).filter((f) => f.endsWith('.mjs'));
      expect(js).toContain('index.mjs');
      expect(existsSync(path.join(dir, 'index.mjs.map'))).toBe(true);
      // node:http as ESM would compile undici at every cold start (see NODE_HTTP_SHIM).
      for (const f of js) expect(read(f)).not.toMatch(/(from|import\()\s*"(node:)?http"/);
      // What a cold start loads: index.mjs and the chunks it imports statically.
      const atInit = new Set<string>();
      const visit = (f: string) => {
        if (atInit.has(f)) return;
        atInit.add(f);
        for (const m of read(f).matchAll(/(?:from|import)\s*"\.\/([^"]+\.mjs)"/g)) visit(m[1]);
      };
      visit('index.mjs');
      expect(js.length).toBeGreaterThan(atInit.size);
      if (dir === dirs[0]) {
        // get-job signs download URLs only for finished jobs: the CloudFront signer is a chunk loaded then.
        const signer = js.filter((f) => read(f).includes('CloudFront private key secret has no SecretString'));
        expect(signer).toHaveLength(1);
        expect(atInit.has(signer[0])).toBe(false);
      }
    }
  });

  describe('configuration each handler requires when it loads', () => {
    const variablesOf = (entry: string) => {
      const { stateful, stateless } = app();
      const t = entry.startsWith('lambdas/delivery/') ? stateful : stateless;
      return { t, vars: (resourcesOf(t)[functionIdByEntry(t, entry)].Properties?.Environment?.Variables ?? {}) as Record<string, unknown> };
    };

    it('covers every function', () => {
      expect(Object.keys(REQUIRED_AT_LOAD).sort()).toEqual([...ENTRIES].sort());
    });

    it.each(Object.entries(REQUIRED_AT_LOAD))('%s gets every variable it requires', (entry, required) => {
      const { vars } = variablesOf(entry);
      const missing = required.filter((name) => vars[name] === undefined || vars[name] === '');
      expect(missing).toEqual([]);
    });

    it.each(Object.keys(REQUIRED_AT_LOAD))('%s may use what its configuration points at', (entry) => {
      const { t, vars } = variablesOf(entry);
      const s = statementsOfRole(t, roleIdOfFunction(t, functionIdByEntry(t, entry)));
      const gaps: string[] = [];
      if (vars.CONNECTIONS_TABLE !== undefined && !allows(s, 'dynamodb:PutItem', (r) => /TablesConnections/.test(render(r))) && !allows(s, 'dynamodb:Query', (r) => /TablesConnections/.test(render(r)))) {
        gaps.push('connections table');
      }
      if (vars.WS_ENDPOINT !== undefined && !allows(s, 'execute-api:ManageConnections')) gaps.push('execute-api:ManageConnections');
      if (vars.CLOUDFRONT_PRIVATE_KEY_SECRET_ARN !== undefined && !allows(s, 'secretsmanager:GetSecretValue')) gaps.push('signing key secret');
      if (vars.STATE_MACHINE_ARN !== undefined && !allows(s, 'states:StartExecution')) gaps.push('states:StartExecution');
      expect(gaps).toEqual([]);
    });
  });
});

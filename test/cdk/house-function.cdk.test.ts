import { existsSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ENTRY_METADATA_KEY, HouseFunction } from '../../lib/constructs/house-function';
import { newTestApp, resourcesOf, roleIdOfFunction, statementsOfRole, useApp } from './app';

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
});

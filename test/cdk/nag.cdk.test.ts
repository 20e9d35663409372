import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildApp } from '../../lib/app';
import { newTestApp, SYNTH_TIMEOUT_MS, useApp } from './app';

const ACK_KEY = Validations.ACKNOWLEDGED_RULES_METADATA_KEY; // 'aws:cdk:acknowledged-rules'

interface ReportedViolation {
  ruleName: string;
  violatingConstructs: Array<{ constructPath: string }>;
}

/** Violations cdk-nag wrote to the validation report of a failed synthesis. */
function reportedViolations(outdir: string): ReportedViolation[] {
  const report = JSON.parse(readFileSync(path.join(outdir, 'validation-report.json'), 'utf8')) as {
    pluginReports: Array<{ pluginName: string; violations: ReportedViolation[] }>;
  };
  return report.pluginReports.filter((r) => r.pluginName === 'AwsSolutions').flatMap((r) => r.violations);
}

describe('cdk-nag AwsSolutions', () => {
  const app = useApp();

  it('synthesizes the app with zero unacknowledged findings (synthesis would throw otherwise)', () => {
    const { assembly } = app();
    expect(assembly.stacks.map((s) => s.stackName).sort()).toEqual(['VoiceCorrection', 'VoiceCorrectionData']);
  });

  it('records every acknowledgement with a written, non-trivial reason', () => {
    const acks = app().assembly.stacks.flatMap((stack) =>
      stack.findMetadataByType(ACK_KEY).flatMap((m) => Object.entries(m.data as unknown as Record<string, string>).map(([id, reason]) => ({ stack: stack.stackName, path: m.path, id, reason }))),
    );
    // Every construct module acknowledges something; an empty list means the metadata moved.
    expect(acks.length).toBeGreaterThanOrEqual(20);
    for (const a of acks) {
      expect(a.id).toMatch(/AwsSolutions-[A-Z]+\d+/);
      expect(typeof a.reason).toBe('string');
      expect([a.id, a.reason.trim().length >= 40]).toEqual([a.id, true]);
    }
  });

  it('acknowledges each rule where it applies, not across a whole stack (except the listed grant shapes)', () => {
    const stackWide = app().assembly.stacks.flatMap((stack) =>
      stack.findMetadataByType(ACK_KEY).filter((m) => m.path === `/${stack.stackName}`).flatMap((m) => Object.keys(m.data as object)),
    );
    for (const id of stackWide) expect(id).toMatch(/AwsSolutions-IAM(4|5)\[/);
  });

  describe('fails synthesis', () => {
    const outdirs: string[] = [];
    afterAll(() => outdirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

    it('on an unacknowledged finding in a stack (a plain bucket without TLS or access logs)', () => {
      const { app: a, outdir } = newTestApp();
      outdirs.push(outdir);
      const stack = new Stack(a, 'Plain');
      new s3.Bucket(stack, 'Bucket');
      Validations.of(a).addPlugins(new AwsSolutionsChecks(a));
      expect(() => a.synth()).toThrow(/AwsSolutions-S10[\s\S]*validation-report\.json/);
      const rules = reportedViolations(outdir).map((v) => v.ruleName);
      expect(rules).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
    });

    it('but an acknowledgement in the form the app uses silences exactly that rule', () => {
      const { app: a, outdir } = newTestApp();
      outdirs.push(outdir);
      const stack = new Stack(a, 'Plain');
      const bucket = new s3.Bucket(stack, 'Bucket');
      Validations.of(bucket).acknowledge({ id: 'AwsSolutions-S1', reason: 'test: access logs are out of scope here' });
      Validations.of(a).addPlugins(new AwsSolutionsChecks(a));
      expect(() => a.synth()).toThrow(/AwsSolutions-S10[\s\S]*validation-report\.json/);
      const rules = reportedViolations(outdir).map((v) => v.ruleName);
      expect(rules).toContain('AwsSolutions-S10');
      expect(rules).not.toContain('AwsSolutions-S1');
    });

    it(
      'when buildApp\'s stacks gain an unacknowledged resource (buildApp applies AwsSolutionsChecks)',
      () => {
        const { app: a, outdir } = newTestApp();
        outdirs.push(outdir);
        const built = buildApp(a);
        new s3.Bucket(built.stateful, 'Unreviewed');
        expect(() => a.synth()).toThrow(/AwsSolutions-S10[\s\S]*validation-report\.json/);
        const violations = reportedViolations(outdir);
        expect(violations.map((v) => v.ruleName)).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
        // Nothing else in the app is reported.
        const paths = violations.flatMap((v) => v.violatingConstructs.map((c) => c.constructPath));
        for (const p of paths) expect(p).toMatch(/^VoiceCorrectionData\/Unreviewed\//);
      },
      SYNTH_TIMEOUT_MS,
    );
  });
});

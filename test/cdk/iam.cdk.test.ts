import { Template } from 'aws-cdk-lib/assertions';
import {
  actionsOf,
  allows,
  asArray,
  functionIdByEntry,
  resourcesOf,
  roleIdOfFunction,
  Statement,
  statementsOfEntry,
  statementsOfRole,
  useApp,
} from './app';

/** Names a policy resource by what it is, independent of logical-id hashes. */
function friendly(resource: unknown, ownLogGroup?: string): string {
  if (resource === '*') return '*';
  const r = resource as Record<string, any>;
  if (r['Fn::GetAtt'] && r['Fn::GetAtt'][0] === ownLogGroup) return 'own-log-group';
  if (r['Fn::Join']) {
    const parts = r['Fn::Join'][1] as unknown[];
    const text = parts.map((p) => (typeof p === 'string' ? p : '')).join('');
    if (text.includes('@connections')) return 'ws-connections';
    if (text.includes(':transcribe:')) return 'transcription-jobs';
    if (text.includes(':bedrock:')) return `bedrock:${text.split('foundation-model/')[1]}`;
    return `${friendly(parts[0])}${parts.slice(1).join('')}`;
  }
  const name = JSON.stringify(r);
  const known: Array<[RegExp, string]> = [
    [/TablesJobs/, 'jobs-table'],
    [/TablesConnections/, 'connections-table'],
    [/StorageUploads/, 'upload-bucket'],
    [/StorageOutput/, 'output-bucket'],
    [/DeliverySigningKey/, 'signing-key'],
    [/PipelineStateMachine/, 'state-machine'],
  ];
  for (const [re, label] of known) if (re.test(name)) return label;
  return name;
}

function resourcesOfEntry(t: Template, entry: string): string[] {
  const fnId = functionIdByEntry(t, entry);
  const logGroup = resourcesOf(t)[fnId].Properties?.LoggingConfig?.LogGroup?.Ref;
  const names = statementsOfRole(t, roleIdOfFunction(t, fnId)).flatMap((s) => asArray(s.Resource).map((r) => friendly(r, logGroup)));
  return [...new Set(names)].filter((n) => n !== 'own-log-group' && n !== '*').sort();
}

const jobs = ['jobs-table', 'jobs-table/index/*'];
const connections = ['connections-table', 'connections-table/index/*'];

/** The only resources each function's role names (besides its own log group and the X-Ray "*"). */
const EXPECTED_RESOURCES: Record<string, string[]> = {
  'lambdas/http/verify-token.ts': [],
  'lambdas/http/create-upload.ts': [...jobs, 'upload-bucket/uploads/*'],
  'lambdas/http/list-jobs.ts': [...jobs, 'signing-key'],
  'lambdas/http/get-job.ts': [...jobs, 'signing-key'],
  'lambdas/ws/authorizer.ts': [],
  'lambdas/ws/connect.ts': connections,
  'lambdas/ws/disconnect.ts': connections,
  'lambdas/ws/ping.ts': [...connections, 'ws-connections'],
  'lambdas/pipeline/start.ts': ['state-machine'],
  'lambdas/pipeline/accept.ts': [...connections, ...jobs, 'upload-bucket', 'upload-bucket/uploads/*', 'ws-connections'],
  'lambdas/pipeline/transcribe-start.ts': [
    ...connections,
    ...jobs,
    'output-bucket/staging/*',
    'transcription-jobs',
    'upload-bucket',
    'upload-bucket/uploads/*',
    'ws-connections',
  ],
  'lambdas/pipeline/transcribe-check.ts': [...connections, ...jobs, 'output-bucket', 'output-bucket/staging/*', 'transcription-jobs', 'ws-connections'],
  'lambdas/pipeline/correct.ts': [...connections, ...jobs, 'output-bucket', 'output-bucket/staging/*', 'ws-connections'],
  'lambdas/pipeline/synthesize.ts': [
    ...connections,
    ...jobs,
    'output-bucket',
    'output-bucket/staging/*',
    'upload-bucket',
    'upload-bucket/uploads/*',
    'ws-connections',
  ],
  'lambdas/pipeline/finish.ts': [
    ...connections,
    ...jobs,
    'output-bucket',
    'output-bucket/results/*',
    'output-bucket/staging/*',
    'signing-key',
    'ws-connections',
  ],
  'lambdas/pipeline/notify.ts': [...connections, ...jobs, 'signing-key', 'ws-connections'],
  'lambdas/pipeline/fail.ts': [...connections, ...jobs, 'ws-connections'],
};

const DDB_WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
const XRAY = ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'];
const isBucketPath = (bucket: string, prefix?: string) => (r: unknown) => friendly(r) === (prefix ? `${bucket}/${prefix}` : bucket);
const onBucket = (bucket: string) => (r: unknown) => friendly(r).startsWith(bucket);

describe('IAM: each function may touch only its own resources', () => {
  const app = useApp();
  const of = (entry: string): Statement[] => statementsOfEntry(app().stateless, entry);

  it.each(Object.entries(EXPECTED_RESOURCES))('%s names only its own resources', (entry, expected) => {
    expect(resourcesOfEntry(app().stateless, entry)).toEqual([...expected].sort());
  });

  it('the signing-key generator touches only the signing key secret', () => {
    expect(resourcesOfEntry(app().stateful, 'lambdas/delivery/signing-key.ts')).toEqual(['signing-key']);
  });

  it('CreateUpload may put objects only under uploads/ of the upload bucket, and read nothing in S3', () => {
    const s = of('lambdas/http/create-upload.ts');
    expect(allows(s, 's3:PutObject', isBucketPath('upload-bucket', 'uploads/*'))).toBe(true);
    const s3Statements = s.filter((x) => asArray(x.Action).some((a) => a.startsWith('s3:')));
    for (const x of s3Statements) expect(asArray(x.Resource).map((r) => friendly(r))).toEqual(['upload-bucket/uploads/*']);
    expect(allows(s, 's3:GetObject')).toBe(false);
    expect(allows(s, 's3:ListBucket')).toBe(false);
    expect(allows(s, 's3:PutObject', onBucket('output-bucket'))).toBe(false);
    expect(allows(s, 's3:DeleteObject')).toBe(false);
  });

  it('GetJob and ListJobs read the jobs table and cannot write it', () => {
    for (const entry of ['lambdas/http/get-job.ts', 'lambdas/http/list-jobs.ts']) {
      const s = of(entry);
      expect(allows(s, 'dynamodb:GetItem')).toBe(true);
      expect(allows(s, 'dynamodb:Query')).toBe(true);
      for (const a of DDB_WRITES) expect(allows(s, a)).toBe(false);
    }
  });

  it('GetJob may read the signing key but not change it', () => {
    const s = of('lambdas/http/get-job.ts');
    expect(allows(s, 'secretsmanager:GetSecretValue', (r) => friendly(r) === 'signing-key')).toBe(true);
    expect(allows(s, 'secretsmanager:PutSecretValue')).toBe(false);
  });

  it('only Synthesize may call polly:SynthesizeSpeech (Correct may not)', () => {
    expect(allows(of('lambdas/pipeline/synthesize.ts'), 'polly:SynthesizeSpeech')).toBe(true);
    for (const entry of Object.keys(EXPECTED_RESOURCES).filter((e) => e !== 'lambdas/pipeline/synthesize.ts')) {
      expect([entry, allows(of(entry), 'polly:SynthesizeSpeech')]).toEqual([entry, false]);
    }
  });

  it('only TranscribeStart may StartTranscriptionJob; TranscribeCheck may only read jobs', () => {
    for (const entry of Object.keys(EXPECTED_RESOURCES)) {
      const expected = entry === 'lambdas/pipeline/transcribe-start.ts';
      expect([entry, allows(of(entry), 'transcribe:StartTranscriptionJob')]).toEqual([entry, expected]);
    }
    expect(actionsOf(of('lambdas/pipeline/transcribe-check.ts')).filter((a) => a.startsWith('transcribe:'))).toEqual(['transcribe:GetTranscriptionJob']);
  });

  it('only Finish writes results/, only CreateUpload writes uploads/, and no step deletes uploads', () => {
    for (const entry of Object.keys(EXPECTED_RESOURCES)) {
      expect([entry, allows(of(entry), 's3:PutObject', isBucketPath('output-bucket', 'results/*'))]).toEqual([
        entry,
        entry === 'lambdas/pipeline/finish.ts',
      ]);
      expect([entry, allows(of(entry), 's3:PutObject', onBucket('upload-bucket'))]).toEqual([entry, entry === 'lambdas/http/create-upload.ts']);
      expect([entry, allows(of(entry), 's3:DeleteObject')]).toEqual([entry, false]);
    }
  });

  it('only Start may start executions, and only of the pipeline state machine', () => {
    for (const entry of Object.keys(EXPECTED_RESOURCES)) {
      expect([entry, allows(of(entry), 'states:StartExecution')]).toEqual([entry, entry === 'lambdas/pipeline/start.ts']);
    }
    expect(of('lambdas/pipeline/start.ts').find((s) => asArray(s.Action).includes('states:StartExecution'))?.Resource).toEqual({
      Ref: expect.stringMatching(/^PipelineStateMachine/),
    });
  });

  it('grants bedrock:InvokeModel to nobody with the default grammar engine', () => {
    for (const t of [app().stateful, app().stateless]) {
      expect(JSON.stringify(t.toJSON())).not.toMatch(/bedrock:/);
    }
  });

  describe('wildcards', () => {
    const allStatements = (): Array<{ where: string; s: Statement & { Principal?: unknown } }> => {
      const out: Array<{ where: string; s: Statement & { Principal?: unknown } }> = [];
      for (const t of [app().stateful, app().stateless]) {
        for (const [id, r] of Object.entries(resourcesOf(t))) {
          const docs = [r.Properties?.PolicyDocument, ...asArray(r.Properties?.Policies).map((p: any) => p.PolicyDocument)].filter(Boolean);
          for (const d of docs) for (const s of asArray(d.Statement) as any[]) out.push({ where: id, s });
        }
      }
      return out;
    };

    it('no Allow statement in either stack has Action "*" or a service-wide "svc:*" action', () => {
      const offenders = allStatements().filter(({ s }) => s.Effect === 'Allow' && asArray(s.Action).some((a) => a === '*' || /^[a-z0-9-]+:\*$/.test(a)));
      expect(offenders).toEqual([]);
    });

    it('no Allow statement trusts any principal "*"', () => {
      const offenders = allStatements().filter(({ s }) => s.Effect === 'Allow' && JSON.stringify(s.Principal ?? null).includes('"*"'));
      expect(offenders).toEqual([]);
    });

    it('Resource "*" appears only for the documented X-Ray, Polly and execution-logging actions', () => {
      const { stateful, stateless } = app();
      const starred: Record<string, string[]> = {};
      for (const { where, s } of allStatements()) {
        if (s.Effect !== 'Allow' || !asArray(s.Resource).includes('*')) continue;
        starred[where] = [...(starred[where] ?? []), ...asArray(s.Action)].sort();
      }
      const policyOf = (t: Template, roleId: string) =>
        Object.entries(resourcesOf(t, 'AWS::IAM::Policy')).find(([, p]) => JSON.stringify(p.Properties?.Roles) === JSON.stringify([{ Ref: roleId }]))![0];
      const expected: Record<string, string[]> = {};
      for (const entry of Object.keys(EXPECTED_RESOURCES)) {
        const policy = policyOf(stateless, roleIdOfFunction(stateless, functionIdByEntry(stateless, entry)));
        expected[policy] = entry === 'lambdas/pipeline/synthesize.ts' ? ['polly:SynthesizeSpeech', ...XRAY].sort() : XRAY;
      }
      expected[policyOf(stateful, roleIdOfFunction(stateful, functionIdByEntry(stateful, 'lambdas/delivery/signing-key.ts')))] = XRAY;
      const machineRole = Object.values(resourcesOf(stateless, 'AWS::StepFunctions::StateMachine'))[0].Properties?.RoleArn['Fn::GetAtt'][0];
      expected[policyOf(stateless, machineRole)] = [
        // Step Functions execution logging to CloudWatch Logs (vended logs) has no resource-level permissions.
        'logs:CreateLogDelivery',
        'logs:DeleteLogDelivery',
        'logs:DescribeLogGroups',
        'logs:DescribeResourcePolicies',
        'logs:GetLogDelivery',
        'logs:ListLogDeliveries',
        'logs:PutResourcePolicy',
        'logs:UpdateLogDelivery',
        'xray:GetSamplingRules',
        'xray:GetSamplingTargets',
        ...XRAY,
      ].sort();
      expect(starred).toEqual(expected);
    });
  });
});

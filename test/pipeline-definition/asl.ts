/**
 * Turns a synthesized state machine's DefinitionString (a string, or an Fn::Join of strings and
 * intrinsics) into plain Amazon States Language JSON that aws-local-stepfunctions can run.
 * Each Fn::GetAtt becomes a placeholder Lambda ARN naming the logical id, so a test can tell
 * which function a Task would call.
 */
export const PLACEHOLDER_REGION = 'us-east-1';
export const PLACEHOLDER_ACCOUNT = '123456789012';

const PSEUDO: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::Region': PLACEHOLDER_REGION,
  'AWS::AccountId': PLACEHOLDER_ACCOUNT,
  'AWS::URLSuffix': 'amazonaws.com',
};

/** The placeholder ARN a GetAtt on `logicalId` resolves to. */
export const placeholderArn = (logicalId: string): string =>
  `arn:aws:lambda:${PLACEHOLDER_REGION}:${PLACEHOLDER_ACCOUNT}:function:${logicalId}`;

export interface AslState {
  Type: string;
  [key: string]: unknown;
}

export interface Asl {
  StartAt: string;
  States: Record<string, AslState>;
  [key: string]: unknown;
}

/** Resolves one CloudFormation value of a definition to a string. Unknown intrinsics throw. */
function resolve(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if ('Fn::Join' in v) {
      const [sep, parts] = v['Fn::Join'] as [string, unknown[]];
      return parts.map(resolve).join(sep);
    }
    if ('Fn::GetAtt' in v) {
      const [logicalId] = (typeof v['Fn::GetAtt'] === 'string' ? (v['Fn::GetAtt'] as string).split('.') : v['Fn::GetAtt']) as string[];
      return placeholderArn(logicalId);
    }
    if ('Ref' in v) {
      const ref = v.Ref as string;
      return PSEUDO[ref] ?? placeholderArn(ref);
    }
  }
  throw new Error(`Cannot resolve ${JSON.stringify(value)} in a state machine definition`);
}

/** Plain ASL from a DefinitionString value. */
export function toPlainAsl(definitionString: unknown): Asl {
  return JSON.parse(resolve(definitionString)) as Asl;
}

interface TemplateLike {
  toJSON(): { Resources?: Record<string, { Type: string; Properties?: Record<string, unknown> }> };
}

/** Plain ASL of the (only, or named) state machine of a synthesized template. */
export function aslFromTemplate(template: TemplateLike | Record<string, unknown>, logicalId?: string): Asl {
  const json = (typeof (template as TemplateLike).toJSON === 'function' ? (template as TemplateLike).toJSON() : template) as ReturnType<TemplateLike['toJSON']>;
  const machines = Object.entries(json.Resources ?? {}).filter(
    ([id, r]) => r.Type === 'AWS::StepFunctions::StateMachine' && (logicalId === undefined || id === logicalId),
  );
  if (machines.length !== 1) {
    throw new Error(`Expected one state machine${logicalId ? ` named ${logicalId}` : ''}, found ${machines.length}`);
  }
  const props = machines[0][1].Properties ?? {};
  if (props.DefinitionString === undefined) throw new Error('The state machine has no DefinitionString (S3 location or Definition object?)');
  return toPlainAsl(props.DefinitionString);
}

/** Features the local runtime does not support; their presence would make local runs lie. */
export function unsupportedFeatures(asl: Asl): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (['QueryLanguage', 'Assign', 'Variables', 'Arguments', 'Output'].includes(k)) found.add(k);
      if (typeof v === 'string' && /^\{%.*%\}$/s.test(v)) found.add('JSONata expression');
      if (typeof v === 'string' && v.includes('$$.Task.Token')) found.add('$$.Task.Token');
      visit(v);
    }
  };
  visit(asl);
  return [...found];
}

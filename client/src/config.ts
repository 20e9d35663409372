/** Where the product lives: from a `cdk deploy --outputs-file` JSON (or the local runtime's copy) or explicit URLs. */
import { readFile } from 'node:fs/promises';
import { ClientConfigError } from './errors';

/** Everything the client needs to talk to one deployment. */
export interface ClientConfig {
  /** HTTP API base URL, without a trailing slash. */
  readonly apiUrl: string;
  /** WebSocket URL (wss://…/stage or ws://127.0.0.1:PORT/STAGE). */
  readonly wsUrl: string;
  readonly region: string;
  readonly userPoolId: string;
  /** Public web client id (no secret): used for user sign-up and sign-in. */
  readonly clientId: string;
  readonly serviceClientId?: string;
  /** OAuth2 token endpoint for client credentials. */
  readonly tokenEndpoint?: string;
  /** Cognito endpoint override (local mode); absent means the regional AWS endpoint. */
  readonly cognitoEndpoint?: string;
  /** Service client secret; only the local runtime publishes one. */
  readonly localServiceClientSecret?: string;
  /** Stack the values came from, when they came from an outputs file. */
  readonly stackName?: string;
  /** True for the local runtime: sign-up auto-confirms and a default user may be created. */
  readonly local: boolean;
}

/** Stack name the local runtime writes into `.local-data/outputs.json`. */
export const LOCAL_STACK_NAME = 'VoiceCorrectionLocal';

/** Default outputs file of local mode, relative to the working directory. */
export const LOCAL_OUTPUTS_FILE = '.local-data/outputs.json';

type Outputs = Record<string, unknown>;

/**
 * Finds an output by name. CDK outputs declared inside constructs get a path prefix and a hash
 * suffix (`ApiHttpApiUrlA1B2C3D4`), so an exact key wins, then a unique key ending in the name (+ hash).
 */
function pick(outputs: Outputs, name: string): string | undefined {
  const exact = outputs[name];
  if (typeof exact === 'string' && exact !== '') return exact;
  const pattern = new RegExp(`${name}(?:[0-9A-F]{8})?$`);
  const hits = Object.keys(outputs).filter((k) => pattern.test(k) && typeof outputs[k] === 'string');
  if (hits.length > 1) throw new ClientConfigError(`stack outputs have several keys matching ${name}: ${hits.join(', ')}`);
  return hits.length === 1 ? (outputs[hits[0]] as string) : undefined;
}

/** The region of a user pool id (`eu-west-1_AbC` → `eu-west-1`). */
export function regionOfPool(userPoolId: string): string | undefined {
  const i = userPoolId.indexOf('_');
  return i > 0 ? userPoolId.slice(0, i) : undefined;
}

function isLoopback(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
}

/** Explicit settings; each overrides the outputs file's value when both are given. */
export interface ConfigOverrides {
  readonly apiUrl?: string;
  readonly wsUrl?: string;
  readonly userPoolId?: string;
  readonly clientId?: string;
  readonly cognitoEndpoint?: string;
  readonly region?: string;
  readonly tokenEndpoint?: string;
  readonly serviceClientId?: string;
}

function checkUrl(name: string, value: string, schemes: readonly string[]): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ClientConfigError(`${name} is not a URL: "${value}"`);
  }
  if (!schemes.includes(url.protocol)) {
    throw new ClientConfigError(`${name} must use ${schemes.map((s) => s.replace(':', '')).join(' or ')}, got "${value}"`);
  }
  return value.replace(/\/+$/, '');
}

/**
 * Builds a config from a stack's outputs object (may be empty) plus overrides; fails naming what is
 * missing and where it could come from.
 */
export function configFromOutputs(outputs: Outputs, overrides: ConfigOverrides = {}, stackName?: string): ClientConfig {
  const value = (name: string, override: string | undefined) => override ?? pick(outputs, name);
  const apiUrl = value('HttpApiUrl', overrides.apiUrl);
  const wsUrl = value('WebSocketUrl', overrides.wsUrl);
  const userPoolId = value('UserPoolId', overrides.userPoolId);
  const clientId = value('WebClientId', overrides.clientId);
  const missing = [
    [apiUrl, 'HttpApiUrl (--api-url)'],
    [wsUrl, 'WebSocketUrl (--ws-url)'],
    [userPoolId, 'UserPoolId (--user-pool-id)'],
    [clientId, 'WebClientId (--client-id)'],
  ]
    .filter(([v]) => v === undefined)
    .map(([, label]) => label);
  if (missing.length > 0) {
    const from = stackName ? `stack ${stackName} outputs` : 'the configuration';
    throw new ClientConfigError(`missing ${missing.join(', ')} in ${from}: pass an outputs file (--outputs) or the flags`);
  }
  const region = overrides.region ?? pick(outputs, 'Region') ?? regionOfPool(userPoolId!);
  if (!region) throw new ClientConfigError(`cannot tell the region from user pool id "${userPoolId}": pass --region`);
  const cognitoEndpoint = value('CognitoEndpoint', overrides.cognitoEndpoint);
  const tokenEndpoint = value('TokenEndpoint', overrides.tokenEndpoint);
  const localServiceClientSecret = pick(outputs, 'LocalServiceClientSecret');
  return {
    apiUrl: checkUrl('HttpApiUrl', apiUrl!, ['https:', 'http:']),
    wsUrl: checkUrl('WebSocketUrl', wsUrl!, ['wss:', 'ws:']),
    region,
    userPoolId: userPoolId!,
    clientId: clientId!,
    serviceClientId: value('ServiceClientId', overrides.serviceClientId),
    tokenEndpoint: tokenEndpoint === undefined ? undefined : checkUrl('TokenEndpoint', tokenEndpoint, ['https:', 'http:']),
    cognitoEndpoint: cognitoEndpoint === undefined ? undefined : checkUrl('CognitoEndpoint', cognitoEndpoint, ['https:', 'http:']),
    localServiceClientSecret,
    stackName,
    local: stackName === LOCAL_STACK_NAME || localServiceClientSecret !== undefined || isLoopback(cognitoEndpoint),
  };
}

/**
 * Picks one stack from a parsed outputs file: the named one, else the first with an HTTP API URL
 * (`cdk deploy --all` also lists the data stack, which has no client outputs), else the first.
 */
export function selectStack(file: unknown, stackName?: string, source = 'outputs file'): { stackName: string; outputs: Outputs } {
  if (typeof file !== 'object' || file === null || Array.isArray(file)) {
    throw new ClientConfigError(`${source} must be a JSON object of stacks ({ "<StackName>": { ...outputs } })`);
  }
  const stacks = Object.entries(file as Record<string, unknown>).filter(
    (e): e is [string, Outputs] => typeof e[1] === 'object' && e[1] !== null && !Array.isArray(e[1]),
  );
  if (stacks.length === 0) throw new ClientConfigError(`${source} holds no stacks`);
  if (stackName === undefined) {
    const [name, outputs] = stacks.find(([, o]) => pick(o, 'HttpApiUrl') !== undefined) ?? stacks[0];
    return { stackName: name, outputs };
  }
  const found = stacks.find(([name]) => name === stackName);
  if (!found) throw new ClientConfigError(`stack ${stackName} not in ${source}; it has ${stacks.map(([n]) => n).join(', ')}`);
  return { stackName, outputs: found[1] };
}

/** Reads a `cdk deploy --outputs-file` JSON and builds the config of one stack (the first unless named). */
export async function loadConfig(outputsFile: string, options: { stackName?: string; overrides?: ConfigOverrides } = {}): Promise<ClientConfig> {
  let text: string;
  try {
    text = await readFile(outputsFile, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ClientConfigError(`cannot read outputs file ${outputsFile}${code === 'ENOENT' ? ': no such file' : code ? `: ${code}` : ''}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new ClientConfigError(`outputs file ${outputsFile} is not valid JSON: ${(e as Error).message}`);
  }
  const { stackName, outputs } = selectStack(parsed, options.stackName, `outputs file ${outputsFile}`);
  return configFromOutputs(outputs, options.overrides, stackName);
}

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromOutputs, loadConfig, regionOfPool, selectStack } from '../../client/src/config';
import { ClientConfigError } from '../../client/src/errors';

const AWS_OUTPUTS = {
  HttpApiUrl: 'https://abc.execute-api.eu-west-1.amazonaws.com/',
  WebSocketUrl: 'wss://def.execute-api.eu-west-1.amazonaws.com/prod',
  UserPoolId: 'eu-west-1_AbCdEf123',
  WebClientId: 'web123',
  ServiceClientId: 'svc456',
  TokenEndpoint: 'https://vc.auth.eu-west-1.amazoncognito.com/oauth2/token',
  Region: 'eu-west-1',
};

const LOCAL_OUTPUTS = {
  HttpApiUrl: 'http://127.0.0.1:4000',
  WebSocketUrl: 'ws://127.0.0.1:4001/local',
  UserPoolId: 'us-east-1_LocalPool',
  WebClientId: 'localweb',
  ServiceClientId: 'localsvc',
  TokenEndpoint: 'http://127.0.0.1:4002/oauth2/token',
  Region: 'us-east-1',
  CognitoEndpoint: 'http://127.0.0.1:4002',
  LocalServiceClientSecret: 'local-secret',
};

describe('stack outputs', () => {
  it('reads every output of an AWS stack and trims the API URL slash', () => {
    const config = configFromOutputs(AWS_OUTPUTS, {}, 'VoiceCorrection');
    expect(config).toEqual({
      apiUrl: 'https://abc.execute-api.eu-west-1.amazonaws.com',
      wsUrl: 'wss://def.execute-api.eu-west-1.amazonaws.com/prod',
      region: 'eu-west-1',
      userPoolId: 'eu-west-1_AbCdEf123',
      clientId: 'web123',
      serviceClientId: 'svc456',
      tokenEndpoint: 'https://vc.auth.eu-west-1.amazoncognito.com/oauth2/token',
      cognitoEndpoint: undefined,
      localServiceClientSecret: undefined,
      stackName: 'VoiceCorrection',
      local: false,
    });
  });

  it('recognises the local runtime and its endpoint and secret', () => {
    const config = configFromOutputs(LOCAL_OUTPUTS, {}, 'VoiceCorrectionLocal');
    expect(config.local).toBe(true);
    expect(config.cognitoEndpoint).toBe('http://127.0.0.1:4002');
    expect(config.localServiceClientSecret).toBe('local-secret');
  });

  it('finds outputs whose keys carry a construct prefix and hash suffix', () => {
    const config = configFromOutputs({
      ApiHttpApiUrlA1B2C3D4: 'https://x.example.com',
      NotificationsWebSocketUrl0F1E2D3C: 'wss://y.example.com/prod',
      AuthUserPoolId12345678: 'ap-south-1_Zz',
      AuthWebClientIdABCDEF01: 'w',
    });
    expect(config.apiUrl).toBe('https://x.example.com');
    expect(config.wsUrl).toBe('wss://y.example.com/prod');
    expect(config.region).toBe('ap-south-1');
  });

  it('derives the region from the pool id when Region is absent', () => {
    const { Region: _unused, ...rest } = AWS_OUTPUTS;
    expect(configFromOutputs(rest).region).toBe('eu-west-1');
    expect(regionOfPool('nounderscore')).toBeUndefined();
  });

  it('lets explicit settings override the outputs', () => {
    const config = configFromOutputs(AWS_OUTPUTS, { apiUrl: 'http://127.0.0.1:9/', region: 'us-west-2' });
    expect(config.apiUrl).toBe('http://127.0.0.1:9');
    expect(config.region).toBe('us-west-2');
  });

  it('fails naming every missing output and its flag', () => {
    expect(() => configFromOutputs({ HttpApiUrl: 'https://x' }, {}, 'S')).toThrow(
      'missing WebSocketUrl (--ws-url), UserPoolId (--user-pool-id), WebClientId (--client-id) in stack S outputs',
    );
  });

  it('fails on a WebSocket URL with an HTTP scheme', () => {
    expect(() => configFromOutputs({ ...AWS_OUTPUTS, WebSocketUrl: 'https://x' })).toThrow('WebSocketUrl must use wss or ws');
  });

  it('picks the first stack, or the named one', () => {
    const file = { First: { a: '1' }, Second: { b: '2' } };
    expect(selectStack(file).stackName).toBe('First');
    expect(selectStack(file, 'Second').outputs).toEqual({ b: '2' });
  });

  it('picks the stack with client outputs from a `cdk deploy --all` file', () => {
    const file = { VoiceCorrectionData: {}, VoiceCorrection: AWS_OUTPUTS };
    expect(selectStack(file).stackName).toBe('VoiceCorrection');
  });

  it('fails for a stack that is not there, listing the ones that are', () => {
    expect(() => selectStack({ First: {} }, 'Other')).toThrow('stack Other not in outputs file; it has First');
    expect(() => selectStack([])).toThrow(ClientConfigError);
  });

  it('loads a named stack from an outputs file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vc-config-'));
    const file = join(dir, 'outputs.json');
    await writeFile(file, JSON.stringify({ VoiceCorrection: AWS_OUTPUTS, VoiceCorrectionLocal: LOCAL_OUTPUTS }));
    const config = await loadConfig(file, { stackName: 'VoiceCorrectionLocal' });
    expect(config.apiUrl).toBe('http://127.0.0.1:4000');
    expect(config.local).toBe(true);
  });

  it('fails clearly for a missing or malformed outputs file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vc-config-'));
    await expect(loadConfig(join(dir, 'none.json'))).rejects.toThrow(/cannot read outputs file .*none\.json: no such file/);
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{ not json');
    await expect(loadConfig(bad)).rejects.toThrow(/is not valid JSON/);
  });
});

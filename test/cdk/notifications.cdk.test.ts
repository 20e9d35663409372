import { Match } from 'aws-cdk-lib/assertions';
import { functionIdByEntry, resourcesOf, useApp } from './app';

describe('Notifications (WebSocket API)', () => {
  const app = useApp();
  const wsApiId = () => {
    const ids = Object.keys(app().stateless.findResources('AWS::ApiGatewayV2::Api', { Properties: { ProtocolType: 'WEBSOCKET' } }));
    expect(ids).toHaveLength(1);
    return ids[0];
  };
  const routeOf = (key: string) => {
    const found = Object.values(app().stateless.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: key, ApiId: { Ref: wsApiId() } } }));
    expect(found).toHaveLength(1);
    return found[0].Properties;
  };
  const integrationTarget = (route: any) => resourcesOf(app().stateless)[route.Target['Fn::Join'][1][1].Ref].Properties?.IntegrationUri;

  it('authorizes $connect with the token authorizer reading the query-string token', () => {
    const { stateless } = app();
    const authorizerFn = functionIdByEntry(stateless, 'lambdas/ws/authorizer.ts');
    const authorizers = stateless.findResources('AWS::ApiGatewayV2::Authorizer', { Properties: { ApiId: { Ref: wsApiId() } } });
    expect(Object.keys(authorizers)).toHaveLength(1);
    const [authorizerId, authorizer] = Object.entries(authorizers)[0];
    expect(authorizer.Properties).toMatchObject({ AuthorizerType: 'REQUEST', IdentitySource: ['route.request.querystring.token'] });
    expect(JSON.stringify(authorizer.Properties.AuthorizerUri)).toContain(authorizerFn);
    expect(routeOf('$connect')).toMatchObject({ AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: authorizerId } });
    expect(JSON.stringify(integrationTarget(routeOf('$connect')))).toContain(functionIdByEntry(stateless, 'lambdas/ws/connect.ts'));
  });

  it('has $disconnect and a ping route on their own handlers, and nothing else', () => {
    const { stateless } = app();
    expect(JSON.stringify(integrationTarget(routeOf('$disconnect')))).toContain(functionIdByEntry(stateless, 'lambdas/ws/disconnect.ts'));
    expect(JSON.stringify(integrationTarget(routeOf('ping')))).toContain(functionIdByEntry(stateless, 'lambdas/ws/ping.ts'));
    const keys = Object.values(resourcesOf(stateless, 'AWS::ApiGatewayV2::Route'))
      .filter((r) => r.Properties?.ApiId?.Ref === wsApiId())
      .map((r) => r.Properties?.RouteKey);
    expect(keys.sort()).toEqual(['$connect', '$disconnect', 'ping']);
  });

  it('deploys a throttled, access-logged "prod" stage', () => {
    app().stateless.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      ApiId: { Ref: wsApiId() },
      StageName: 'prod',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: Match.objectLike({ Format: Match.stringLikeRegexp('connectionId') }),
    });
  });

  it('tells connect/disconnect the connections table and the pushers the management endpoint', () => {
    const { stateless } = app();
    const env = (entry: string) => resourcesOf(stateless)[functionIdByEntry(stateless, entry)].Properties?.Environment?.Variables ?? {};
    for (const entry of ['lambdas/ws/connect.ts', 'lambdas/ws/disconnect.ts']) {
      expect(env(entry).CONNECTIONS_TABLE).toEqual({ 'Fn::ImportValue': expect.stringMatching(/TablesConnections/) });
    }
    const endpoint = env('lambdas/pipeline/notify.ts').WS_ENDPOINT;
    expect(endpoint).toEqual({
      'Fn::Join': ['', ['https://', { Ref: wsApiId() }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/prod']],
    });
    expect(env('lambdas/ws/authorizer.ts')).toMatchObject({ USER_POOL_ID: expect.anything(), USER_POOL_CLIENT_IDS: expect.anything() });
  });

  it('exports the wss:// URL', () => {
    expect(JSON.stringify(app().stateless.findOutputs('WebSocketUrl'))).toContain('wss://');
  });
});

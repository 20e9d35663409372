import { Match } from 'aws-cdk-lib/assertions';
import { functionIdByEntry, resourcesOf, useApp } from './app';

const ROUTES: Record<string, { entry: string; jwt: boolean }> = {
  'GET /token/verify': { entry: 'lambdas/http/verify-token.ts', jwt: false },
  'POST /uploads': { entry: 'lambdas/http/create-upload.ts', jwt: true },
  'GET /jobs': { entry: 'lambdas/http/list-jobs.ts', jwt: true },
  'GET /jobs/{id}': { entry: 'lambdas/http/get-job.ts', jwt: true },
};

describe('JobsApi (HTTP API)', () => {
  const app = useApp();
  const httpApiId = () => {
    const ids = Object.keys(app().stateless.findResources('AWS::ApiGatewayV2::Api', { Properties: { ProtocolType: 'HTTP' } }));
    expect(ids).toHaveLength(1);
    return ids[0];
  };

  it('has exactly the four designed routes', () => {
    const routes = Object.values(resourcesOf(app().stateless, 'AWS::ApiGatewayV2::Route'))
      .filter((r) => r.Properties?.ApiId?.Ref === httpApiId())
      .map((r) => r.Properties?.RouteKey);
    expect(routes.sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it('guards the job routes with a Cognito JWT authorizer accepting both app clients', () => {
    const { stateless } = app();
    const authorizers = Object.keys(stateless.findResources('AWS::ApiGatewayV2::Authorizer', { Properties: { AuthorizerType: 'JWT' } }));
    expect(authorizers).toHaveLength(1);
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      ApiId: { Ref: httpApiId() },
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Issuer: { 'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', Match.objectLike({ 'Fn::ImportValue': Match.stringLikeRegexp('AuthUserPool') })]] },
        Audience: [
          { 'Fn::ImportValue': Match.stringLikeRegexp('AuthUserPoolWebClient') },
          { 'Fn::ImportValue': Match.stringLikeRegexp('AuthUserPoolServiceClient') },
        ],
      },
    });
    for (const [routeKey, { jwt }] of Object.entries(ROUTES)) {
      stateless.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: routeKey,
        AuthorizationType: jwt ? 'JWT' : 'NONE',
        AuthorizerId: jwt ? { Ref: authorizers[0] } : Match.absent(),
      });
    }
  });

  it('sends each route to its own handler', () => {
    const { stateless } = app();
    for (const [routeKey, { entry }] of Object.entries(ROUTES)) {
      const fnId = functionIdByEntry(stateless, entry);
      const route = Object.values(stateless.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: routeKey } }))[0];
      const integrationId = route.Properties.Target['Fn::Join'][1][1].Ref;
      stateless.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: { 'Fn::GetAtt': [fnId, 'Arn'] },
      });
      expect(resourcesOf(stateless)[integrationId].Properties?.IntegrationUri).toEqual({ 'Fn::GetAtt': [fnId, 'Arn'] });
    }
  });

  it('logs every request as JSON and throttles the stage', () => {
    const { stateless } = app();
    const stage = Object.values(stateless.findResources('AWS::ApiGatewayV2::Stage', { Properties: { ApiId: { Ref: httpApiId() } } }));
    expect(stage).toHaveLength(1);
    expect(stage[0].Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [expect.stringMatching(/^JobsApiAccessLogs/), 'Arn'] } },
    });
    const format = JSON.parse(stage[0].Properties.AccessLogSettings.Format);
    expect(format).toMatchObject({ requestId: '$context.requestId', routeKey: '$context.routeKey', status: '$context.status' });
    stateless.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it('allows browsers to call it (CORS preflight for GET and POST)', () => {
    app().stateless.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({ AllowMethods: ['GET', 'POST'], AllowHeaders: ['authorization', 'content-type'] }),
    });
  });

  it('configures CreateUpload with its table, bucket, size limit (100 MB), URL lifetime and job TTL', () => {
    const { stateless } = app();
    const fn = resourcesOf(stateless)[functionIdByEntry(stateless, 'lambdas/http/create-upload.ts')];
    expect(fn.Properties?.Environment.Variables).toMatchObject({
      MAX_UPLOAD_BYTES: String(100 * 1024 * 1024),
      UPLOAD_URL_TTL_SECONDS: '300',
      JOB_TTL_DAYS: '30',
      JOBS_TABLE: { 'Fn::ImportValue': expect.stringMatching(/TablesJobs/) },
      UPLOAD_BUCKET: { 'Fn::ImportValue': expect.stringMatching(/StorageUploads/) },
      USER_POOL_ID: expect.anything(),
      USER_POOL_CLIENT_IDS: expect.anything(),
    });
  });

  it('gives GetJob the download-signing configuration', () => {
    const { stateless } = app();
    const fn = resourcesOf(stateless)[functionIdByEntry(stateless, 'lambdas/http/get-job.ts')];
    expect(Object.keys(fn.Properties?.Environment.Variables)).toEqual(
      expect.arrayContaining(['DOWNLOAD_URL_SIGNER', 'CLOUDFRONT_DOMAIN', 'CLOUDFRONT_KEY_PAIR_ID', 'CLOUDFRONT_PRIVATE_KEY_SECRET_ARN', 'DOWNLOAD_URL_TTL_SECONDS']),
    );
  });
});

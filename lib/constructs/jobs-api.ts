import { Duration, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { accessLogSettings } from './access-logs';
import { DownloadSigning } from './download-signing';
import { HouseFunction } from './house-function';
import { AuthEnvironment } from './auth-environment';

export interface JobsApiProps {
  readonly auth: AuthEnvironment;
  readonly jobsTable: dynamodb.ITable;
  readonly uploadBucket: s3.IBucket;
  readonly downloads: DownloadSigning;
  /** Largest upload in bytes. @default 100 MB */
  readonly maxUploadBytes?: number;
  /** Presigned upload lifetime. @default 5 minutes */
  readonly uploadUrlTtl?: Duration;
  /** Days before a job record expires. @default 30 */
  readonly jobTtlDays?: number;
  /** Browser origins allowed to call the API. @default ['*'] */
  readonly corsOrigins?: readonly string[];
  /** Sustained requests per second across the API. @default 50 */
  readonly throttleRate?: number;
}

/**
 * The HTTP API: token verification, upload requests and the caller's jobs. API Gateway's JWT
 * authorizer guards the job routes; every handler also verifies the token itself.
 */
export class JobsApi extends Construct {
  public readonly api: apigw.HttpApi;
  public readonly url: string;

  constructor(scope: Construct, id: string, props: JobsApiProps) {
    super(scope, id);
    const maxUploadBytes = props.maxUploadBytes ?? 100 * 1024 * 1024;
    if (!Number.isInteger(maxUploadBytes) || maxUploadBytes < 1024) {
      throw new Error(`JobsApi: maxUploadBytes must be an integer ≥ 1024 (got ${maxUploadBytes})`);
    }
    const uploadTtl = props.uploadUrlTtl ?? Duration.minutes(5);
    if (uploadTtl.toSeconds() < 30 || uploadTtl.toSeconds() > 3600) {
      throw new Error(`JobsApi: uploadUrlTtl must be between 30 s and 1 h (got ${uploadTtl.toSeconds()} s)`);
    }

    this.api = new apigw.HttpApi(this, 'Api', {
      description: 'voice-correction HTTP API',
      corsPreflight: {
        allowOrigins: [...(props.corsOrigins ?? ['*'])],
        allowMethods: [apigw.CorsHttpMethod.GET, apigw.CorsHttpMethod.POST],
        allowHeaders: ['authorization', 'content-type'],
        maxAge: Duration.hours(1),
      },
      createDefaultStage: false,
    });
    new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.throttleRate ?? 50, burstLimit: (props.throttleRate ?? 50) * 2 },
      accessLogSettings: accessLogSettings(this, { latency: '$context.integrationLatency', sub: '$context.authorizer.claims.sub' }),
    });

    const jwt = new HttpJwtAuthorizer('Jwt', props.auth.issuer, { jwtAudience: props.auth.clientIds });

    const verify = this.route('VerifyToken', 'lambdas/http/verify-token.ts', 'GET /token/verify', props.auth.environment);
    const createUpload = this.route('CreateUpload', 'lambdas/http/create-upload.ts', 'POST /uploads', {
      ...props.auth.environment,
      JOBS_TABLE: props.jobsTable.tableName,
      UPLOAD_BUCKET: props.uploadBucket.bucketName,
      MAX_UPLOAD_BYTES: String(maxUploadBytes),
      UPLOAD_URL_TTL_SECONDS: String(uploadTtl.toSeconds()),
      JOB_TTL_DAYS: String(props.jobTtlDays ?? 30),
    }, jwt);
    const listJobs = this.route('ListJobs', 'lambdas/http/list-jobs.ts', 'GET /jobs', {
      ...props.auth.environment,
      JOBS_TABLE: props.jobsTable.tableName,
    }, jwt);
    const getJob = this.route('GetJob', 'lambdas/http/get-job.ts', 'GET /jobs/{id}', {
      ...props.auth.environment,
      JOBS_TABLE: props.jobsTable.tableName,
    }, jwt);

    props.jobsTable.grantWriteData(createUpload.fn);
    // The presigned POST is signed with the function's credentials, so it may put only uploads.
    props.uploadBucket.grantPut(createUpload.fn, 'uploads/*');
    props.jobsTable.grantReadData(listJobs.fn);
    props.jobsTable.grantReadData(getJob.fn);
    props.downloads.grantSign(listJobs);
    props.downloads.grantSign(getJob);
    void verify;

    Validations.of(this).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: 'GET /token/verify exists to tell a caller why a token is rejected, so API Gateway must pass unauthenticated requests to it; the handler verifies the token itself and returns 401 with the reason.',
    });
    Validations.of(createUpload).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::<UploadsBucketArn>/uploads/*]',
      reason: 'Upload keys are uploads/{owner}/{jobId}/source with ids made per request; the grant is limited to the uploads/ prefix.',
    });
    this.url = this.api.apiEndpoint;
  }

  private route(
    id: string,
    entry: string,
    routeKey: string,
    environment: Record<string, string>,
    authorizer?: HttpJwtAuthorizer,
  ): HouseFunction {
    const fn = new HouseFunction(this, id, { entry, description: `voice-correction ${routeKey}`, environment });
    const [method, path] = routeKey.split(' ');
    this.api.addRoutes({
      path,
      methods: [method as apigw.HttpMethod],
      integration: new HttpLambdaIntegration(`${id}Integration`, fn.fn),
      authorizer,
    });
    return fn;
  }
}

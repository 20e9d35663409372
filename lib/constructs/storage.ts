import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface StorageProps {
  /** Days an uploaded recording is kept. @default 7 */
  readonly uploadRetentionDays?: number;
  /** Days a result (corrected mp3 and result.json) is kept. @default 30 */
  readonly resultRetentionDays?: number;
  /** Origins allowed to POST uploads from a browser. @default ['*'] (uploads are authorised by the presigned policy, not the origin) */
  readonly corsOrigins?: readonly string[];
}

function positiveDays(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`Storage: ${name} must be a whole number of days ≥ 1 (got ${value})`);
  }
  return value;
}

/**
 * The product's buckets: uploads (presigned POST in, EventBridge notifications out), output
 * (results and work files, read through CloudFront only) and the access-log bucket for both.
 */
export class Storage extends Construct {
  public readonly uploadBucket: s3.IBucket;
  public readonly outputBucket: s3.IBucket;
  /** Receives S3 server access logs and CloudFront standard logs. */
  public readonly logBucket: s3.IBucket;

  constructor(scope: Construct, id: string, props: StorageProps = {}) {
    super(scope, id);
    const uploadDays = positiveDays('uploadRetentionDays', props.uploadRetentionDays ?? 7);
    const resultDays = positiveDays('resultRetentionDays', props.resultRetentionDays ?? 30);

    const logBucket = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // CloudFront standard logging writes with ACLs.
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket of the upload and output buckets and of CloudFront; logging it into itself would loop.',
    });

    const common: s3.BucketProps = {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logBucket,
      removalPolicy: RemovalPolicy.RETAIN,
    };

    this.uploadBucket = new s3.Bucket(this, 'Uploads', {
      ...common,
      serverAccessLogsPrefix: 'uploads/',
      eventBridgeEnabled: true,
      cors: [
        {
          allowedMethods: [s3.HttpMethods.POST],
          allowedOrigins: [...(props.corsOrigins ?? ['*'])],
          allowedHeaders: ['*'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        { expiration: Duration.days(uploadDays), abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
    });

    this.outputBucket = new s3.Bucket(this, 'Output', {
      ...common,
      serverAccessLogsPrefix: 'output/',
      lifecycleRules: [
        { prefix: 'staging/', expiration: Duration.days(2) },
        { prefix: 'results/', expiration: Duration.days(resultDays) },
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
    });
    this.logBucket = logBucket;
  }
}

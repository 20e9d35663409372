import { Match } from 'aws-cdk-lib/assertions';
import { resourcesOf, useApp } from './app';

const encrypted = {
  BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
  PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
};

describe('Storage (upload, output and access-log buckets)', () => {
  const app = useApp();
  const bucketId = (prefix: string) => {
    const ids = Object.keys(resourcesOf(app().stateful, 'AWS::S3::Bucket')).filter((id) => id.startsWith(prefix));
    expect(ids).toHaveLength(1);
    return ids[0];
  };

  it('has exactly three buckets, all encrypted with public access blocked', () => {
    const buckets = resourcesOf(app().stateful, 'AWS::S3::Bucket');
    expect(Object.keys(buckets)).toHaveLength(3);
    for (const b of Object.values(buckets)) expect(b.Properties).toMatchObject(encrypted);
  });

  it('denies every request without TLS on every bucket', () => {
    const { stateful } = app();
    for (const id of Object.keys(resourcesOf(stateful, 'AWS::S3::Bucket'))) {
      stateful.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: id },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 's3:*',
              Principal: { AWS: '*' },
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    }
  });

  it('lets browsers POST uploads (CORS), expires uploads after 7 days and logs access', () => {
    app().stateful.hasResourceProperties('AWS::S3::Bucket', {
      ...encrypted,
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedMethods: ['POST'], AllowedOrigins: ['*'] })] },
      LifecycleConfiguration: {
        Rules: [{ ExpirationInDays: 7, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }],
      },
      LoggingConfiguration: { DestinationBucketName: { Ref: bucketId('StorageAccessLogs') }, LogFilePrefix: 'uploads/' },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
  });

  it('sends the upload bucket\'s events to EventBridge (the pipeline subscribes there)', () => {
    app().stateful.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: { Ref: bucketId('StorageUploads') },
      NotificationConfiguration: { EventBridgeConfiguration: {} },
    });
  });

  it('expires work files after 2 days and results after 30 on the output bucket, without CORS', () => {
    const { stateful } = app();
    const output = resourcesOf(stateful, 'AWS::S3::Bucket')[bucketId('StorageOutput')];
    expect(output.Properties).toMatchObject({
      LifecycleConfiguration: {
        Rules: expect.arrayContaining([
          expect.objectContaining({ Prefix: 'staging/', ExpirationInDays: 2, Status: 'Enabled' }),
          expect.objectContaining({ Prefix: 'results/', ExpirationInDays: 30, Status: 'Enabled' }),
          expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }),
        ]),
      },
      LoggingConfiguration: { LogFilePrefix: 'output/' },
    });
    expect(output.Properties?.CorsConfiguration).toBeUndefined();
  });

  it('keeps data buckets when the stack is deleted', () => {
    for (const b of Object.values(resourcesOf(app().stateful, 'AWS::S3::Bucket') as Record<string, any>)) {
      expect(b.DeletionPolicy).toBe('Retain');
    }
  });
});

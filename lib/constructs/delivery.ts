import { CustomResource, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { HouseFunction } from './house-function';

export interface DeliveryProps {
  /** Bucket holding results under `results/{owner}/…`. */
  readonly outputBucket: s3.IBucket;
  /** Bucket for CloudFront standard logs. */
  readonly logBucket: s3.IBucket;
}

/**
 * Downloads: a CloudFront distribution in front of the private output bucket (Origin Access
 * Control) that serves only URLs signed with the product's key group. The signing key pair is
 * generated at deploy time; its private half never leaves Secrets Manager.
 */
export class Delivery extends Construct {
  public readonly distribution: cloudfront.IDistribution;
  /** Secret holding the PEM private key that signs download URLs. */
  public readonly signingKeySecret: secretsmanager.ISecret;
  /** Id of the CloudFront public key (the Key-Pair-Id of signed URLs). */
  public readonly publicKeyId: string;

  constructor(scope: Construct, id: string, props: DeliveryProps) {
    super(scope, id);
    const secret = new secretsmanager.Secret(this, 'SigningKey', {
      description: 'voice-correction: PEM private key for CloudFront signed download URLs',
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The secret is a CloudFront signing key paired with a public key in the key group; rotating it means redeploying the pair (documented in the README), which Secrets Manager rotation cannot do.',
    });

    const keyGenerator = new HouseFunction(this, 'KeyGenerator', {
      entry: 'lambdas/delivery/signing-key.ts',
      description: 'voice-correction: generates the CloudFront URL-signing key pair at deploy time',
      timeout: Duration.seconds(30),
    });
    secret.grantWrite(keyGenerator.fn);
    secret.grantRead(keyGenerator.fn);
    const keyPair = new CustomResource(this, 'KeyPair', {
      serviceToken: keyGenerator.fn.functionArn,
      resourceType: 'Custom::SigningKeyPair',
      properties: { SecretArn: secret.secretArn },
    });

    const publicKey = new cloudfront.PublicKey(this, 'PublicKey', {
      encodedKey: keyPair.getAttString('PublicKey'),
      comment: 'voice-correction download URL signer',
    });
    const keyGroup = new cloudfront.KeyGroup(this, 'KeyGroup', { items: [publicKey] });

    const distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'voice-correction downloads (signed URLs only)',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(props.outputBucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        trustedKeyGroups: [keyGroup],
      },
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: 'cloudfront/',
    });
    Validations.of(distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'Learners use the product from any country; every request must carry a URL signed for one owner, which is the access control.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason: 'The distribution serves only signed URLs for GET/HEAD of private results; unsigned requests are refused by CloudFront before any origin call, so a WAF adds cost without a rule to enforce.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason: 'The default *.cloudfront.net certificate is used (no custom domain), for which CloudFront fixes the viewer security policy; HTTPS is required.',
      },
    );

    this.distribution = distribution;
    this.signingKeySecret = secret;
    this.publicKeyId = publicKey.publicKeyId;
  }
}

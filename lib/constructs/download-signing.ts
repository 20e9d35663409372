import { Duration } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { HouseFunction } from './house-function';

/** Everything a function needs to sign CloudFront download URLs; grant and configure in one call. */
export class DownloadSigning {
  constructor(
    private readonly domainName: string,
    private readonly publicKeyId: string,
    private readonly secret: secretsmanager.ISecret,
    private readonly ttl: Duration = Duration.hours(1),
  ) {}

  /** Lets `fn` read the signing key and sets DOWNLOAD_URL_* / CLOUDFRONT_* configuration on it. */
  grantSign(fn: HouseFunction): void {
    this.secret.grantRead(fn.fn);
    fn.fn.addEnvironment('DOWNLOAD_URL_SIGNER', 'cloudfront');
    fn.fn.addEnvironment('CLOUDFRONT_DOMAIN', this.domainName);
    fn.fn.addEnvironment('CLOUDFRONT_KEY_PAIR_ID', this.publicKeyId);
    fn.fn.addEnvironment('CLOUDFRONT_PRIVATE_KEY_SECRET_ARN', this.secret.secretArn);
    fn.fn.addEnvironment('DOWNLOAD_URL_TTL_SECONDS', String(this.ttl.toSeconds()));
  }
}

/** CloudFront signed URLs, the private key read once from Secrets Manager. */
import { getSignedUrl as cloudFrontSignedUrl } from '@aws-sdk/cloudfront-signer';
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { encodeKey, type DownloadUrlSigner, type SignedUrl } from './download-url';

export class CloudFrontUrlSigner implements DownloadUrlSigner {
  private privateKey?: Promise<string>;

  constructor(
    private readonly secrets: SecretsManagerClient,
    private readonly options: { domain: string; keyPairId: string; privateKeySecretArn: string; ttlSeconds: number },
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The PEM is read once per process; a failed read is retried on the next call. */
  private key(): Promise<string> {
    this.privateKey ??= this.secrets.send(new GetSecretValueCommand({ SecretId: this.options.privateKeySecretArn })).then((out) => {
      if (!out.SecretString) throw new Error('CloudFront private key secret has no SecretString');
      return out.SecretString;
    });
    this.privateKey.catch(() => (this.privateKey = undefined));
    return this.privateKey;
  }

  async sign(key: string): Promise<SignedUrl> {
    const privateKey = await this.key();
    const expires = new Date(this.now().getTime() + this.options.ttlSeconds * 1000);
    const url = cloudFrontSignedUrl({
      url: `https://${this.options.domain}/${encodeKey(key)}`,
      keyPairId: this.options.keyPairId,
      privateKey,
      dateLessThan: expires.toISOString(),
    });
    return { url, expiresAt: expires.toISOString() };
  }
}

/** Settings for signing download URLs, read once. */
import { ENV, oneOf, positiveInt, required } from '../config';

type Env = Record<string, string | undefined>;

/** Names this module reads beyond the shared ENV table. */
export const DELIVERY_ENV = {
  signer: 'DOWNLOAD_URL_SIGNER',
  cloudFrontDomain: 'CLOUDFRONT_DOMAIN',
  cloudFrontKeyPairId: 'CLOUDFRONT_KEY_PAIR_ID',
  cloudFrontPrivateKeySecretArn: 'CLOUDFRONT_PRIVATE_KEY_SECRET_ARN',
  ttlSeconds: 'DOWNLOAD_URL_TTL_SECONDS',
} as const;

export const SIGNER_KINDS = ['cloudfront', 's3-presigned'] as const;

export type DeliveryConfig =
  | { readonly signer: 'cloudfront'; readonly ttlSeconds: number; readonly domain: string; readonly keyPairId: string; readonly privateKeySecretArn: string }
  | { readonly signer: 's3-presigned'; readonly ttlSeconds: number; readonly outputBucket: string };

export function loadDeliveryConfig(env: Env = process.env): DeliveryConfig {
  const signer = oneOf(DELIVERY_ENV.signer, SIGNER_KINDS, 'cloudfront', env);
  const ttlSeconds = positiveInt(DELIVERY_ENV.ttlSeconds, 3600, env);
  if (signer === 's3-presigned') return { signer, ttlSeconds, outputBucket: required(ENV.outputBucket, env) };
  return {
    signer,
    ttlSeconds,
    domain: required(DELIVERY_ENV.cloudFrontDomain, env),
    keyPairId: required(DELIVERY_ENV.cloudFrontKeyPairId, env),
    privateKeySecretArn: required(DELIVERY_ENV.cloudFrontPrivateKeySecretArn, env),
  };
}

/** The local pool's RSA signing key: generated once, kept in the data dir so tokens survive a restart. */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { join } from 'node:path';
import { JsonFile } from '../json-file';

interface StoredKey {
  readonly kid: string;
  readonly privateKeyPem: string;
}

export class SigningKey {
  private constructor(
    readonly kid: string,
    private readonly privateKey: KeyObject,
  ) {}

  static async open(dir: string): Promise<SigningKey> {
    const file = new JsonFile<StoredKey | null>(join(dir, 'signing-key.json'));
    let stored = await file.read(null);
    if (!stored) {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      stored = { kid: randomUUID(), privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
      await file.write(stored);
    }
    return new SigningKey(stored.kid, createPrivateKey(stored.privateKeyPem));
  }

  /** The public half in the JWKS form Cognito serves. */
  jwks(): Jwks {
    const { n, e } = createPublicKey(this.privateKey).export({ format: 'jwk' });
    return { keys: [{ kty: 'RSA', alg: 'RS256', use: 'sig', kid: this.kid, n: String(n), e: String(e) }] };
  }

  /** A compact RS256 JWT with Cognito's header shape. */
  signJwt(payload: Record<string, unknown>): string {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const input = `${b64({ kid: this.kid, alg: 'RS256' })}.${b64(payload)}`;
    return `${input}.${sign('RSA-SHA256', Buffer.from(input), this.privateKey).toString('base64url')}`;
  }
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createTokenVerifier } from '../../lambdas/shared/auth';
import { JWKS_PATH, LocalAuth } from '../../local/auth/server';
import { close, listen } from '../../local/http-util';

describe('local Cognito pool', () => {
  let dir: string;
  let auth: LocalAuth;
  let base: string;
  let cognito: CognitoIdentityProviderClient;
  const codes: { email: string; what: string; code: string }[] = [];

  async function start(autoConfirm: boolean): Promise<void> {
    auth = await LocalAuth.open({ dir, autoConfirm, deliver: (email, what, code) => codes.push({ email, what, code }) });
    base = `http://127.0.0.1:${await listen(auth.server, '127.0.0.1', 0)}`;
    cognito = new CognitoIdentityProviderClient({ endpoint: base, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  }

  const verifier = () =>
    createTokenVerifier({
      userPoolId: 'us-east-1_LocalPool',
      clientIds: [auth.clients.webClientId, auth.clients.serviceClientId],
      jwksUri: `${base}${JWKS_PATH}`,
      serviceClientId: auth.clients.serviceClientId,
    });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'local-auth-'));
    codes.length = 0;
  });
  afterEach(async () => {
    cognito.destroy();
    await close(auth.server);
    await rm(dir, { recursive: true, force: true });
  });

  it('signs up and signs in with a password; the shared verifier accepts both tokens', async () => {
    await start(true);
    const signUp = await cognito.send(
      new SignUpCommand({ ClientId: auth.clients.webClientId, Username: 'ann@example.com', Password: 'correct horse', UserAttributes: [{ Name: 'email', Value: 'ann@example.com' }] }),
    );
    expect(signUp.UserConfirmed).toBe(true);
    const out = await cognito.send(
      new InitiateAuthCommand({ ClientId: auth.clients.webClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'ann@example.com', PASSWORD: 'correct horse' } }),
    );
    const v = verifier();
    const fromId = await v.verify(out.AuthenticationResult!.IdToken!);
    const fromAccess = await v.verify(out.AuthenticationResult!.AccessToken!);
    expect(fromId).toMatchObject({ kind: 'user', owner: signUp.UserSub, email: 'ann@example.com' });
    expect(fromAccess).toMatchObject({ kind: 'user', owner: signUp.UserSub });
  });

  it('fails a wrong password with NotAuthorizedException', async () => {
    await start(true);
    await cognito.send(new SignUpCommand({ ClientId: auth.clients.webClientId, Username: 'ann@example.com', Password: 'correct horse' }));
    await expect(
      cognito.send(new InitiateAuthCommand({ ClientId: auth.clients.webClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'ann@example.com', PASSWORD: 'wrong horse' } })),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });

  it('confirms a sign-up with the emailed code, then signs in by EMAIL_OTP', async () => {
    await start(false);
    await cognito.send(new SignUpCommand({ ClientId: auth.clients.webClientId, Username: 'bo@example.com', Password: 'long enough pw' }));
    await expect(
      cognito.send(new InitiateAuthCommand({ ClientId: auth.clients.webClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'bo@example.com', PASSWORD: 'long enough pw' } })),
    ).rejects.toMatchObject({ name: 'UserNotConfirmedException' });
    await cognito.send(new ConfirmSignUpCommand({ ClientId: auth.clients.webClientId, Username: 'bo@example.com', ConfirmationCode: codes[0].code }));

    const challenge = await cognito.send(
      new InitiateAuthCommand({ ClientId: auth.clients.webClientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'bo@example.com', PREFERRED_CHALLENGE: 'EMAIL_OTP' } }),
    );
    expect(challenge.ChallengeName).toBe('EMAIL_OTP');
    const respond = (code: string) =>
      cognito.send(
        new RespondToAuthChallengeCommand({ ClientId: auth.clients.webClientId, ChallengeName: 'EMAIL_OTP', Session: challenge.Session, ChallengeResponses: { USERNAME: 'bo@example.com', EMAIL_OTP_CODE: code } }),
      );
    const otp = codes[codes.length - 1];
    expect(otp).toMatchObject({ email: 'bo@example.com', what: 'sign-in code' });
    await expect(respond(otp.code === '000000' ? '111111' : '000000')).rejects.toMatchObject({ name: 'CodeMismatchException' });
    const out = await respond(otp.code);
    expect(await verifier().verify(out.AuthenticationResult!.IdToken!)).toMatchObject({ kind: 'user', email: 'bo@example.com' });
  });

  it('issues client-credentials tokens the verifier maps to a service principal, and refuses a wrong secret', async () => {
    await start(true);
    const token = (secret: string) =>
      fetch(`${base}/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${auth.clients.serviceClientId}:${secret}`).toString('base64')}` },
        body: 'grant_type=client_credentials&scope=voice-correction/jobs.read voice-correction/jobs.write',
      });
    const bad = await token('nope');
    expect(bad.status).toBe(401);
    const good = await token(auth.clients.serviceClientSecret);
    const body = (await good.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(await verifier().verify(body.access_token)).toMatchObject({
      kind: 'service',
      owner: auth.clients.serviceClientId,
      scopes: ['voice-correction/jobs.read', 'voice-correction/jobs.write'],
    });
  });

  it('keeps users, clients and the signing key across a restart', async () => {
    await start(true);
    await cognito.send(new SignUpCommand({ ClientId: auth.clients.webClientId, Username: 'cy@example.com', Password: 'correct horse' }));
    const before = auth.clients;
    const kid = auth.key.kid;
    cognito.destroy();
    await close(auth.server);

    await start(true);
    expect(auth.clients).toEqual(before);
    expect(auth.key.kid).toBe(kid);
    const out = await cognito.send(
      new InitiateAuthCommand({ ClientId: auth.clients.webClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'cy@example.com', PASSWORD: 'correct horse' } }),
    );
    expect(out.AuthenticationResult?.IdToken).toBeDefined();
  });
});

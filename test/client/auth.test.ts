import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  NotAuthorizedException,
  RespondToAuthChallengeCommand,
  SignUpCommand,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { clientCredentialsToken } from '../../client/src/auth';
import { VoiceCorrectionClient } from '../../client/src/client';
import { ApiError } from '../../client/src/errors';
import { COGNITO_OK, FakeStack } from './fake-stack';

const RESULT = { AuthenticationResult: { AccessToken: 'access', IdToken: 'id', RefreshToken: 'refresh', ExpiresIn: 3600 } };

function newClient(extra: Record<string, string> = {}): VoiceCorrectionClient {
  return VoiceCorrectionClient.fromUrls({
    apiUrl: 'http://127.0.0.1:1',
    wsUrl: 'ws://127.0.0.1:1/local',
    userPoolId: 'eu-west-1_Pool',
    clientId: 'web',
    ...extra,
  });
}

describe('user sign-in (Cognito mocked)', () => {
  const cognito = mockClient(CognitoIdentityProviderClient);
  beforeEach(() => cognito.reset());
  afterAll(() => cognito.restore());

  it('signs in with a password through USER_PASSWORD_AUTH and keeps the access token', async () => {
    cognito.on(InitiateAuthCommand).resolves(RESULT);
    const client = newClient();
    await expect(client.signInWithPassword('a@example.com', 'pw')).resolves.toMatchObject({ accessToken: 'access', idToken: 'id' });
    expect(client.token).toBe('access');
    expect(cognito).toHaveReceivedCommandWith(InitiateAuthCommand, {
      ClientId: 'web',
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'a@example.com', PASSWORD: 'pw' },
    });
  });

  it('maps a Cognito rejection to ApiError with the exception name as code', async () => {
    cognito.on(InitiateAuthCommand).rejects(new NotAuthorizedException({ message: 'Incorrect username or password.', $metadata: { httpStatusCode: 400 } }));
    const error = await newClient().signInWithPassword('a@example.com', 'bad').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'NotAuthorizedException', message: 'sign-in failed: Incorrect username or password.' });
  });

  it('signs in with an emailed code: USER_AUTH, EMAIL_OTP challenge, the code from the prompt', async () => {
    cognito.on(InitiateAuthCommand).resolves({ ChallengeName: 'EMAIL_OTP', Session: 's1', ChallengeParameters: { CODE_DELIVERY_DESTINATION: 'a***@e***' } });
    cognito.on(RespondToAuthChallengeCommand).resolves(RESULT);
    const asked: unknown[] = [];
    const tokens = await newClient().signInWithEmailCode('a@example.com', async (request) => {
      asked.push(request);
      return ' 123456\n';
    });
    expect(tokens.accessToken).toBe('access');
    expect(asked).toEqual([{ email: 'a@example.com', destination: 'a***@e***' }]);
    expect(cognito).toHaveReceivedCommandWith(InitiateAuthCommand, {
      AuthFlow: 'USER_AUTH',
      AuthParameters: { USERNAME: 'a@example.com', PREFERRED_CHALLENGE: 'EMAIL_OTP' },
    });
    expect(cognito).toHaveReceivedCommandWith(RespondToAuthChallengeCommand, {
      ChallengeName: 'EMAIL_OTP',
      Session: 's1',
      ChallengeResponses: { USERNAME: 'a@example.com', EMAIL_OTP_CODE: '123456' },
    });
  });

  it('answers SELECT_CHALLENGE with EMAIL_OTP first', async () => {
    cognito.on(InitiateAuthCommand).resolves({ ChallengeName: 'SELECT_CHALLENGE', Session: 's0' });
    cognito
      .on(RespondToAuthChallengeCommand, { ChallengeName: 'SELECT_CHALLENGE' })
      .resolves({ ChallengeName: 'EMAIL_OTP', Session: 's1' })
      .on(RespondToAuthChallengeCommand, { ChallengeName: 'EMAIL_OTP' })
      .resolves(RESULT);
    await expect(newClient().signInWithEmailCode('a@example.com', async () => '1')).resolves.toMatchObject({ accessToken: 'access' });
    expect(cognito).toHaveReceivedCommandWith(RespondToAuthChallengeCommand, { ChallengeResponses: { USERNAME: 'a@example.com', ANSWER: 'EMAIL_OTP' } });
  });

  it('fails with no-code when the prompt cannot read a code', async () => {
    cognito.on(InitiateAuthCommand).resolves({ ChallengeName: 'EMAIL_OTP', Session: 's1' });
    await expect(
      newClient().signInWithEmailCode('a@example.com', async () => {
        throw new Error('input ended');
      }),
    ).rejects.toMatchObject({ code: 'no-code', message: 'sign-in failed: could not read the emailed code: input ended' });
  });

  it('ensureUser signs up a missing user, then signs in', async () => {
    cognito
      .on(InitiateAuthCommand)
      .rejectsOnce(new UserNotFoundException({ message: 'User does not exist.', $metadata: { httpStatusCode: 400 } }))
      .resolves(RESULT);
    cognito.on(SignUpCommand).resolves({ UserConfirmed: true, UserSub: 'sub-1' });
    await expect(newClient().ensureUser('new@example.com', 'Pw-123456!')).resolves.toMatchObject({ accessToken: 'access' });
    expect(cognito).toHaveReceivedCommandWith(SignUpCommand, {
      ClientId: 'web',
      Username: 'new@example.com',
      Password: 'Pw-123456!',
      UserAttributes: [{ Name: 'email', Value: 'new@example.com' }],
    });
    expect(cognito).toHaveReceivedCommandTimes(InitiateAuthCommand, 2);
  });

  it('ensureUser reports the wrong password, not the sign-up clash, for an existing user', async () => {
    cognito.on(InitiateAuthCommand).rejects(new NotAuthorizedException({ message: 'Incorrect username or password.', $metadata: {} }));
    cognito.on(SignUpCommand).rejects(new UsernameExistsException({ message: 'exists', $metadata: {} }));
    await expect(newClient().ensureUser('a@example.com', 'wrong')).rejects.toMatchObject({ code: 'NotAuthorizedException' });
  });

  it('ensureUser fails when the new user is not confirmed', async () => {
    cognito.on(InitiateAuthCommand).rejects(new UserNotFoundException({ message: 'no', $metadata: {} }));
    cognito.on(SignUpCommand).resolves({ UserConfirmed: false });
    await expect(newClient().ensureUser('a@example.com', 'pw')).rejects.toMatchObject({ code: 'UserNotConfirmedException' });
  });
});

describe('Cognito wire protocol against a local endpoint', () => {
  let stack: FakeStack;
  beforeEach(async () => {
    stack = await new FakeStack().start();
  });
  afterEach(() => stack.stop());

  it('speaks JSON 1.1 with the X-Amz-Target of the operation to the configured endpoint', async () => {
    stack.routes.set('COGNITO InitiateAuth', () => COGNITO_OK);
    const client = newClient({ cognitoEndpoint: stack.base });
    await client.signInWithPassword('a@example.com', 'pw');
    const sent = stack.requests[0];
    expect(sent.headers['x-amz-target']).toBe('AWSCognitoIdentityProviderService.InitiateAuth');
    expect(sent.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(JSON.parse(sent.body.toString())).toMatchObject({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'web' });
  });

  it('maps the local server error body to ApiError', async () => {
    stack.routes.set('COGNITO InitiateAuth', () => ({ status: 400, body: { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' } }));
    await expect(newClient({ cognitoEndpoint: stack.base }).signInWithPassword('a@example.com', 'pw')).rejects.toMatchObject({
      status: 400,
      code: 'NotAuthorizedException',
    });
  });
});

describe('client credentials', () => {
  let stack: FakeStack;
  beforeEach(async () => {
    stack = await new FakeStack().start();
  });
  afterEach(() => stack.stop());

  it('posts the form with HTTP Basic auth and returns the access token', async () => {
    stack.routes.set('POST /oauth2/token', () => ({ status: 200, body: { access_token: 'machine', expires_in: 3600, token_type: 'Bearer' } }));
    const tokens = await clientCredentialsToken(`${stack.base}/oauth2/token`, 'svc', 'secret');
    expect(tokens).toEqual({ accessToken: 'machine', expiresIn: 3600 });
    const sent = stack.requests[0];
    expect(sent.headers.authorization).toBe(`Basic ${Buffer.from('svc:secret').toString('base64')}`);
    expect(sent.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(sent.body.toString()))).toEqual({
      grant_type: 'client_credentials',
      scope: 'voice-correction/jobs.read voice-correction/jobs.write',
    });
  });

  it('maps an OAuth error to ApiError', async () => {
    stack.routes.set('POST /oauth2/token', () => ({ status: 401, body: { error: 'invalid_client' } }));
    await expect(clientCredentialsToken(`${stack.base}/oauth2/token`, 'svc', 'bad')).rejects.toMatchObject({
      status: 401,
      code: 'invalid_client',
      message: 'service token failed: invalid_client (HTTP 401)',
    });
  });

  it('serviceToken uses the local outputs secret and keeps the token', async () => {
    stack.routes.set('POST /oauth2/token', () => ({ status: 200, body: { access_token: 'machine', expires_in: 60 } }));
    const client = newClient({ tokenEndpoint: `${stack.base}/oauth2/token`, serviceClientId: 'svc', localServiceClientSecret: 'local-secret' });
    await client.serviceToken(undefined, undefined, ['voice-correction/jobs.read']);
    expect(client.token).toBe('machine');
    expect(stack.requests[0].headers.authorization).toBe(`Basic ${Buffer.from('svc:local-secret').toString('base64')}`);
  });

  it('serviceToken fails without a token endpoint', async () => {
    await expect(newClient().serviceToken('svc', 's')).rejects.toThrow('no TokenEndpoint configured');
  });
});

import '../shared/support/env';
import { handler } from '../../lambdas/ws/authorizer';
import { tokenVerifier } from '../../lambdas/shared/auth';
import { accessToken, idToken, jwksOf, primaryKey, serviceToken, SERVICE_CLIENT, WEB_CLIENT } from '../shared/support/tokens';
import { authorizerEvent, METHOD_ARN } from '../shared/support/ws-event';
import { lambdaContext } from '../shared/support/http-event';

beforeAll(() => tokenVerifier().cacheJwks(jwksOf(primaryKey) as never));
const authorize = (token?: string) => handler(authorizerEvent(token), lambdaContext());

describe('WebSocket $connect authorizer', () => {
  it.each([
    ['access', accessToken()],
    ['id', idToken()],
  ])('allows a user %s token with owner context', async (_kind, token) => {
    const result = await authorize(token);
    expect(result).toEqual({
      principalId: 'user-1',
      policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: METHOD_ARN }] },
      context: { owner: 'user-1', kind: 'user', clientId: WEB_CLIENT },
    });
  });

  it('allows a service token as kind service', async () => {
    expect((await authorize(serviceToken([]))).context).toEqual({ owner: SERVICE_CLIENT, kind: 'service', clientId: SERVICE_CLIENT });
  });

  it.each([
    ['expired', accessToken({ exp: Math.floor(Date.now() / 1000) - 1 })],
    ['malformed', 'nonsense'],
    ['foreign-audience', accessToken({ client_id: 'other' })],
  ])('denies a %s token', async (_name, token) => {
    const result = await authorize(token);
    expect(result.policyDocument.Statement).toEqual([{ Action: 'execute-api:Invoke', Effect: 'Deny', Resource: METHOD_ARN }]);
    expect(result.context).toBeUndefined();
  });

  it('fails as Unauthorized without a token', async () => {
    await expect(authorize()).rejects.toThrow('Unauthorized');
  });
});

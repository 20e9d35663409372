import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Stack } from 'aws-cdk-lib';

/** What every token-verifying function needs to know about the user pool, computed once. */
export class AuthEnvironment {
  /** Token issuer: https://cognito-idp.{region}.amazonaws.com/{poolId}. */
  public readonly issuer: string;
  /** App clients whose tokens are accepted. */
  public readonly clientIds: string[];
  /** USER_POOL_ID, USER_POOL_CLIENT_IDS and SERVICE_CLIENT_ID for the shared verifier. */
  public readonly environment: Record<string, string>;

  constructor(userPool: cognito.IUserPool, webClient: cognito.IUserPoolClient, serviceClient: cognito.IUserPoolClient) {
    const region = Stack.of(userPool).region;
    this.issuer = `https://cognito-idp.${region}.amazonaws.com/${userPool.userPoolId}`;
    this.clientIds = [webClient.userPoolClientId, serviceClient.userPoolClientId];
    this.environment = {
      USER_POOL_ID: userPool.userPoolId,
      USER_POOL_CLIENT_IDS: `${webClient.userPoolClientId},${serviceClient.userPoolClientId}`,
      SERVICE_CLIENT_ID: serviceClient.userPoolClientId,
    };
  }
}

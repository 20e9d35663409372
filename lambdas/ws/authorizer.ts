/**
 * `$connect` REQUEST authorizer: the token comes in the query string (browsers cannot set headers on a
 * WebSocket). Allow with context { owner, kind, clientId }; Deny for a bad token; Unauthorized when absent.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { tokenVerifier, UnauthorizedError } from '../shared/auth';
import { logger } from '../shared/http/observability';

const policy = (effect: 'Allow' | 'Deny', resource: string): APIGatewayAuthorizerResult['policyDocument'] => ({
  Version: '2012-10-17',
  Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }],
});

export async function authorize(event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> {
  const token = event.queryStringParameters?.token;
  // API Gateway answers 401 to exactly this message.
  if (!token) throw new Error('Unauthorized');
  try {
    const p = await tokenVerifier().verify(token);
    return { principalId: p.owner, policyDocument: policy('Allow', event.methodArn), context: { owner: p.owner, kind: p.kind, clientId: p.clientId } };
  } catch (err) {
    if (!(err instanceof UnauthorizedError)) throw err;
    logger.info('connection refused', { reason: err.reason });
    return { principalId: 'anonymous', policyDocument: policy('Deny', event.methodArn) };
  }
}

export const handler = middy<APIGatewayRequestAuthorizerEvent, APIGatewayAuthorizerResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(authorize);

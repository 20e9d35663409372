/** API Gateway WebSocket events for handler tests. */
import type { APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import type { WsAuthorizerContext, WsEvent } from '../../../lambdas/shared/connections/ws-handler';

export function wsEvent(routeKey: string, connectionId: string, authorizer?: WsAuthorizerContext, body?: string): WsEvent {
  return {
    body,
    isBase64Encoded: false,
    requestContext: {
      apiId: 'abc123',
      connectedAt: 0,
      connectionId,
      domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
      eventType: routeKey === '$connect' ? 'CONNECT' : routeKey === '$disconnect' ? 'DISCONNECT' : 'MESSAGE',
      extendedRequestId: 'x',
      messageDirection: 'IN',
      messageId: 'm',
      requestId: 'r',
      requestTime: '',
      requestTimeEpoch: 0,
      routeKey,
      stage: 'prod',
      ...(authorizer && { authorizer }),
    },
  } as WsEvent;
}

export const METHOD_ARN = 'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/$connect';

export function authorizerEvent(token?: string): APIGatewayRequestAuthorizerEvent {
  return {
    type: 'REQUEST',
    methodArn: METHOD_ARN,
    queryStringParameters: token === undefined ? {} : { token },
  } as unknown as APIGatewayRequestAuthorizerEvent;
}

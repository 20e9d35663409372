/** The middy chain for WebSocket route handlers: Powertools logger, and a bare 500 for anything unexpected. */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyResultV2, APIGatewayProxyWebsocketEventV2, Context } from 'aws-lambda';
import { logger } from '../http/observability';

/** What the `$connect` authorizer put on the request. */
export interface WsAuthorizerContext {
  readonly owner?: string;
  readonly kind?: string;
  readonly clientId?: string;
  readonly principalId?: string;
}

export type WsEvent = APIGatewayProxyWebsocketEventV2 & {
  readonly requestContext: APIGatewayProxyWebsocketEventV2['requestContext'] & { readonly authorizer?: WsAuthorizerContext };
};

type WsResult = { statusCode: number; body?: string };

export function wsHandler(core: (event: WsEvent, context: Context) => Promise<WsResult>) {
  return middy<WsEvent, APIGatewayProxyResultV2>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use({
      onError: (request) => {
        logger.error('websocket route failed', { routeKey: request.event.requestContext.routeKey, error: request.error as Error });
        request.response = { statusCode: 500 };
      },
    })
    .handler(core);
}

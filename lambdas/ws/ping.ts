/** Route `ping`: answers the caller's connection with `{ type: "pong", at }` through the management API. */
import { wsHandler } from '../shared/connections/ws-handler';
import { DynamoConnectionRepository } from '../shared/connections/connection-repository';
import { loadConnectionsConfig, loadWsEndpoint } from '../shared/connections/config';
import { ApiGatewayNotifier } from '../shared/notifications/api-gateway-notifier';
import { documentClient, managementClient } from '../shared/aws/clients';

const notifier = new ApiGatewayNotifier(
  managementClient(loadWsEndpoint()),
  new DynamoConnectionRepository(documentClient(), loadConnectionsConfig().connectionsTable),
);

export const handler = wsHandler(async (event) => {
  await notifier.send(event.requestContext.connectionId, { type: 'pong', at: new Date().toISOString() });
  return { statusCode: 200 };
});

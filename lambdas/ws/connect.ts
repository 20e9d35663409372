/** `$connect`: records the connection under the owner the authorizer vouched for. */
import { wsHandler } from '../shared/connections/ws-handler';
import { CONNECTION_TTL_SECONDS, DynamoConnectionRepository } from '../shared/connections/connection-repository';
import { loadConnectionsConfig } from '../shared/connections/config';
import { documentClient } from '../shared/aws/clients';
import { logger } from '../shared/http/observability';

const connections = new DynamoConnectionRepository(documentClient(), loadConnectionsConfig().connectionsTable);

export const handler = wsHandler(async (event) => {
  const owner = event.requestContext.authorizer?.owner;
  // Only reachable if the route were deployed without the authorizer: refuse rather than store an ownerless connection.
  if (!owner) return { statusCode: 401 };
  const now = Date.now();
  await connections.put({
    connectionId: event.requestContext.connectionId,
    owner,
    connectedAt: new Date(now).toISOString(),
    expiresAt: Math.floor(now / 1000) + CONNECTION_TTL_SECONDS,
  });
  logger.info('connected', { owner, kind: event.requestContext.authorizer?.kind });
  return { statusCode: 200 };
});

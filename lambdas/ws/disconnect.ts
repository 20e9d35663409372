/** `$disconnect`: forgets the connection. */
import { wsHandler } from '../shared/connections/ws-handler';
import { DynamoConnectionRepository } from '../shared/connections/connection-repository';
import { loadConnectionsConfig } from '../shared/connections/config';
import { documentClient } from '../shared/aws/clients';

const connections = new DynamoConnectionRepository(documentClient(), loadConnectionsConfig().connectionsTable);

export const handler = wsHandler(async (event) => {
  await connections.delete(event.requestContext.connectionId);
  return { statusCode: 200 };
});

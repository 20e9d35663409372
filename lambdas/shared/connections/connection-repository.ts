/** Open WebSocket connections: table keyed by connectionId, GSI `byOwner` (owner, connectionId). */
import { DeleteCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface Connection {
  readonly connectionId: string;
  readonly owner: string;
  /** ISO time. */
  readonly connectedAt: string;
  /** Epoch seconds; DynamoDB TTL removes records whose $disconnect never arrived. */
  readonly expiresAt: number;
}

/** Port. */
export interface ConnectionRepository {
  put(connection: Connection): Promise<void>;
  delete(connectionId: string): Promise<void>;
  listByOwner(owner: string): Promise<Connection[]>;
}

/** API Gateway closes a WebSocket after 2 hours; records live a little longer in case $disconnect is lost. */
export const CONNECTION_TTL_SECONDS = 3 * 3600;

export class DynamoConnectionRepository implements ConnectionRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(connection: Connection): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: connection }));
  }

  async delete(connectionId: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: { connectionId } }));
  }

  async listByOwner(owner: string): Promise<Connection[]> {
    const found: Connection[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'byOwner',
          KeyConditionExpression: '#owner = :owner',
          ExpressionAttributeNames: { '#owner': 'owner' },
          ExpressionAttributeValues: { ':owner': owner },
          ExclusiveStartKey: start,
        }),
      );
      found.push(...((out.Items ?? []) as Connection[]));
      start = out.LastEvaluatedKey;
    } while (start);
    return found;
  }
}

/**
 * AWS SDK clients, one per process: created on first use and reused across invocations. S3 and
 * Secrets Manager live in their own modules (s3-client.ts, secrets-client.ts) so that a handler
 * loading one of them lazily does not pay for its init at cold start.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';

let documents: DynamoDBDocumentClient | undefined;
const management = new Map<string, ApiGatewayManagementApiClient>();

/** DynamoDB document client; undefined attributes are dropped so optional Job fields need no special care. */
export function documentClient(): DynamoDBDocumentClient {
  if (!documents) {
    documents = DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true } });
  }
  return documents;
}

/** Management API client for one WebSocket endpoint (https://{api}.execute-api.{region}.amazonaws.com/{stage}). */
export function managementClient(endpoint: string): ApiGatewayManagementApiClient {
  let client = management.get(endpoint);
  if (!client) {
    client = new ApiGatewayManagementApiClient({ endpoint });
    management.set(endpoint, client);
  }
  return client;
}

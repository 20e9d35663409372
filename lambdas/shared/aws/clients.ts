/**
 * AWS SDK clients, one per process: created on first use and reused across invocations.
 * S3_ENDPOINT (local mode) points S3 at s3rver with path-style addressing.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { ENV, maybe } from '../config';

let s3: S3Client | undefined;
let documents: DynamoDBDocumentClient | undefined;
let secrets: SecretsManagerClient | undefined;
const management = new Map<string, ApiGatewayManagementApiClient>();

/** The S3 client; honours S3_ENDPOINT (forcePathStyle, and no checksum on presigned requests, which s3rver rejects). */
export function s3Client(): S3Client {
  if (!s3) {
    const endpoint = maybe(ENV.s3Endpoint);
    s3 = new S3Client(endpoint ? { endpoint, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED' } : {});
  }
  return s3;
}

/** DynamoDB document client; undefined attributes are dropped so optional Job fields need no special care. */
export function documentClient(): DynamoDBDocumentClient {
  if (!documents) {
    documents = DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true } });
  }
  return documents;
}

export function secretsClient(): SecretsManagerClient {
  if (!secrets) secrets = new SecretsManagerClient({});
  return secrets;
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

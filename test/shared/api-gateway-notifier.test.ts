import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { DeleteCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ApiGatewayManagementApiClient, ForbiddenException, GoneException, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { ApiGatewayNotifier } from '../../lambdas/shared/notifications/api-gateway-notifier';
import { DynamoConnectionRepository } from '../../lambdas/shared/connections/connection-repository';

const dynamo = mockClient(DynamoDBDocumentClient);
const management = mockClient(ApiGatewayManagementApiClient);
const db = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1' }));
const client = new ApiGatewayManagementApiClient({ region: 'eu-west-1', endpoint: 'https://abc.execute-api.eu-west-1.amazonaws.com/prod' });

const connection = (connectionId: string) => ({ connectionId, owner: 'user-1', connectedAt: '2026-01-01T00:00:00.000Z', expiresAt: 1 });
const message = { type: 'job-status', jobId: 'job-1', status: 'transcribing' } as const;

beforeEach(() => {
  dynamo.reset();
  management.reset();
  dynamo.on(DeleteCommand).resolves({});
});

function notifier() {
  const warn = jest.fn();
  const addMetric = jest.fn();
  return { warn, addMetric, notifier: new ApiGatewayNotifier(client, new DynamoConnectionRepository(db, 'connections'), { logger: { warn }, metrics: { addMetric } }) };
}

describe('ApiGatewayNotifier', () => {
  it('posts the message to every connection of the owner, across query pages', async () => {
    dynamo
      .on(QueryCommand)
      .resolvesOnce({ Items: [connection('a')], LastEvaluatedKey: { connectionId: 'a', owner: 'user-1' } })
      .resolvesOnce({ Items: [connection('b')] });
    management.on(PostToConnectionCommand).resolves({});

    const { notifier: n } = notifier();
    expect(await n.notifyOwner('user-1', message)).toEqual({ delivered: 2, gone: 0 });
    const queries = dynamo.commandCalls(QueryCommand).map((c) => c.args[0].input);
    expect(queries[0]).toMatchObject({ TableName: 'connections', IndexName: 'byOwner', ExpressionAttributeValues: { ':owner': 'user-1' } });
    expect(queries[1]).toMatchObject({ ExclusiveStartKey: { connectionId: 'a', owner: 'user-1' } });
    expect(management.commandCalls(PostToConnectionCommand).map((c) => c.args[0].input)).toEqual([
      { ConnectionId: 'a', Data: JSON.stringify(message) },
      { ConnectionId: 'b', Data: JSON.stringify(message) },
    ]);
  });

  it('deletes connections that answer 410 Gone and counts them', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [connection('live'), connection('gone')] });
    management.on(PostToConnectionCommand, { ConnectionId: 'live' }).resolves({});
    management.on(PostToConnectionCommand, { ConnectionId: 'gone' }).rejects(new GoneException({ message: 'gone', $metadata: { httpStatusCode: 410 } }));

    const { notifier: n, addMetric } = notifier();
    expect(await n.notifyOwner('user-1', message)).toEqual({ delivered: 1, gone: 1 });
    expect(dynamo).toHaveReceivedCommandTimes(DeleteCommand, 1);
    expect(dynamo).toHaveReceivedCommandWith(DeleteCommand, { Key: { connectionId: 'gone' } });
    expect(addMetric).toHaveBeenCalledWith('GoneConnections', 'Count', 1);
  });

  it('treats a bare 410 status as gone', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [connection('x')] });
    management.on(PostToConnectionCommand).rejects(Object.assign(new Error('Gone'), { $metadata: { httpStatusCode: 410 } }));
    expect(await notifier().notifier.notifyOwner('user-1', message)).toEqual({ delivered: 0, gone: 1 });
  });

  it('logs and counts other failures without deleting or throwing', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [connection('a'), connection('b')] });
    management.on(PostToConnectionCommand, { ConnectionId: 'a' }).rejects(new ForbiddenException({ message: 'no', $metadata: { httpStatusCode: 403 } }));
    management.on(PostToConnectionCommand, { ConnectionId: 'b' }).resolves({});

    const { notifier: n, warn, addMetric } = notifier();
    expect(await n.notifyOwner('user-1', message)).toEqual({ delivered: 1, gone: 0 });
    expect(dynamo).not.toHaveReceivedCommand(DeleteCommand);
    expect(warn).toHaveBeenCalledWith('notification failed', expect.objectContaining({ connectionId: 'a', messageType: 'job-status' }));
    expect(addMetric).toHaveBeenCalledWith('NotificationFailures', 'Count', 1);
  });

  it('delivers nothing when the owner has no connections', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [] });
    expect(await notifier().notifier.notifyOwner('user-1', message)).toEqual({ delivered: 0, gone: 0 });
    expect(management).not.toHaveReceivedCommand(PostToConnectionCommand);
  });
});

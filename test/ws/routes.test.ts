import '../shared/support/env';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ApiGatewayManagementApiClient, GoneException, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { handler as connect } from '../../lambdas/ws/connect';
import { handler as disconnect } from '../../lambdas/ws/disconnect';
import { handler as ping } from '../../lambdas/ws/ping';
import { wsEvent } from '../shared/support/ws-event';
import { lambdaContext } from '../shared/support/http-event';

const dynamo = mockClient(DynamoDBDocumentClient);
const management = mockClient(ApiGatewayManagementApiClient);
beforeEach(() => {
  dynamo.reset();
  management.reset();
});

describe('$connect', () => {
  it('stores the connection under the authorizer’s owner with a TTL', async () => {
    dynamo.on(PutCommand).resolves({});
    const res = await connect(wsEvent('$connect', 'conn-1', { owner: 'user-1', kind: 'user', clientId: 'web' }), lambdaContext());
    expect(res).toEqual({ statusCode: 200 });
    const item = dynamo.commandCalls(PutCommand)[0].args[0].input;
    expect(item.TableName).toBe('connections-table');
    expect(item.Item).toMatchObject({ connectionId: 'conn-1', owner: 'user-1' });
    expect(Date.parse(item.Item!.connectedAt)).toBeLessThanOrEqual(Date.now());
    expect(item.Item!.expiresAt).toBeGreaterThan(Date.now() / 1000 + 2 * 3600);
  });

  it('fails with 401 when no authorizer context is present', async () => {
    expect(await connect(wsEvent('$connect', 'conn-1'), lambdaContext())).toEqual({ statusCode: 401 });
    expect(dynamo).not.toHaveReceivedCommand(PutCommand);
  });

  it('fails with a bare 500 when the table write fails', async () => {
    dynamo.on(PutCommand).rejects(new Error('boom'));
    expect(await connect(wsEvent('$connect', 'conn-1', { owner: 'user-1' }), lambdaContext())).toEqual({ statusCode: 500 });
  });
});

describe('$disconnect', () => {
  it('deletes the connection', async () => {
    dynamo.on(DeleteCommand).resolves({});
    expect(await disconnect(wsEvent('$disconnect', 'conn-1'), lambdaContext())).toEqual({ statusCode: 200 });
    expect(dynamo).toHaveReceivedCommandWith(DeleteCommand, { TableName: 'connections-table', Key: { connectionId: 'conn-1' } });
  });
});

describe('ping', () => {
  it('answers pong on the caller’s connection', async () => {
    management.on(PostToConnectionCommand).resolves({});
    expect(await ping(wsEvent('ping', 'conn-7', undefined, '{"action":"ping"}'), lambdaContext())).toEqual({ statusCode: 200 });
    const input = management.commandCalls(PostToConnectionCommand)[0].args[0].input;
    expect(input.ConnectionId).toBe('conn-7');
    const message = JSON.parse(Buffer.from(input.Data as Uint8Array).toString());
    expect(message.type).toBe('pong');
    expect(new Date(message.at).toISOString()).toBe(message.at);
  });

  it('removes the record when the caller is already gone', async () => {
    management.on(PostToConnectionCommand).rejects(new GoneException({ message: 'gone', $metadata: { httpStatusCode: 410 } }));
    dynamo.on(DeleteCommand).resolves({});
    expect(await ping(wsEvent('ping', 'conn-7'), lambdaContext())).toEqual({ statusCode: 200 });
    expect(dynamo).toHaveReceivedCommandWith(DeleteCommand, { Key: { connectionId: 'conn-7' } });
  });
});

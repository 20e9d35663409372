import type { AddressInfo } from 'node:net';
import { ApiGatewayManagementApiClient, GetConnectionCommand, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import WebSocket from 'ws';
import { close, listen } from '../../local/http-util';
import type { Handler } from '../../local/lambda';
import { WsGateway } from '../../local/ws-gateway';

const route = (fn: Handler) => ({ handler: async () => fn, functionName: 'test' });

describe('local WebSocket gateway', () => {
  const events: { routeKey: string; event: any }[] = [];
  let gateway: WsGateway;
  let base: string;
  let management: ApiGatewayManagementApiClient;

  beforeEach(async () => {
    events.length = 0;
    const record = (routeKey: string) => async (event: any) => {
      events.push({ routeKey, event });
      return { statusCode: 200 };
    };
    gateway = new WsGateway({
      stage: 'local',
      authorizer: route(async (event: any) => {
        const ok = event.queryStringParameters.token === 'good';
        return {
          principalId: ok ? 'alice' : 'anonymous',
          policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: ok ? 'Allow' : 'Deny', Resource: event.methodArn }] },
          ...(ok ? { context: { owner: 'alice', kind: 'user', clientId: 'web' } } : {}),
        };
      }),
      routes: { $connect: route(record('$connect')), $disconnect: route(record('$disconnect')), ping: route(record('ping')) },
    });
    await listen(gateway.server, '127.0.0.1', 0);
    base = `127.0.0.1:${(gateway.server.address() as AddressInfo).port}`;
    management = new ApiGatewayManagementApiClient({ endpoint: `http://${base}/local`, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  });

  afterEach(async () => {
    management.destroy();
    await gateway.close();
    await close(gateway.server);
  });

  /** Resolves with the handshake status: 101 when open, else the refusal status. */
  function connect(query: string): Promise<{ status: number; socket?: WebSocket }> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`ws://${base}/local${query}`);
      socket.on('open', () => resolve({ status: 101, socket }));
      socket.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
      socket.on('error', (err) => reject(err));
    });
  }

  it('refuses the handshake with 401 without a token, without calling $connect', async () => {
    expect((await connect('')).status).toBe(401);
    expect(events).toEqual([]);
  });

  it('refuses the handshake with 401 when the authorizer denies', async () => {
    expect((await connect('?token=bad')).status).toBe(401);
    expect(events).toEqual([]);
  });

  it('passes the authorizer context to $connect and routes by action; @connections delivers to the socket', async () => {
    const { status, socket } = await connect('?token=good');
    expect(status).toBe(101);
    const connect$ = events.find((e) => e.routeKey === '$connect')!;
    expect(connect$.event.requestContext.authorizer).toMatchObject({ owner: 'alice', kind: 'user', clientId: 'web', principalId: 'alice' });
    const connectionId: string = connect$.event.requestContext.connectionId;

    const received: string[] = [];
    const next = () => new Promise<string>((resolve) => socket!.once('message', (d) => resolve(d.toString())));
    let message = next();
    socket!.send(JSON.stringify({ action: 'nope' }));
    received.push(await message);
    expect(JSON.parse(received[0])).toMatchObject({ message: 'unknown action: nope', connectionId });

    socket!.send(JSON.stringify({ action: 'ping' }));
    while (!events.some((e) => e.routeKey === 'ping')) await new Promise((r) => setTimeout(r, 10));
    expect(events.find((e) => e.routeKey === 'ping')!.event).toMatchObject({ body: '{"action":"ping"}', requestContext: { routeKey: 'ping', connectionId } });

    message = next();
    await management.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: Buffer.from('{"type":"pong"}') }));
    expect(await message).toBe('{"type":"pong"}');
    expect((await management.send(new GetConnectionCommand({ ConnectionId: connectionId }))).Identity?.SourceIp).toBe('127.0.0.1');

    socket!.close();
    while (!events.some((e) => e.routeKey === '$disconnect')) await new Promise((r) => setTimeout(r, 10));
    expect(events.find((e) => e.routeKey === '$disconnect')!.event.requestContext.connectionId).toBe(connectionId);
  });

  it('answers @connections for an unknown id with 410 GoneException', async () => {
    await expect(management.send(new PostToConnectionCommand({ ConnectionId: 'Zm9vYmFyYmF6cXV4=', Data: Buffer.from('x') }))).rejects.toMatchObject({
      name: 'GoneException',
      $metadata: { httpStatusCode: 410 },
    });
  });
});

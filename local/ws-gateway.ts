/**
 * An API Gateway WebSocket API on loopback (the `ws` package): the `$connect` REQUEST authorizer,
 * `$connect` / `$disconnect` / action routes as API-Gateway-shaped events, and the
 * `@connections` management endpoint that ApiGatewayManagementApiClient talks to unchanged.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { LOCAL } from './config';
import { readBody, sendJson } from './http-util';
import { invoke, type Handler } from './lambda';

export interface WsRoute {
  readonly handler: () => Promise<Handler>;
  readonly functionName: string;
}

export interface WsGatewayOptions {
  readonly stage: string;
  /** The $connect REQUEST authorizer (identity source: querystring token). */
  readonly authorizer?: WsRoute;
  /** Route key → handler: $connect, $disconnect, and actions such as ping. */
  readonly routes: Record<string, WsRoute>;
  readonly log?: (line: string) => void;
}

interface Connection {
  readonly socket: WebSocket;
  readonly connectedAt: number;
  lastActiveAt: number;
  readonly sourceIp: string;
  readonly userAgent: string;
  readonly authorizer?: Record<string, unknown>;
}

const API_ID = 'localws';

/** Connection ids look like API Gateway's: 14 base64 characters and "=". */
const newConnectionId = (): string => `${randomBytes(12).toString('base64').replace(/[+/]/g, 'A').slice(0, 14)}=`;

export class WsGateway {
  readonly server: Server;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly connections = new Map<string, Connection>();
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly options: WsGatewayOptions) {
    this.server = createServer((req, res) => {
      this.manage(req, res).catch(() => {
        if (!res.headersSent) sendJson(res, 500, { message: 'Internal server error' });
      });
    });
    this.server.on('upgrade', (req, socket, head) => {
      this.track(this.upgrade(req, socket, head).catch(() => refuse(socket, 500, 'Internal server error')));
    });
  }

  /** Open connection ids (tests). */
  connectionIds(): string[] {
    return [...this.connections.keys()];
  }

  /** Closes every socket (each gets its $disconnect) and waits for the route handlers. */
  async close(): Promise<void> {
    for (const c of this.connections.values()) c.socket.close(1001, 'Going away');
    for (const c of this.connections.values()) c.socket.terminate();
    this.wss.close();
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private track(p: Promise<unknown>): void {
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }

  private baseContext(connectionId: string, routeKey: string, eventType: string, req?: { sourceIp: string; userAgent: string }) {
    const now = Date.now();
    return {
      routeKey,
      eventType,
      messageDirection: 'IN',
      extendedRequestId: randomUUID(),
      requestTime: new Date(now).toUTCString(),
      requestTimeEpoch: now,
      requestId: randomUUID(),
      stage: this.options.stage,
      domainName: '127.0.0.1',
      apiId: API_ID,
      connectionId,
      identity: { sourceIp: req?.sourceIp ?? '127.0.0.1', userAgent: req?.userAgent ?? '' },
    };
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    if (url.pathname.replace(/\/+$/, '') !== `/${this.options.stage}`) return refuse(socket, 403, 'Forbidden');
    const query = Object.fromEntries(url.searchParams);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v ?? '')]));
    const connectionId = newConnectionId();
    const peer = { sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: String(req.headers['user-agent'] ?? '') };
    const context = { ...this.baseContext(connectionId, '$connect', 'CONNECT', peer), connectedAt: Date.now() };
    let authorizerContext: Record<string, unknown> | undefined;
    if (this.options.authorizer) {
      // Identity source route.request.querystring.token: API Gateway answers 401 itself when it is absent.
      if (!query.token) return refuse(socket, 401, 'Unauthorized');
      const methodArn = `arn:aws:execute-api:${LOCAL.region}:${LOCAL.account}:${API_ID}/${this.options.stage}/$connect`;
      const event = { type: 'REQUEST', methodArn, headers, multiValueHeaders: multi(headers), queryStringParameters: query, multiValueQueryStringParameters: multi(query), stageVariables: {}, requestContext: context };
      let result: { principalId?: string; policyDocument?: { Statement?: { Effect?: string }[] }; context?: Record<string, unknown> };
      try {
        result = await invoke(await this.options.authorizer.handler(), event, this.options.authorizer.functionName);
      } catch (err) {
        return refuse(socket, (err as Error).message === 'Unauthorized' ? 401 : 500, (err as Error).message === 'Unauthorized' ? 'Unauthorized' : 'Internal server error');
      }
      const allowed = (result.policyDocument?.Statement ?? []).some((s) => s.Effect === 'Allow') && !(result.policyDocument?.Statement ?? []).some((s) => s.Effect === 'Deny');
      if (!allowed) return refuse(socket, 401, 'Unauthorized');
      authorizerContext = { ...(result.context ?? {}), principalId: result.principalId };
    }
    const connect = this.options.routes.$connect;
    if (connect) {
      const event = { headers, multiValueHeaders: multi(headers), queryStringParameters: query, multiValueQueryStringParameters: multi(query), isBase64Encoded: false, requestContext: { ...context, authorizer: authorizerContext } };
      let status = 500;
      try {
        const out = (await invoke(await connect.handler(), event, connect.functionName)) as { statusCode?: number } | undefined;
        status = out?.statusCode ?? 200;
      } catch {
        status = 500;
      }
      if (status >= 300) return refuse(socket, status, status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : 'Internal server error');
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.opened(ws, connectionId, peer, authorizerContext));
  }

  private opened(ws: WebSocket, connectionId: string, peer: { sourceIp: string; userAgent: string }, authorizer?: Record<string, unknown>): void {
    const now = Date.now();
    this.connections.set(connectionId, { socket: ws, connectedAt: now, lastActiveAt: now, ...peer, authorizer });
    this.options.log?.(`[local ws] connected ${connectionId}`);
    ws.on('message', (data, isBinary) => this.track(this.message(connectionId, data.toString(), isBinary, peer)));
    ws.on('close', (code, reason) => {
      this.connections.delete(connectionId);
      const route = this.options.routes.$disconnect;
      if (!route) return;
      const event = {
        headers: {},
        isBase64Encoded: false,
        requestContext: { ...this.baseContext(connectionId, '$disconnect', 'DISCONNECT', peer), disconnectStatusCode: code, disconnectReason: reason.toString(), authorizer },
      };
      this.track(route.handler().then((h) => invoke(h, event, route.functionName)).catch((err: unknown) => console.error(`[local ws] $disconnect failed: ${(err as Error).message}`)));
    });
  }

  /** Route selection `$request.body.action`, as the deployed API. */
  private async message(connectionId: string, body: string, isBinary: boolean, peer: { sourceIp: string; userAgent: string }): Promise<void> {
    const connection = this.connections.get(connectionId);
    if (!connection) return;
    connection.lastActiveAt = Date.now();
    let action: unknown;
    try {
      action = (JSON.parse(body) as { action?: unknown }).action;
    } catch {
      action = undefined;
    }
    const routeKey = typeof action === 'string' && this.options.routes[action] && !action.startsWith('$') ? action : '$default';
    const route = this.options.routes[routeKey];
    const base = this.baseContext(connectionId, routeKey, 'MESSAGE', peer);
    if (!route) {
      connection.socket.send(JSON.stringify({ message: `unknown action${typeof action === 'string' ? `: ${action}` : ''}`, connectionId, requestId: base.requestId }));
      return;
    }
    const event = { body, isBase64Encoded: isBinary, requestContext: { ...base, authorizer: connection.authorizer } };
    try {
      await invoke(await route.handler(), event, route.functionName);
    } catch (err) {
      console.error(`[local ws] route ${routeKey} failed: ${(err as Error).message}`);
      connection.socket.send(JSON.stringify({ message: 'Internal server error', connectionId, requestId: base.requestId }));
    }
  }

  /** POST | GET | DELETE /{stage}/@connections/{id}. */
  private async manage(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    const m = new RegExp(`^/${escape(this.options.stage)}/@connections/([^/]+)$`).exec(url.pathname);
    if (!m) return sendJson(res, 404, { message: 'Not Found' });
    const connectionId = decodeURIComponent(m[1]);
    const connection = this.connections.get(connectionId);
    if (!connection || connection.socket.readyState !== WebSocket.OPEN) {
      return sendJson(res, 410, { message: null }, { 'x-amzn-errortype': 'GoneException' });
    }
    if (req.method === 'POST') {
      const data = await readBody(req);
      await new Promise<void>((resolve, reject) => connection.socket.send(data.toString('utf8'), (err) => (err ? reject(err) : resolve())));
      res.writeHead(200).end();
      return;
    }
    if (req.method === 'GET') {
      return sendJson(res, 200, {
        connectedAt: new Date(connection.connectedAt).toISOString(),
        identity: { sourceIp: connection.sourceIp, userAgent: connection.userAgent },
        lastActiveAt: new Date(connection.lastActiveAt).toISOString(),
      });
    }
    if (req.method === 'DELETE') {
      connection.socket.close(1000, 'Deleted');
      res.writeHead(204).end();
      return;
    }
    sendJson(res, 405, { message: 'Method Not Allowed' });
  }
}

function refuse(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ message });
  socket.end(`HTTP/1.1 ${status} ${message}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
}

function multi(values: Record<string, string>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, [v]]));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

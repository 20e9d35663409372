/** A fake deployment on 127.0.0.1 for client tests: HTTP API, presigned-POST storage, downloads, Cognito JSON, token endpoint, WebSocket. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { VoiceCorrectionClient } from '../../client/src/client';

export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

type Handler = (req: Recorded) => Reply | Promise<Reply>;

export const GOOD_TOKEN = 'good-token';

export class FakeStack {
  readonly requests: Recorded[] = [];
  /** Routes keyed `METHOD /path` (path without query); `*` matches any path with that prefix. */
  readonly routes = new Map<string, Handler>();
  readonly sockets = new Set<WebSocket>();
  /** Tokens the WebSocket accepts. */
  readonly wsTokens = new Set([GOOD_TOKEN]);
  wsConnects = 0;
  private server!: Server;
  private wss!: WebSocketServer;
  port = 0;

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}/local`;
  }

  async start(): Promise<this> {
    this.wss = new WebSocketServer({ noServer: true });
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('upgrade', (req, socket, head) => {
      const url = new URL(req.url ?? '/', this.base);
      const token = url.searchParams.get('token') ?? '';
      if (url.pathname !== '/local' || !this.wsTokens.has(token)) {
        socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
        return;
      }
      this.wsConnects += 1;
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        this.sockets.add(ws);
        ws.on('close', () => this.sockets.delete(ws));
        ws.on('message', (data) => {
          const m = JSON.parse(data.toString()) as { action?: string };
          if (m.action === 'ping') ws.send(JSON.stringify({ type: 'pong', at: new Date(0).toISOString() }));
        });
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** Sends a message to every open socket. */
  broadcast(message: unknown): void {
    for (const ws of this.sockets) ws.send(JSON.stringify(message));
  }

  /** Resolves once n sockets are open. */
  async waitForSockets(n = 1): Promise<void> {
    while (this.sockets.size < n) await new Promise((r) => setTimeout(r, 5));
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const path = new URL(req.url ?? '/', this.base).pathname;
    const recorded: Recorded = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks) };
    this.requests.push(recorded);
    const target = req.headers['x-amz-target'];
    const key = typeof target === 'string' ? `COGNITO ${target.split('.').pop()}` : `${req.method} ${path}`;
    const handler =
      this.routes.get(key) ??
      [...this.routes.entries()].find(([k]) => k.endsWith('*') && key.startsWith(k.slice(0, -1)))?.[1];
    const reply: Reply = handler ? await handler(recorded) : { status: 404, body: { error: 'not-found', message: `no route ${key}` } };
    const isBuffer = Buffer.isBuffer(reply.body);
    const text = reply.body === undefined ? '' : isBuffer || typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      ...(typeof reply.body === 'object' && !isBuffer ? { 'content-type': 'application/json' } : {}),
      ...reply.headers,
    });
    res.end(text);
  }
}

/** Parses a recorded multipart body the way a server would, keeping field order. */
/** A client on the fake stack's URLs, with the given token set. */
export function clientFor(stack: FakeStack, options: Parameters<typeof VoiceCorrectionClient.fromUrls>[1] = {}, token?: string): VoiceCorrectionClient {
  const client = VoiceCorrectionClient.fromUrls(
    { apiUrl: stack.base, wsUrl: stack.wsUrl, userPoolId: 'us-east-1_LocalPool', clientId: 'web' },
    options,
  );
  if (token !== undefined) client.setToken(token);
  return client;
}

export async function formEntries(r: Recorded): Promise<Array<[string, NonNullable<ReturnType<FormData['get']>>]>> {
  const form = await new Response(r.body, { headers: { 'content-type': String(r.headers['content-type']) } }).formData();
  return [...form.entries()];
}

export const COGNITO_OK: Reply = {
  status: 200,
  body: { AuthenticationResult: { AccessToken: GOOD_TOKEN, IdToken: 'id-token', ExpiresIn: 3600, TokenType: 'Bearer' } },
};

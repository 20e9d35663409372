/** The notifications WebSocket as a small typed event emitter: parses server messages, reconnects once, closes cleanly. */
import { EventEmitter } from 'node:events';
import WebSocket from 'ws';
import { ApiError, NetworkError } from './errors';
import type { FileFailedMessage, FileReadyMessage, JobStatusMessage, PongMessage, ServerMessage } from './types';

/** Events of a JobSocket. `closed` fires once, when the socket is gone for good. */
export interface JobSocketEvents {
  'job-status': [JobStatusMessage];
  'file-ready': [FileReadyMessage];
  'file-failed': [FileFailedMessage];
  pong: [PongMessage];
  /** Every recognised server message, whatever its type. */
  message: [ServerMessage];
  /** The connection dropped and was re-established; messages sent meanwhile are lost. */
  reconnected: [];
  closed: [{ code: number; reason: string; expected: boolean }];
}

export interface JobSocketOptions {
  /** Reconnections allowed over the socket's life after unexpected drops (default 1). */
  readonly maxReconnects?: number;
  /** Wait before reconnecting, in ms (default 500). */
  readonly reconnectDelayMs?: number;
  /** Handshake time limit in ms (default 15000). */
  readonly handshakeTimeoutMs?: number;
}

const TYPES = new Set(['job-status', 'file-ready', 'file-failed', 'pong']);

/** Parses one frame; undefined for anything that is not a known server message. */
export function parseServerMessage(data: string): ServerMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && TYPES.has(type) ? (value as ServerMessage) : undefined;
}

/** Adds the token to the URL's query string (browsers cannot set WebSocket headers, so the API reads it there). */
export function socketUrl(wsUrl: string, token: string): string {
  const url = new URL(wsUrl);
  url.searchParams.set('token', token);
  return url.toString();
}

function dial(url: string, handshakeTimeout: number): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { handshakeTimeout });
    const where = new URL(url).host;
    ws.once('open', () => {
      ws.removeAllListeners('error');
      ws.removeAllListeners('unexpected-response');
      resolve(ws);
    });
    ws.once('unexpected-response', (req, res) => {
      const status = res.statusCode ?? 0;
      res.resume();
      req.destroy();
      const code = status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : `http-${status}`;
      reject(new ApiError(status, code, `WebSocket connection refused by ${where}: HTTP ${status}${status === 401 || status === 403 ? ' (token rejected)' : ''}`));
    });
    ws.once('error', (e: Error & { code?: string }) => {
      reject(new NetworkError(`cannot open WebSocket to ${where}: ${e.code ?? e.message}`));
    });
  });
}

export class JobSocket extends EventEmitter<JobSocketEvents> {
  private ws: WebSocket;
  private closing = false;
  private finished = false;
  private reconnects = 0;

  private constructor(
    private readonly url: string,
    ws: WebSocket,
    private readonly options: Required<JobSocketOptions>,
  ) {
    super();
    this.ws = ws;
    this.attach(ws);
  }

  /** Opens the socket; rejects with ApiError (handshake refused, e.g. 401) or NetworkError. */
  static async open(wsUrl: string, token: string, options: JobSocketOptions = {}): Promise<JobSocket> {
    const resolved = { maxReconnects: 1, reconnectDelayMs: 500, handshakeTimeoutMs: 15_000, ...options };
    const url = socketUrl(wsUrl, token);
    return new JobSocket(url, await dial(url, resolved.handshakeTimeoutMs), resolved);
  }

  /** True while a connection is open. */
  get connected(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** Sends `{"action":"ping"}` and resolves with the next pong. */
  ping(timeoutMs = 10_000): Promise<PongMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('pong', onPong);
        reject(new NetworkError(`no pong within ${timeoutMs} ms`));
      }, timeoutMs);
      const onPong = (m: PongMessage) => {
        clearTimeout(timer);
        resolve(m);
      };
      this.once('pong', onPong);
      this.ws.send(JSON.stringify({ action: 'ping' }), (e) => {
        if (e) {
          clearTimeout(timer);
          this.off('pong', onPong);
          reject(new NetworkError(`cannot send ping: ${e.message}`));
        }
      });
    });
  }

  /** Closes with 1000 and resolves once closed (terminates if the server does not answer within 2 s). */
  close(): Promise<void> {
    this.closing = true;
    if (this.finished) return Promise.resolve();
    return new Promise((resolve) => {
      this.once('closed', () => resolve());
      if (this.ws.readyState === WebSocket.CLOSED) {
        this.finish(1000, 'closed by client');
        return;
      }
      const timer = setTimeout(() => this.ws.terminate(), 2000);
      timer.unref();
      this.ws.close(1000, 'done');
    });
  }

  private attach(ws: WebSocket): void {
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      const message = parseServerMessage(data.toString());
      if (!message) return;
      this.emit('message', message);
      // Each branch narrows the union so the typed emitter accepts it.
      if (message.type === 'job-status') this.emit('job-status', message);
      else if (message.type === 'file-ready') this.emit('file-ready', message);
      else if (message.type === 'file-failed') this.emit('file-failed', message);
      else this.emit('pong', message);
    });
    ws.on('error', () => {
      // 'close' follows every error; handled there.
    });
    ws.on('close', (code, reason) => void this.onClose(ws, code, reason.toString()));
  }

  private async onClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    if (ws !== this.ws || this.finished) return;
    if (this.closing || this.reconnects >= this.options.maxReconnects) {
      this.finish(code, reason);
      return;
    }
    this.reconnects += 1;
    await new Promise((r) => setTimeout(r, this.options.reconnectDelayMs));
    if (this.closing) {
      this.finish(code, reason);
      return;
    }
    try {
      const next = await dial(this.url, this.options.handshakeTimeoutMs);
      if (this.closing) {
        next.close(1000, 'done');
        this.finish(code, reason);
        return;
      }
      this.ws = next;
      this.attach(next);
      this.emit('reconnected');
    } catch (e) {
      this.finish(code, `${reason || 'connection lost'}; reconnect failed: ${(e as Error).message}`);
    }
  }

  private finish(code: number, reason: string): void {
    if (this.finished) return;
    this.finished = true;
    this.emit('closed', { code, reason, expected: this.closing });
  }
}

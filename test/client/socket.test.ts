import { VoiceCorrectionClient } from '../../client/src/client';
import { ApiError } from '../../client/src/errors';
import { parseServerMessage, socketUrl, type JobSocket } from '../../client/src/socket';
import type { ServerMessage } from '../../client/src/types';
import { FakeStack, GOOD_TOKEN, clientFor } from './fake-stack';

let stack: FakeStack;
let client: VoiceCorrectionClient;
const open: JobSocket[] = [];

beforeEach(async () => {
  stack = await new FakeStack().start();
  client = clientFor(stack, { socket: { reconnectDelayMs: 10 } }, GOOD_TOKEN);
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await stack.stop();
});

async function connect(): Promise<JobSocket> {
  const socket = await client.connect();
  open.push(socket);
  await stack.waitForSockets(1);
  return socket;
}

function next<K extends 'job-status' | 'file-ready' | 'file-failed' | 'pong' | 'reconnected' | 'closed'>(socket: JobSocket, event: K): Promise<unknown[]> {
  return new Promise((resolve) => socket.once(event, ((...args: unknown[]) => resolve(args)) as never));
}

describe('server message parsing', () => {
  it('accepts the four message types and nothing else', () => {
    expect(parseServerMessage('{"type":"pong","at":"t"}')).toEqual({ type: 'pong', at: 't' });
    expect(parseServerMessage('{"type":"job-status","jobId":"j","status":"correcting"}')).toMatchObject({ type: 'job-status' });
    expect(parseServerMessage('{"type":"other"}')).toBeUndefined();
    expect(parseServerMessage('not json')).toBeUndefined();
    expect(parseServerMessage('null')).toBeUndefined();
  });

  it('puts the token in the query string, keeping the stage path', () => {
    expect(socketUrl('wss://x.example.com/prod', 'a.b c')).toBe('wss://x.example.com/prod?token=a.b+c');
  });
});

describe('JobSocket', () => {
  it('emits each server message as its own typed event', async () => {
    const socket = await connect();
    const seen: ServerMessage[] = [];
    socket.on('message', (m) => seen.push(m));
    const status = next(socket, 'job-status');
    const ready = next(socket, 'file-ready');
    const failed = next(socket, 'file-failed');
    stack.broadcast({ type: 'job-status', jobId: 'j1', status: 'transcribing' });
    stack.broadcast({ type: 'unknown-type' });
    stack.broadcast({ type: 'file-ready', jobId: 'j1', downloadUrl: 'u', expiresAt: 'e', transcript: 't', correctedText: 'c', edits: [], unchanged: true, timings: {} });
    stack.broadcast({ type: 'file-failed', jobId: 'j2', code: 'not-audio', reason: 'not a recording' });
    expect(await status).toEqual([{ type: 'job-status', jobId: 'j1', status: 'transcribing' }]);
    expect((await ready)[0]).toMatchObject({ type: 'file-ready', downloadUrl: 'u' });
    expect(await failed).toEqual([{ type: 'file-failed', jobId: 'j2', code: 'not-audio', reason: 'not a recording' }]);
    expect(seen.map((m) => m.type)).toEqual(['job-status', 'file-ready', 'file-failed']);
  });

  it('answers ping with the pong', async () => {
    const socket = await connect();
    await expect(socket.ping()).resolves.toEqual({ type: 'pong', at: '1970-01-01T00:00:00.000Z' });
  });

  it('is refused with ApiError 401 for a bad token', async () => {
    const error = await client.connect({ token: 'forged' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'unauthorized' });
    expect((error as Error).message).toMatch(/^WebSocket connection refused by 127\.0\.0\.1:\d+: HTTP 401 \(token rejected\)$/);
  });

  it('reconnects once after a drop and keeps delivering', async () => {
    const socket = await connect();
    const reconnected = next(socket, 'reconnected');
    for (const ws of stack.sockets) ws.terminate();
    await reconnected;
    expect(stack.wsConnects).toBe(2);
    await stack.waitForSockets(1);
    const status = next(socket, 'job-status');
    stack.broadcast({ type: 'job-status', jobId: 'j1', status: 'done' });
    expect(await status).toEqual([{ type: 'job-status', jobId: 'j1', status: 'done' }]);
    expect(socket.connected).toBe(true);
  });

  it('gives up after the second drop and reports an unexpected close', async () => {
    const socket = await connect();
    const reconnected = next(socket, 'reconnected');
    for (const ws of stack.sockets) ws.terminate();
    await reconnected;
    await stack.waitForSockets(1);
    const closed = next(socket, 'closed');
    for (const ws of stack.sockets) ws.terminate();
    expect((await closed)[0]).toMatchObject({ expected: false });
    expect(socket.connected).toBe(false);
    expect(stack.wsConnects).toBe(2);
  });

  it('reports a failed reconnect as closed with the reason', async () => {
    const socket = await connect();
    stack.wsTokens.clear();
    const closed = next(socket, 'closed');
    for (const ws of stack.sockets) ws.terminate();
    const [info] = (await closed) as [{ expected: boolean; reason: string }];
    expect(info.expected).toBe(false);
    expect(info.reason).toMatch(/reconnect failed: WebSocket connection refused .*HTTP 401/);
  });

  it('closes cleanly with 1000 and does not reconnect', async () => {
    const socket = await connect();
    const closed = next(socket, 'closed');
    await socket.close();
    expect((await closed)[0]).toMatchObject({ code: 1000, expected: true });
    expect(stack.wsConnects).toBe(1);
    await socket.close();
  });
});

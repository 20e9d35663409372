/** Runs a house Lambda handler in-process, the way the Lambda runtime would call it. */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Context } from 'aws-lambda';
import { LOCAL } from './config';

export type Handler = (event: any, context: Context) => Promise<any>;

/** Repository root: handler entries ("lambdas/pipeline/accept.ts") are relative to it. */
export const repoRoot = resolve(__dirname, '..');

/** Imports a handler module's `handler` export; fails naming the file when it has none. */
export async function loadHandler(entry: string): Promise<Handler> {
  const mod = (await import(resolve(repoRoot, entry))) as { handler?: unknown; default?: { handler?: unknown } };
  const handler = mod.handler ?? mod.default?.handler;
  if (typeof handler !== 'function') throw new Error(`${entry} exports no function named handler`);
  return handler as Handler;
}

/** A Lambda context for one invocation (15 min budget, like the longest Lambda). */
export function lambdaContext(functionName: string, timeoutMs = 15 * 60 * 1000): Context {
  const deadline = Date.now() + timeoutMs;
  const fail = () => {
    throw new Error('callback-style completion is not supported locally');
  };
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${LOCAL.region}:${LOCAL.account}:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: fail,
    fail,
    succeed: fail,
  };
}

const inflight = new Set<Promise<unknown>>();

/** Calls a handler with a fresh context; the name shows in Powertools logs. */
export function invoke<T = unknown>(handler: Handler, event: unknown, functionName: string): Promise<T> {
  const run = Promise.resolve().then(() => handler(event, lambdaContext(functionName)));
  inflight.add(run);
  void run.catch(() => undefined).finally(() => inflight.delete(run));
  return run;
}

/** Waits for running invocations to finish (at most `timeoutMs`), so a stop does not cut a write in half. */
export async function settleInvocations(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (inflight.size > 0 && Date.now() < deadline) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...inflight]), new Promise((r) => (timer = setTimeout(r, Math.max(0, deadline - Date.now()))))]);
    clearTimeout(timer);
  }
}

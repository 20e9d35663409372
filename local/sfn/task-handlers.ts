/** Task state → in-process handler, with the error shape Step Functions gets from a failed Lambda. */
import { invoke, type Handler } from '../lambda';
import type { TaskBinding } from '../app-model';
import type { TaskHandler } from './executions';

/** A Lambda failure as Step Functions sees it: Error = the error's name, Cause = the runtime's JSON. */
export class LambdaFailure extends Error {
  constructor(err: unknown) {
    const e = err instanceof Error ? err : new Error(String(err));
    const type = e.name || 'Error';
    super(JSON.stringify({ errorType: type, errorMessage: e.message, trace: (e.stack ?? '').split('\n') }));
    this.name = type;
  }
}

/** Builds the taskResourceLocalHandlers map; each handler is imported on first use. */
export function taskHandlers(tasks: Record<string, TaskBinding>, load: (entry: string) => Promise<Handler>): Record<string, TaskHandler> {
  return Object.fromEntries(
    Object.entries(tasks).map(([state, binding]) => {
      const call = async (event: unknown) => {
        const handler = await load(binding.entry);
        try {
          return await invoke(handler, event, binding.functionId);
        } catch (err) {
          throw new LambdaFailure(err);
        }
      };
      const run: TaskHandler =
        binding.style === 'direct'
          ? call
          : async (input) => ({ ExecutedVersion: '$LATEST', StatusCode: 200, Payload: await call((input as { Payload?: unknown }).Payload ?? {}) });
      return [state, run];
    }),
  );
}

/**
 * Step Functions executions run by aws-local-stepfunctions, several at once, with the Task states
 * mapped to in-process handlers. Execution records persist in the data dir; a name is used once,
 * as in AWS. An execution that ends FAILED / TIMED_OUT / ABORTED is reported like the
 * "Step Functions Execution Status Change" EventBridge event.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { LOCAL, stateMachineArn } from '../config';
import { JsonFile } from '../json-file';
import type { ExtractedDefinition } from '../app-model';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface ExecutionRecord {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  status: ExecutionStatus;
  readonly input: string;
  /** Epoch milliseconds. */
  readonly startDate: number;
  stopDate?: number;
  output?: string;
  error?: string;
  cause?: string;
  /** The failure event was delivered (false after an interrupted run until it is). */
  reported?: boolean;
}

/** The EventBridge event for an execution that ended badly (what lambdas/pipeline/fail.ts receives). */
export interface ExecutionStatusChangeEvent {
  readonly version: '0';
  readonly id: string;
  readonly 'detail-type': 'Step Functions Execution Status Change';
  readonly source: 'aws.states';
  readonly account: string;
  readonly time: string;
  readonly region: string;
  readonly resources: string[];
  readonly detail: {
    readonly executionArn: string;
    readonly stateMachineArn: string;
    readonly name: string;
    readonly status: ExecutionStatus;
    readonly startDate: number;
    readonly stopDate: number | null;
    readonly input: string;
    readonly inputDetails: { readonly included: true };
    readonly output: string | null;
    readonly outputDetails: null;
    readonly error: string | null;
    readonly cause: string | null;
  };
}

/** A Step Functions API error: `__type` is the exception name the SDK throws. */
export class SfnError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}

/** A Task's handler: gets the effective input, returns the result. */
export type TaskHandler = (input: unknown) => Promise<unknown>;

export interface ExecutionsOptions {
  readonly dir: string;
  readonly extracted: ExtractedDefinition;
  /** Task state name → handler (see task-handlers.ts). */
  readonly handlers: Record<string, TaskHandler>;
  /** Milliseconds each Wait state waits. */
  readonly waitMs: number;
  /** Milliseconds between retries. */
  readonly retryMs: number;
  /** Called for FAILED / TIMED_OUT / ABORTED, like the EventBridge rule; errors are logged. */
  readonly onFailure: (event: ExecutionStatusChangeEvent) => Promise<unknown>;
  readonly log?: (line: string) => void;
}

const NAME = /^[A-Za-z0-9_-]{1,80}$/;

export class LocalExecutions {
  private readonly running = new Map<string, { abort: () => void; done: Promise<void> }>();
  private readonly reports = new Set<Promise<unknown>>();

  private constructor(
    private readonly options: ExecutionsOptions,
    private readonly file: JsonFile<Record<string, ExecutionRecord>>,
    private readonly records: Map<string, ExecutionRecord>,
  ) {}

  static async open(options: ExecutionsOptions): Promise<LocalExecutions> {
    const file = new JsonFile<Record<string, ExecutionRecord>>(join(options.dir, 'executions.json'));
    const records = new Map(Object.entries(await file.read({})));
    const executions = new LocalExecutions(options, file, records);
    // Runs cut short by a stop are ABORTED; tell the fail handler now so no job is left hanging.
    for (const record of records.values()) {
      if (record.status === 'RUNNING') Object.assign(record, { status: 'ABORTED', stopDate: Date.now(), reported: false });
    }
    await executions.flush();
    for (const record of records.values()) if (record.reported === false) executions.report(record);
    return executions;
  }

  /** StartExecution: same name + same input while running returns the running one, as AWS does. */
  async start(request: { stateMachineArn?: unknown; name?: unknown; input?: unknown }): Promise<{ executionArn: string; startDate: number }> {
    if (request.stateMachineArn !== stateMachineArn) throw new SfnError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${String(request.stateMachineArn)}'`);
    const name = request.name === undefined ? randomUUID() : String(request.name);
    if (!NAME.test(name)) throw new SfnError('InvalidName', `Invalid Name: '${name}'`);
    const input = request.input === undefined ? '{}' : String(request.input);
    let parsed: unknown;
    try {
      parsed = JSON.parse(input);
    } catch {
      throw new SfnError('InvalidExecutionInput', 'Invalid State Machine Execution Input: input is not JSON');
    }
    const existing = this.records.get(name);
    if (existing) {
      if (existing.status === 'RUNNING' && existing.input === input) return { executionArn: existing.executionArn, startDate: existing.startDate / 1000 };
      throw new SfnError('ExecutionAlreadyExists', `Execution Already Exists: '${existing.executionArn}'`);
    }
    const record: ExecutionRecord = {
      executionArn: `arn:aws:states:${LOCAL.region}:${LOCAL.account}:execution:${LOCAL.stateMachineName}:${name}`,
      stateMachineArn,
      name,
      status: 'RUNNING',
      input,
      startDate: Date.now(),
    };
    this.records.set(name, record);
    await this.flush();
    this.run(record, parsed);
    return { executionArn: record.executionArn, startDate: record.startDate / 1000 };
  }

  /** DescribeExecution. */
  describe(executionArn: unknown): Record<string, unknown> {
    const record = [...this.records.values()].find((r) => r.executionArn === executionArn);
    if (!record) throw new SfnError('ExecutionDoesNotExist', `Execution Does Not Exist: '${String(executionArn)}'`);
    return {
      executionArn: record.executionArn,
      stateMachineArn: record.stateMachineArn,
      name: record.name,
      status: record.status,
      startDate: record.startDate / 1000,
      ...(record.stopDate ? { stopDate: record.stopDate / 1000 } : {}),
      input: record.input,
      inputDetails: { included: true },
      ...(record.output !== undefined ? { output: record.output, outputDetails: { included: true } } : {}),
      ...(record.error !== undefined ? { error: record.error } : {}),
      ...(record.cause !== undefined ? { cause: record.cause } : {}),
    };
  }

  /** Resolves when every execution running now has ended (tests, demo). */
  async idle(): Promise<void> {
    while (this.running.size > 0 || this.reports.size > 0) {
      await Promise.allSettled([...[...this.running.values()].map((r) => r.done), ...this.reports]);
    }
  }

  /** Aborts what is running (reported at the next start) and waits for it to settle. */
  async stop(): Promise<void> {
    const running = [...this.running.values()];
    for (const r of running) r.abort();
    await Promise.allSettled([...running.map((r) => r.done), ...this.reports]);
    await this.flush();
  }

  private run(record: ExecutionRecord, input: unknown): void {
    const { extracted, handlers, waitMs, retryMs } = this.options;
    const execution = new StateMachineRunner(extracted, handlers, waitMs, retryMs).run(input, record);
    let aborted = false;
    const done = execution.result
      .then((output) => {
        if (output === null && aborted) return this.finish(record, { status: 'ABORTED', reported: false });
        return this.finish(record, { status: 'SUCCEEDED', output: JSON.stringify(output) });
      })
      .catch((err: unknown) => this.finish(record, failureOf(err)))
      .finally(() => this.running.delete(record.name));
    this.running.set(record.name, {
      abort: () => {
        aborted = true;
        execution.abort();
      },
      done,
    });
  }

  private async finish(record: ExecutionRecord, outcome: Partial<ExecutionRecord> & { status: ExecutionStatus }): Promise<void> {
    Object.assign(record, { stopDate: Date.now() }, outcome);
    this.options.log?.(`[local sfn] ${record.name} ${record.status}${record.error ? ` ${record.error}` : ''}`);
    await this.flush();
    if (record.status === 'FAILED' || record.status === 'TIMED_OUT' || (record.status === 'ABORTED' && record.reported !== false)) {
      record.reported = false;
      this.report(record);
    }
  }

  private report(record: ExecutionRecord): void {
    const event: ExecutionStatusChangeEvent = {
      version: '0',
      id: randomUUID(),
      'detail-type': 'Step Functions Execution Status Change',
      source: 'aws.states',
      account: LOCAL.account,
      time: new Date(record.stopDate ?? Date.now()).toISOString(),
      region: LOCAL.region,
      resources: [record.executionArn],
      detail: {
        executionArn: record.executionArn,
        stateMachineArn: record.stateMachineArn,
        name: record.name,
        status: record.status,
        startDate: record.startDate,
        stopDate: record.stopDate ?? null,
        input: record.input,
        inputDetails: { included: true },
        output: null,
        outputDetails: null,
        error: record.error ?? null,
        cause: record.cause ?? null,
      },
    };
    const delivery = this.options
      .onFailure(event)
      .then(() => {
        record.reported = true;
        return this.flush();
      })
      .catch((err: unknown) => console.error(`[local sfn] failure handler for ${record.name} failed: ${(err as Error).message}`));
    this.reports.add(delivery);
    void delivery.finally(() => this.reports.delete(delivery));
  }

  private flush(): Promise<void> {
    return this.file.write(Object.fromEntries(this.records));
  }
}

/** What an execution error becomes in DescribeExecution. */
function failureOf(err: unknown): Partial<ExecutionRecord> & { status: ExecutionStatus } {
  const e = err as Error & { cause?: Error };
  if (e?.name === 'ExecutionTimeoutError') return { status: 'TIMED_OUT', error: 'States.Timeout', cause: 'The execution timed out' };
  if (e?.name === 'ExecutionAbortedError') return { status: 'ABORTED' };
  const inner = e?.cause instanceof Error ? e.cause : e;
  return { status: 'FAILED', error: inner?.name ?? 'States.Runtime', cause: inner?.message ?? String(err) };
}

/** One run of the definition through aws-local-stepfunctions (loaded lazily: it is ESM-first and large). */
class StateMachineRunner {
  constructor(
    private readonly extracted: ExtractedDefinition,
    private readonly handlers: Record<string, TaskHandler>,
    private readonly waitMs: number,
    private readonly retryMs: number,
  ) {}

  run(input: unknown, record: ExecutionRecord): { result: Promise<unknown>; abort: () => void } {
    let abortNow = false;
    let abortFn: (() => void) | undefined;
    const result = import('aws-local-stepfunctions').then(({ StateMachine }) => {
      const machine = new StateMachine(this.extracted.definition as never, { validationOptions: { checkArn: false } });
      const execution = machine.run(input as never, {
        noThrowOnAbort: true,
        overrides: {
          taskResourceLocalHandlers: this.handlers as never,
          waitTimeOverrides: Object.fromEntries(this.extracted.waits.map((w) => [w, this.waitMs])),
          retryIntervalOverrides: Object.fromEntries(this.extracted.retries.map((r) => [r, this.retryMs])),
        },
        context: {
          Execution: { Id: record.executionArn, Name: record.name, Input: input as never, StartTime: new Date(record.startDate).toISOString(), RoleArn: `arn:aws:iam::${LOCAL.account}:role/local` },
          StateMachine: { Id: stateMachineArn, Name: LOCAL.stateMachineName },
        },
      });
      abortFn = execution.abort;
      if (abortNow) execution.abort();
      return execution.result;
    });
    return {
      result,
      abort: () => {
        abortNow = true;
        abortFn?.();
      },
    };
  }
}

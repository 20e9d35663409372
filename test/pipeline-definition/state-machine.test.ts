/**
 * Runs the synthesized pipeline definition (the very JSON deployed) with aws-local-stepfunctions
 * against mocked step handlers that follow the pipeline contract: whole state in, whole state out.
 */
import { StateMachine } from 'aws-local-stepfunctions';
import { NotAudio, TransientError, TranscriptionTimeout } from '../../lambdas/pipeline/errors';
import type { PipelineState } from '../../lambdas/pipeline/state';
import { useApp } from '../cdk/app';
import { Asl, aslFromTemplate, unsupportedFeatures } from './asl';

// Local runs pause on timers; a busy machine makes them slow, not wrong.
jest.setTimeout(60_000);

type EventLog = ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer E> ? E : never;

const TASKS = ['Accept', 'StartTranscription', 'CheckTranscription', 'Correct', 'Synthesize', 'Finish', 'Notify', 'RecordFailure'] as const;
type TaskName = (typeof TASKS)[number];
type Handler = (state: PipelineState) => PipelineState | Promise<PipelineState>;

const initial: PipelineState = {
  jobId: 'job-1',
  owner: 'owner-1',
  bucket: 'uploads-bucket',
  key: 'uploads/owner-1/job-1/source',
  size: 48_000,
  startedAt: '2026-01-01T00:00:00.000Z',
  timings: {},
};

const work = (name: string) => `staging/owner-1/job-1/${name}`;

/** Contract-following stand-ins for the step Lambdas. CheckTranscription completes on its 2nd call. */
function contractHandlers(): Record<TaskName, Handler> {
  let checks = 0;
  return {
    Accept: (s) => ({ ...s, format: 'mp3', durationSeconds: 12, timings: { ...s.timings, accept: 5 } }),
    StartTranscription: (s) => ({
      ...s,
      transcription: { status: 'in-progress', waitSeconds: 2, attempts: 0, deadline: '2026-01-01T00:15:00.000Z' },
    }),
    CheckTranscription: (s) => {
      checks += 1;
      const t = s.transcription!;
      if (checks < 2) return { ...s, transcription: { ...t, waitSeconds: 3, attempts: t.attempts + 1 } };
      return { ...s, transcription: { ...t, status: 'completed', attempts: t.attempts + 1 }, transcriptKey: work('transcript.json'), timings: { ...s.timings, transcribe: 40 } };
    },
    Correct: (s) => ({ ...s, correctionKey: work('correction.json'), timings: { ...s.timings, correct: 7 } }),
    Synthesize: (s) => ({ ...s, synthesisKey: work('corrected.mp3'), timings: { ...s.timings, synthesize: 9 } }),
    Finish: (s) => ({ ...s, timings: { ...s.timings, finish: 3 } }),
    Notify: (s) => ({ ...s, timings: { ...s.timings, notify: 1 } }),
    RecordFailure: (s) => s,
  };
}

interface Run {
  /** Final output, or the error the execution ended with. */
  output?: PipelineState;
  error?: Error & { cause?: Error };
  /** Inputs each task handler received, by state, in call order. */
  calls: Record<TaskName, PipelineState[]>;
  /** States entered, in order. */
  entered: string[];
  retried: string[];
}

async function run(asl: Asl, overrides: Partial<Record<TaskName, Handler>> = {}): Promise<Run> {
  const handlers = { ...contractHandlers(), ...overrides };
  const calls = Object.fromEntries(TASKS.map((t) => [t, []])) as unknown as Record<TaskName, PipelineState[]>;
  const local = Object.fromEntries(
    TASKS.map((t) => [
      t,
      async (input: unknown) => {
        calls[t].push(structuredClone(input) as PipelineState);
        return (await handlers[t](input as PipelineState)) as unknown as Record<string, unknown>;
      },
    ]),
  );
  const execution = new StateMachine(asl as never).run(initial as never, {
    overrides: {
      taskResourceLocalHandlers: local as never,
      waitTimeOverrides: { WaitForTranscription: 0 },
      // No real back-off in tests: every retrier of every task pauses 0 ms.
      retryIntervalOverrides: Object.fromEntries(TASKS.map((t) => [t, 0])),
    },
  });
  const entered: string[] = [];
  const retried: string[] = [];
  const collect = (async () => {
    for await (const e of execution.eventLogs as AsyncGenerator<EventLog>) {
      if (e.type === 'StateEntered') entered.push(e.state.name);
      if (e.type === 'StateRetried') retried.push(e.state.name);
    }
  })();
  const out: Run = { calls, entered, retried };
  try {
    out.output = (await execution.result) as unknown as PipelineState;
  } catch (e) {
    out.error = e as Error & { cause?: Error };
  }
  await collect;
  return out;
}

describe('pipeline state machine (synthesized definition, run locally)', () => {
  const app = useApp();
  let asl: Asl;
  beforeAll(() => {
    asl = aslFromTemplate(app().stateless);
  });

  it('is plain JSONPath ASL: no JSONata, QueryLanguage, Variables or Assign', () => {
    expect(unsupportedFeatures(asl)).toEqual([]);
    expect(JSON.stringify(asl)).not.toMatch(/JSONata|QueryLanguage|"Assign"|"Variables"|\{%/);
    // Every Task resource resolved to a placeholder naming its function's logical id.
    for (const s of Object.values(asl.States).filter((x) => x.Type === 'Task')) {
      expect(s.Resource).toMatch(/^arn:aws:lambda:us-east-1:123456789012:function:Pipeline\w+Function[0-9A-F]{8}$/);
    }
  });

  it('happy path: each step once, two transcription polls, ends in Done with the last state', async () => {
    const r = await run(asl);
    expect(r.error).toBeUndefined();
    expect(Object.fromEntries(TASKS.map((t) => [t, r.calls[t].length]))).toEqual({
      Accept: 1,
      StartTranscription: 1,
      CheckTranscription: 2,
      Correct: 1,
      Synthesize: 1,
      Finish: 1,
      Notify: 1,
      RecordFailure: 0,
    });
    expect(r.entered).toEqual([
      'Accept',
      'StartTranscription',
      'WaitForTranscription',
      'CheckTranscription',
      'TranscriptionDone?',
      'WaitForTranscription',
      'CheckTranscription',
      'TranscriptionDone?',
      'Correct',
      'Synthesize',
      'Finish',
      'Notify',
      'Done',
    ]);
    // Each task got the whole state its predecessor returned (payload response only).
    expect(r.calls.Accept[0]).toEqual(initial);
    expect(r.calls.Correct[0].transcriptKey).toBe(work('transcript.json'));
    expect(r.calls.Finish[0]).toMatchObject({ correctionKey: work('correction.json'), synthesisKey: work('corrected.mp3') });
    expect(r.output).toMatchObject({
      jobId: 'job-1',
      synthesisKey: work('corrected.mp3'),
      transcription: { status: 'completed', attempts: 2 },
      timings: { accept: 5, transcribe: 40, correct: 7, synthesize: 9, finish: 3, notify: 1 },
    });
    expect(r.output?.failure).toBeUndefined();
  });

  it('retries a TransientError thrown once by Correct, then carries on to Done', async () => {
    let thrown = false;
    const ok = contractHandlers().Correct;
    const r = await run(asl, {
      Correct: (s) => {
        if (!thrown) {
          thrown = true;
          throw new TransientError('ThrottlingException: slow down');
        }
        return ok(s);
      },
    });
    expect(r.error).toBeUndefined();
    expect(r.calls.Correct).toHaveLength(2);
    expect(r.retried).toEqual(['Correct']);
    expect(r.calls.RecordFailure).toHaveLength(0);
    expect(r.entered.at(-1)).toBe('Done');
    expect(r.output?.correctionKey).toBe(work('correction.json'));
  });

  it('gives up after the retry budget (1 + 4 attempts) and records the failure', async () => {
    const r = await run(asl, {
      Synthesize: () => {
        throw new TransientError('ServiceUnavailable: 503');
      },
    });
    expect(r.calls.Synthesize).toHaveLength(5);
    expect(r.calls.RecordFailure).toHaveLength(1);
    expect(r.calls.RecordFailure[0].failure).toEqual({ Error: 'TransientError', Cause: 'ServiceUnavailable: 503' });
    expect(r.entered.slice(-2)).toEqual(['RecordFailure', 'Failed']);
  });

  it('sends NotAudio from Accept to RecordFailure without retrying, and ends Failed', async () => {
    const r = await run(asl, {
      Accept: () => {
        throw new NotAudio('The file is not audio we can read.');
      },
    });
    expect(r.calls.Accept).toHaveLength(1);
    expect(r.retried).toEqual([]);
    expect(r.calls.StartTranscription).toHaveLength(0);
    expect(r.calls.RecordFailure).toHaveLength(1);
    const failed = r.calls.RecordFailure[0];
    expect(failed.failure?.Error).toBe('NotAudio');
    expect(failed.failure?.Cause).toBe('The file is not audio we can read.');
    // The rest of the state survives next to the failure (ResultPath $.failure).
    expect(failed).toMatchObject({ jobId: 'job-1', owner: 'owner-1', key: initial.key });
    expect(r.entered).toEqual(['Accept', 'RecordFailure', 'Failed']);
    expect(r.output).toBeUndefined();
    expect(r.error?.cause?.name).toBe('JobFailed');
  });

  it('catches a TranscriptionTimeout from CheckTranscription the same way', async () => {
    const r = await run(asl, {
      CheckTranscription: () => {
        throw new TranscriptionTimeout('Transcription took too long.');
      },
    });
    expect(r.calls.CheckTranscription).toHaveLength(1);
    expect(r.calls.Correct).toHaveLength(0);
    expect(r.calls.RecordFailure).toHaveLength(1);
    expect(r.calls.RecordFailure[0].failure?.Error).toBe('TranscriptionTimeout');
    expect(r.calls.RecordFailure[0].transcription?.status).toBe('in-progress');
    expect(r.entered.slice(-3)).toEqual(['CheckTranscription', 'RecordFailure', 'Failed']);
    expect(r.error?.cause?.name).toBe('JobFailed');
  });

  it('catches a failure of the last step (Notify) too', async () => {
    const r = await run(asl, {
      Notify: () => {
        throw new Error('unexpected');
      },
    });
    expect(r.calls.RecordFailure).toHaveLength(1);
    expect(r.calls.RecordFailure[0].failure).toEqual({ Error: 'Error', Cause: 'unexpected' });
    expect(r.entered.at(-1)).toBe('Failed');
  });
});

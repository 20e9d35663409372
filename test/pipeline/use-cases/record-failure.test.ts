import { mapFailure, recordFailure, type ExecutionStatusEvent } from '../../../lambdas/pipeline/use-cases/record-failure';
import type { Job } from '../../../lambdas/shared/jobs/model';
import { aJob, aState, JOB_ID, MemoryJobs, RecordingNotifier, stepPorts } from '../fakes';

const lambdaCause = (errorType: string, errorMessage: string) => JSON.stringify({ errorType, errorMessage, trace: ['at x'] });

function setup(job: Job = aJob({ status: 'transcribing' }), notifier = new RecordingNotifier()) {
  const jobs = new MemoryJobs(job);
  return { jobs, notifier, ports: stepPorts(jobs, notifier) };
}

describe('mapFailure', () => {
  it.each([
    ['NotAudio', 'not-audio'],
    ['TooLong', 'too-long'],
    ['TooLarge', 'too-large'],
    ['NoSpeech', 'no-speech'],
    ['TranscriptionFailed', 'transcription-failed'],
    ['TranscriptionTimeout', 'timeout'],
    ['States.Timeout', 'timeout'],
    ['TIMED_OUT', 'timeout'],
    ['CorrectionFailed', 'correction-failed'],
    ['SynthesisFailed', 'synthesis-failed'],
    ['TransientError', 'internal-error'],
    ['Lambda.ServiceException', 'internal-error'],
    ['ABORTED', 'internal-error'],
  ])('%s → %s', (error, code) => {
    expect(mapFailure(error, undefined).code).toBe(code);
  });

  it('uses our own error message as the reason and never the raw text of other errors', () => {
    expect(mapFailure('TooLong', lambdaCause('TooLong', 'The recording is 400 seconds long; the limit is 300 seconds.')).reason).toBe(
      'The recording is 400 seconds long; the limit is 300 seconds.',
    );
    expect(mapFailure('NoSpeech', 'not json').reason).toBe('No speech was found in the recording.');
    const internal = mapFailure('TypeError', lambdaCause('TypeError', 'Cannot read properties of undefined (reading secret)'));
    expect(internal.reason).not.toContain('undefined');
  });
});

describe('recordFailure', () => {
  it('from a Catch: marks the job failed and sends file-failed', async () => {
    const { jobs, notifier, ports } = setup();
    const state = aState({ failure: { Error: 'NoSpeech', Cause: lambdaCause('NoSpeech', 'No speech was found in the recording.') } });
    await expect(recordFailure(state, ports)).resolves.toEqual({ recorded: true, code: 'no-speech' });
    expect(jobs.jobs.get(JOB_ID)).toMatchObject({ status: 'failed', error: { code: 'no-speech', reason: 'No speech was found in the recording.' } });
    expect(notifier.sent).toEqual([
      { owner: 'owner-1', message: { type: 'file-failed', jobId: JOB_ID, code: 'no-speech', reason: 'No speech was found in the recording.' } },
    ]);
  });

  it('from an EventBridge execution-status event (TIMED_OUT): reads the job from the initial input', async () => {
    const { jobs, notifier, ports } = setup();
    const event: ExecutionStatusEvent = {
      'detail-type': 'Step Functions Execution Status Change',
      detail: { status: 'TIMED_OUT', name: JOB_ID, input: JSON.stringify(aState()), error: null, cause: null },
    };
    await expect(recordFailure(event, ports)).resolves.toEqual({ recorded: true, code: 'timeout' });
    expect(jobs.jobs.get(JOB_ID)?.error?.code).toBe('timeout');
    expect(notifier.sent[0].message).toMatchObject({ type: 'file-failed', code: 'timeout' });
  });

  it('from an EventBridge FAILED event with an unknown error: internal-error', async () => {
    const { jobs, ports } = setup();
    const event: ExecutionStatusEvent = {
      'detail-type': 'Step Functions Execution Status Change',
      detail: { status: 'FAILED', name: JOB_ID, input: JSON.stringify(aState()), error: 'States.Runtime', cause: 'path not found' },
    };
    await recordFailure(event, ports);
    expect(jobs.jobs.get(JOB_ID)?.error?.code).toBe('internal-error');
  });

  it('never overwrites a done job, nor sends file-failed for it', async () => {
    const { jobs, notifier, ports } = setup(aJob({ status: 'done' }));
    await expect(recordFailure(aState({ failure: { Error: 'TransientError', Cause: '' } }), ports)).resolves.toEqual({ recorded: false });
    expect(jobs.updates).toEqual([]);
    expect(jobs.jobs.get(JOB_ID)?.status).toBe('done');
    expect(notifier.sent).toEqual([]);
  });

  it('does not record twice (Catch, then the execution FAILED event)', async () => {
    const { jobs, notifier, ports } = setup();
    await recordFailure(aState({ failure: { Error: 'NotAudio', Cause: '' } }), ports);
    await recordFailure({ 'detail-type': 'Step Functions Execution Status Change', detail: { status: 'FAILED', name: JOB_ID, input: JSON.stringify(aState()), error: 'NotAudio' } }, ports);
    expect(jobs.updates).toHaveLength(1);
    expect(notifier.sent).toHaveLength(1);
  });

  it('records the failure even when the notification fails, and ignores unknown jobs', async () => {
    const { jobs, ports } = setup(aJob({ status: 'processing' }), new RecordingNotifier('throws'));
    await recordFailure(aState({ failure: { Error: 'TooLarge', Cause: '' } }), ports);
    expect(jobs.jobs.get(JOB_ID)?.status).toBe('failed');
    await expect(recordFailure(aState({ jobId: 'nope', failure: { Error: 'TooLarge', Cause: '' } }), ports)).resolves.toEqual({ recorded: false });
  });
});

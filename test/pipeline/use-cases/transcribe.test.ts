import { checkTranscription, nextWait, startTranscription, type TranscribePorts } from '../../../lambdas/pipeline/use-cases/transcribe';
import { TransientError } from '../../../lambdas/pipeline/errors';
import type { SpeechToText, TranscriptionStatus } from '../../../lambdas/shared/ports';
import { aJob, aState, JOB_ID, MemoryJobs, MemoryStore, RecordingNotifier, stepPorts, thrown, WORK_BUCKET } from '../fakes';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');

function setup(stt: Partial<SpeechToText>, now = () => T0) {
  const jobs = new MemoryJobs(aJob({ status: 'processing' }));
  const store = new MemoryStore();
  const notifier = new RecordingNotifier();
  const ports: TranscribePorts = {
    ...stepPorts(jobs, notifier, now),
    stt: { start: jest.fn(async () => undefined), check: jest.fn(), ...stt } as SpeechToText,
    store,
    workBucket: WORK_BUCKET,
    timeoutSeconds: 900,
  };
  return { jobs, store, notifier, ports };
}

const inProgress = (waitSeconds = 2, attempts = 0) =>
  aState({
    format: 'mp3',
    transcription: { status: 'in-progress', waitSeconds, attempts, deadline: new Date(T0 + 900_000).toISOString(), startedAt: new Date(T0).toISOString() },
  });

describe('startTranscription', () => {
  it('starts the job named after the job id, output to the work location, and sets the loop state', async () => {
    const { ports, jobs, notifier } = setup({});
    const next = await startTranscription(aState({ format: 'wav', language: 'en-AU' }), ports);
    expect(ports.stt.start).toHaveBeenCalledWith({
      jobId: JOB_ID,
      bucket: 'uploads-bucket',
      key: 'uploads/owner-1/job-1/source',
      mediaFormat: 'wav',
      language: 'en-AU',
      outputBucket: WORK_BUCKET,
      outputKey: 'staging/owner-1/job-1/transcription-output.json',
    });
    expect(next.transcription).toEqual({
      status: 'in-progress',
      waitSeconds: 2,
      attempts: 0,
      deadline: '2026-01-01T00:15:00.000Z',
      startedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(jobs.jobs.get(JOB_ID)?.status).toBe('transcribing');
    expect(notifier.sent[0].message).toEqual({ type: 'job-status', jobId: JOB_ID, status: 'transcribing' });
  });

  it('omits the language so the engine identifies it', async () => {
    const { ports } = setup({});
    await startTranscription(aState({ format: 'mp3' }), ports);
    expect((ports.stt.start as jest.Mock).mock.calls[0][0]).not.toHaveProperty('language');
  });

  it('passes TransientError through and wraps other engine errors as TranscriptionFailed', async () => {
    const transient = setup({ start: async () => { throw new TransientError('throttled'); } });
    expect((await thrown(() => startTranscription(aState(), transient.ports))).name).toBe('TransientError');
    const bad = setup({ start: async () => { throw Object.assign(new Error('bad media'), { name: 'BadRequestException' }); } });
    expect((await thrown(() => startTranscription(aState(), bad.ports))).name).toBe('TranscriptionFailed');
  });
});

describe('nextWait', () => {
  it('grows 2, 3, 5, 8, 13 and caps at 15', () => {
    const seq = [2];
    for (let i = 0; i < 6; i++) seq.push(nextWait(seq[seq.length - 1]));
    expect(seq).toEqual([2, 3, 5, 8, 13, 15, 15]);
  });
});

describe('checkTranscription', () => {
  const check = (status: TranscriptionStatus) => async () => status;

  it('waits longer while in progress', async () => {
    const { ports } = setup({ check: check({ state: 'in-progress' }) });
    const next = await checkTranscription(inProgress(5, 2), ports);
    expect(next.transcription).toMatchObject({ status: 'in-progress', waitSeconds: 8, attempts: 3 });
  });

  it('fails with TranscriptionTimeout past the deadline', async () => {
    const { ports } = setup({ check: check({ state: 'in-progress' }) }, () => T0 + 900_001);
    expect((await thrown(() => checkTranscription(inProgress(), ports))).name).toBe('TranscriptionTimeout');
  });

  it('fails with TranscriptionFailed when the engine failed', async () => {
    const { ports } = setup({ check: check({ state: 'failed', reason: 'unsupported media' }) });
    const error = await thrown(() => checkTranscription(inProgress(), ports));
    expect(error.name).toBe('TranscriptionFailed');
    expect(error.message).toContain('unsupported media');
  });

  it('fails with NoSpeech for a transcript with no words', async () => {
    const { ports } = setup({ check: check({ state: 'completed', transcript: { text: '', words: [], language: 'en-US' } }) });
    expect((await thrown(() => checkTranscription(inProgress(), ports))).name).toBe('NoSpeech');
  });

  it('writes the transcript to the work key when completed and records the identified language', async () => {
    const transcript = { text: 'Hello world.', words: [{ text: 'Hello', start: 0.1, end: 0.4 }, { text: 'world.', start: 0.5, end: 0.9 }], language: 'en-IE' };
    const { ports, store } = setup({ check: check({ state: 'completed', transcript }) }, () => T0 + 12_000);
    const next = await checkTranscription(inProgress(8, 4), ports);
    expect(next.transcriptKey).toBe('staging/owner-1/job-1/transcript.json');
    expect(next.transcription).toMatchObject({ status: 'completed', attempts: 5 });
    expect(next.language).toBe('en-IE');
    expect(next.timings.transcribe).toBe(12_000);
    expect(store.json(WORK_BUCKET, 'staging/owner-1/job-1/transcript.json')).toEqual(transcript);
  });
});

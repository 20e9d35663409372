import { accept, type AcceptPorts } from '../../../lambdas/pipeline/use-cases/accept';
import type { AudioCodec } from '../../../lambdas/shared/ports';
import { aJob, aState, JOB_ID, MemoryJobs, MemoryStore, RecordingNotifier, stepPorts, thrown, UPLOAD_BUCKET } from '../fakes';

function setup(opts: { job?: ReturnType<typeof aJob> | null; probe?: AudioCodec['probe']; notifier?: RecordingNotifier } = {}) {
  const jobs = opts.job === null ? new MemoryJobs() : new MemoryJobs(opts.job ?? aJob({ language: 'en-GB' }));
  const store = new MemoryStore();
  store.put(UPLOAD_BUCKET, aState().key, new Uint8Array(4096));
  const codec: AudioCodec = {
    probe: opts.probe ?? (async () => ({ format: 'mp3', durationSeconds: 42 })),
    decode: jest.fn(),
    encodeMp3: jest.fn(),
  };
  const notifier = opts.notifier ?? new RecordingNotifier();
  const ports: AcceptPorts = { ...stepPorts(jobs, notifier), store, codec, maxUploadBytes: 10_000, maxDurationSeconds: 300 };
  return { jobs, notifier, ports };
}

describe('accept', () => {
  it('marks the job processing and records format, duration, language and mode', async () => {
    const { jobs, notifier, ports } = setup();
    const next = await accept(aState(), ports);
    expect(next).toMatchObject({ format: 'mp3', durationSeconds: 42, language: 'en-GB', outputMode: 'own-voice' });
    expect(next.timings.accept).toBeGreaterThanOrEqual(0);
    expect(jobs.jobs.get(JOB_ID)?.status).toBe('processing');
    expect(notifier.sent).toEqual([{ owner: 'owner-1', message: { type: 'job-status', jobId: JOB_ID, status: 'processing' } }]);
  });

  it('accepts a job already marked uploaded', async () => {
    const { ports } = setup({ job: aJob({ status: 'uploaded' }) });
    await expect(accept(aState(), ports)).resolves.toMatchObject({ format: 'mp3' });
  });

  it('still succeeds when the status notification fails', async () => {
    const { jobs, ports } = setup({ notifier: new RecordingNotifier('throws') });
    await accept(aState(), ports);
    expect(jobs.jobs.get(JOB_ID)?.status).toBe('processing');
  });

  it('fails with NotAudio when the codec does not recognise the bytes', async () => {
    const { jobs, ports } = setup({ probe: async () => undefined });
    expect((await thrown(() => accept(aState(), ports))).name).toBe('NotAudio');
    expect(jobs.jobs.get(JOB_ID)?.status).toBe('awaiting-upload');
  });

  it('fails with NotAudio when probing throws', async () => {
    const { ports } = setup({ probe: async () => { throw new Error('bad header'); } });
    expect((await thrown(() => accept(aState(), ports))).name).toBe('NotAudio');
  });

  it('fails with TooLong past the duration limit, saying the limit', async () => {
    const { ports } = setup({ probe: async () => ({ format: 'wav', durationSeconds: 301.2 }) });
    const error = await thrown(() => accept(aState(), ports));
    expect(error.name).toBe('TooLong');
    expect(error.message).toContain('300 seconds');
  });

  it('fails with TooLarge past the size limit', async () => {
    const { ports } = setup();
    expect((await thrown(() => accept(aState({ size: 10_001 }), ports))).name).toBe('TooLarge');
  });

  it('rejects a missing job, an object outside the owner prefix and a job not waiting for upload', async () => {
    expect((await thrown(() => accept(aState(), setup({ job: null }).ports))).name).toBe('JobRejected');
    expect((await thrown(() => accept(aState({ owner: 'intruder' }), setup().ports))).name).toBe('JobRejected');
    expect((await thrown(() => accept(aState({ key: 'uploads/intruder/job-1/source' }), setup().ports))).name).toBe('JobRejected');
    expect((await thrown(() => accept(aState(), setup({ job: aJob({ status: 'done' }) }).ports))).name).toBe('JobRejected');
  });
});

import { finish, type FinishPorts } from '../../../lambdas/pipeline/use-cases/finish';
import { notifyReady, type NotifyPorts } from '../../../lambdas/pipeline/use-cases/notify';
import { aJob, aState, JOB_ID, MemoryJobs, MemoryStore, RecordingNotifier, stepPorts, thrown, WORK_BUCKET } from '../fakes';

const MP3 = new Uint8Array([0xff, 0xfb, 1, 2]);
const edits = [{ start: 0.4, end: 0.6, original: 'go', corrected: 'goes' }];

function finishSetup() {
  const jobs = new MemoryJobs(aJob({ status: 'synthesizing' }));
  const store = new MemoryStore();
  store.putJson(WORK_BUCKET, 'staging/owner-1/job-1/correction.json', {
    transcript: { text: 'he go home', words: [], language: 'en-US' },
    correctedText: 'he goes home',
    edits,
    textEdits: [],
  });
  store.put(WORK_BUCKET, 'staging/owner-1/job-1/corrected.mp3', MP3, 'audio/mpeg');
  const ports: FinishPorts = { ...stepPorts(jobs), store, outputBucket: WORK_BUCKET };
  return { jobs, store, ports };
}
const ready = aState({
  language: 'en-US',
  outputMode: 'own-voice',
  correctionKey: 'staging/owner-1/job-1/correction.json',
  synthesisKey: 'staging/owner-1/job-1/corrected.mp3',
  unchanged: false,
  timings: { accept: 10, transcribe: 2000, correct: 30, synthesize: 400 },
});

describe('finish', () => {
  it('writes result.json and the mp3 under the owner prefix and marks the job done with timings', async () => {
    const { jobs, store, ports } = finishSetup();
    const next = await finish(ready, ports);
    expect(store.objects.get(`${WORK_BUCKET}/results/owner-1/job-1/corrected.mp3`)).toEqual({ body: MP3, contentType: 'audio/mpeg' });
    expect(store.json(WORK_BUCKET, 'results/owner-1/job-1/result.json')).toMatchObject({
      jobId: JOB_ID,
      transcript: 'he go home',
      correctedText: 'he goes home',
      edits,
      unchanged: false,
    });
    const job = jobs.jobs.get(JOB_ID)!;
    expect(job.status).toBe('done');
    expect(job.result).toEqual({
      transcript: 'he go home',
      correctedText: 'he goes home',
      edits,
      unchanged: false,
      resultKey: 'results/owner-1/job-1/result.json',
      audioKey: 'results/owner-1/job-1/corrected.mp3',
    });
    expect(job.timings).toMatchObject({ accept: 10, transcribe: 2000, correct: 30, synthesize: 400 });
    expect(job.timings?.finish).toBeGreaterThanOrEqual(0);
    expect(next.timings.finish).toBe(job.timings?.finish);
  });
});

function notifySetup(notifier: RecordingNotifier, signError?: Error) {
  const jobs = new MemoryJobs(
    aJob({
      status: 'done',
      timings: { accept: 10 },
      result: { transcript: 'he go home', correctedText: 'he goes home', edits, unchanged: false, resultKey: 'r', audioKey: 'results/owner-1/job-1/corrected.mp3' },
    }),
  );
  const links = {
    sign: jest.fn(async (key: string) => {
      if (signError) throw signError;
      return { url: `https://cdn.example/${key}?sig`, expiresAt: '2026-01-01T01:00:00.000Z' };
    }),
  };
  const ports: NotifyPorts = { ...stepPorts(jobs, notifier), links };
  return { jobs, links, ports };
}

describe('notifyReady', () => {
  it('sends file-ready with a signed URL and the result to the owner', async () => {
    const notifier = new RecordingNotifier();
    const { ports, links } = notifySetup(notifier);
    const next = await notifyReady(aState({ timings: { accept: 10 } }), ports);
    expect(links.sign).toHaveBeenCalledWith('results/owner-1/job-1/corrected.mp3');
    expect(notifier.sent).toHaveLength(1);
    expect(notifier.sent[0]).toMatchObject({
      owner: 'owner-1',
      message: {
        type: 'file-ready',
        jobId: JOB_ID,
        downloadUrl: 'https://cdn.example/results/owner-1/job-1/corrected.mp3?sig',
        expiresAt: '2026-01-01T01:00:00.000Z',
        transcript: 'he go home',
        correctedText: 'he goes home',
        edits,
        unchanged: false,
        timings: { accept: 10 },
      },
    });
    expect(next.timings.notify).toBeGreaterThanOrEqual(0);
  });

  it('survives an owner with zero open connections', async () => {
    const { ports } = notifySetup(new RecordingNotifier('nobody'));
    await expect(notifyReady(aState(), ports)).resolves.toMatchObject({ jobId: JOB_ID });
  });

  it('survives a notifier failure (the result stays readable through the API)', async () => {
    const { ports } = notifySetup(new RecordingNotifier('throws'));
    await expect(notifyReady(aState(), ports)).resolves.toMatchObject({ jobId: JOB_ID });
  });

  it('rethrows a throttle as TransientError so the state machine retries', async () => {
    const { ports } = notifySetup(new RecordingNotifier(), Object.assign(new Error('x'), { name: 'ThrottlingException' }));
    expect((await thrown(() => notifyReady(aState(), ports))).name).toBe('TransientError');
  });
});

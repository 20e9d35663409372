import { correct, type CorrectPorts } from '../../../lambdas/pipeline/use-cases/correct';
import type { GrammarCorrector } from '../../../lambdas/grammar/port';
import { TransientError } from '../../../lambdas/pipeline/errors';
import { aJob, aState, JOB_ID, MemoryJobs, MemoryStore, stepPorts, thrown, WORK_BUCKET } from '../fakes';

const transcript = {
  text: 'he go home',
  language: 'en-US',
  words: [
    { text: 'he', start: 0, end: 0.3 },
    { text: 'go', start: 0.4, end: 0.6 },
    { text: 'home', start: 0.7, end: 1.1 },
  ],
};

function setup(corrector: GrammarCorrector) {
  const jobs = new MemoryJobs(aJob({ status: 'transcribing' }));
  const store = new MemoryStore();
  store.putJson(WORK_BUCKET, 'staging/owner-1/job-1/transcript.json', transcript);
  const ports: CorrectPorts = { ...stepPorts(jobs), corrector: async () => corrector, store, workBucket: WORK_BUCKET };
  return { jobs, store, ports };
}
const state = aState({ transcriptKey: 'staging/owner-1/job-1/transcript.json' });

describe('correct', () => {
  it('writes the correction with edits in seconds and marks the job correcting', async () => {
    const textEdit = { start: 3, end: 5, wordStart: 1, wordEnd: 2, original: 'go', corrected: 'goes' };
    const { jobs, store, ports } = setup({ correct: async () => ({ corrected: 'he goes home', edits: [textEdit] }) });
    const next = await correct(state, ports);
    expect(next.correctionKey).toBe('staging/owner-1/job-1/correction.json');
    expect(next.timings.correct).toBeGreaterThanOrEqual(0);
    expect(jobs.jobs.get(JOB_ID)?.status).toBe('correcting');
    expect(store.json(WORK_BUCKET, 'staging/owner-1/job-1/correction.json')).toEqual({
      transcript,
      correctedText: 'he goes home',
      edits: [{ start: 0.4, end: 0.6, original: 'go', corrected: 'goes' }],
      textEdits: [textEdit],
    });
  });

  it('lists only edits that change what is said (case and punctuation alone are not)', async () => {
    const caseOnly = { start: 0, end: 2, wordStart: 0, wordEnd: 1, original: 'he', corrected: 'He' };
    const word = { start: 3, end: 5, wordStart: 1, wordEnd: 2, original: 'go', corrected: 'goes' };
    const stop = { start: 6, end: 10, wordStart: 2, wordEnd: 3, original: 'home', corrected: 'home.' };
    const { store, ports } = setup({ correct: async () => ({ corrected: 'He goes home.', edits: [caseOnly, word, stop] }) });
    await correct(state, ports);
    const doc = store.json(WORK_BUCKET, 'staging/owner-1/job-1/correction.json') as { edits: unknown[]; textEdits: unknown[]; correctedText: string };
    expect(doc.edits).toEqual([{ start: 0.4, end: 0.6, original: 'go', corrected: 'goes' }]);
    expect(doc.textEdits).toEqual([caseOnly, word, stop]);
    expect(doc.correctedText).toBe('He goes home.');
  });

  it("asks for the job's language, else the transcript's, so its spelling is kept", async () => {
    const asked: unknown[] = [];
    const { ports } = setup({ correct: async (text, options) => (asked.push(options), { corrected: text, edits: [] }) });
    await correct(aState({ transcriptKey: state.transcriptKey, language: 'en-GB' }), ports);
    await correct(state, ports);
    expect(asked).toEqual([{ language: 'en-GB' }, { language: 'en-US' }]);
  });

  it('fails with CorrectionFailed when the corrector throws', async () => {
    const { ports } = setup({ correct: async () => { throw new Error('model crashed'); } });
    expect((await thrown(() => correct(state, ports))).name).toBe('CorrectionFailed');
  });

  it('passes a throttled corrector through as TransientError', async () => {
    const { ports } = setup({ correct: async () => { throw Object.assign(new Error('rate'), { name: 'ThrottlingException' }); } });
    expect(await thrown(() => correct(state, ports))).toBeInstanceOf(TransientError);
  });
});

import { OWN_VOICE_SAMPLE_RATE, synthesize, type Renderers, type SynthesizePorts } from '../../../lambdas/pipeline/use-cases/synthesize';
import type { AudioCodec, Pcm, TextToSpeech } from '../../../lambdas/shared/ports';
import { aJob, aState, JOB_ID, MemoryJobs, MemoryStore, stepPorts, thrown, UPLOAD_BUCKET, WORK_BUCKET } from '../fakes';

const ORIGINAL = new Uint8Array([0x49, 0x44, 0x33, 1, 2, 3]);
const ENCODED = new Uint8Array([0xff, 0xfb, 9, 9]);
const pcm: Pcm = { sampleRate: 16000, samples: new Float32Array(160) };
const transcript = { text: 'he go home', language: 'en-GB', words: [{ text: 'he', start: 0, end: 0.3 }, { text: 'go', start: 0.4, end: 0.6 }, { text: 'home', start: 0.7, end: 1.1 }] };
const goEdit = { start: 3, end: 5, wordStart: 1, wordEnd: 2, original: 'go', corrected: 'goes' };

function setup(opts: { textEdits?: unknown[]; renderers?: Partial<Renderers> } = {}) {
  const jobs = new MemoryJobs(aJob({ status: 'correcting' }));
  const store = new MemoryStore();
  store.put(UPLOAD_BUCKET, aState().key, ORIGINAL);
  const textEdits = opts.textEdits ?? [goEdit];
  store.putJson(WORK_BUCKET, 'staging/owner-1/job-1/correction.json', {
    transcript,
    correctedText: textEdits.length ? 'he goes home' : 'he go home',
    edits: textEdits.length ? [{ start: 0.4, end: 0.6, original: 'go', corrected: 'goes' }] : [],
    textEdits,
  });
  const codec: AudioCodec = { probe: jest.fn(), decode: jest.fn(async () => pcm), encodeMp3: jest.fn(async () => ENCODED) };
  const tts: TextToSpeech = { synthesize: jest.fn(async () => pcm) };
  const renderers: Renderers = {
    renderOwnVoice: jest.fn(async () => ({ pcm, unchanged: false })),
    renderFull: jest.fn(async () => pcm),
    ...opts.renderers,
  };
  const ports: SynthesizePorts = { ...stepPorts(jobs), store, codec, tts: () => tts, renderers, workBucket: WORK_BUCKET };
  return { jobs, store, codec, tts, renderers, ports };
}
const at = (format: string, outputMode: 'own-voice' | 'full' = 'own-voice') =>
  aState({ format, outputMode, language: 'en-GB', correctionKey: 'staging/owner-1/job-1/correction.json' });
const written = (store: MemoryStore) => store.objects.get(`${WORK_BUCKET}/staging/owner-1/job-1/corrected.mp3`);

describe('synthesize', () => {
  it('own-voice with edits: splices through the audio module and encodes mp3', async () => {
    const { jobs, store, renderers, tts, ports } = setup();
    const next = await synthesize(at('wav'), ports);
    expect(renderers.renderOwnVoice).toHaveBeenCalledWith({ original: pcm, words: transcript.words, edits: [goEdit], correctedText: 'he goes home', tts, language: 'en-GB' });
    expect(next).toMatchObject({ synthesisKey: 'staging/owner-1/job-1/corrected.mp3', unchanged: false });
    expect(next.timings.synthesize).toBeGreaterThanOrEqual(0);
    expect(written(store)).toEqual({ body: ENCODED, contentType: 'audio/mpeg' });
    expect(jobs.jobs.get(JOB_ID)?.status).toBe('synthesizing');
  });

  it('own-voice with no edits returns the original mp3 bytes unchanged', async () => {
    const { store, codec, renderers, ports } = setup({ textEdits: [] });
    const next = await synthesize(at('mp3'), ports);
    expect(next.unchanged).toBe(true);
    expect(written(store)?.body).toEqual(ORIGINAL);
    expect(codec.encodeMp3).not.toHaveBeenCalled();
    expect(renderers.renderOwnVoice).not.toHaveBeenCalled();
  });

  it('own-voice with no edits re-encodes a non-mp3 original', async () => {
    const { store, codec, ports } = setup({ textEdits: [] });
    const next = await synthesize(at('flac'), ports);
    expect(next.unchanged).toBe(true);
    expect(codec.decode).toHaveBeenCalledWith(ORIGINAL, OWN_VOICE_SAMPLE_RATE);
    expect(written(store)?.body).toEqual(ENCODED);
  });

  it('full mode speaks the whole corrected text', async () => {
    const { renderers, tts, ports } = setup();
    const next = await synthesize(at('mp3', 'full'), ports);
    expect(renderers.renderFull).toHaveBeenCalledWith({ text: 'he goes home', tts, language: 'en-GB' });
    expect(next.unchanged).toBe(false);
  });

  it('fails with SynthesisFailed when rendering fails', async () => {
    const { ports } = setup({ renderers: { renderOwnVoice: async () => { throw new Error('splice failed'); } } });
    expect((await thrown(() => synthesize(at('mp3'), ports))).name).toBe('SynthesisFailed');
  });

  it('passes a Polly throttle through as TransientError', async () => {
    const throttle = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    const { ports } = setup({ renderers: { renderFull: async () => { throw throttle; } } });
    expect((await thrown(() => synthesize(at('mp3', 'full'), ports))).name).toBe('TransientError');
  });
});

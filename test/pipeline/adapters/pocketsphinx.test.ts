import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFfmpegCodec } from '../../../lambdas/pipeline/adapters/ffmpeg-codec';
import { createPocketsphinxStt, parsePocketsphinxOutput } from '../../../lambdas/pipeline/adapters/pocketsphinx';
import type { SpeechToText, TranscriptionRequest, TranscriptionStatus } from '../../../lambdas/shared/ports';
import { fliteWav } from '../audio/media';

/** An in-memory object store with the adapter's read/write shape; absent keys reject like S3. */
function memoryStore() {
  const objects = new Map<string, Uint8Array>();
  return {
    objects,
    readObject: async (bucket: string, key: string) => {
      const bytes = objects.get(`${bucket}/${key}`);
      if (!bytes) throw Object.assign(new Error('The specified key does not exist.'), { name: 'NoSuchKey' });
      return bytes;
    },
    writeObject: async (bucket: string, key: string, bytes: Uint8Array) => {
      objects.set(`${bucket}/${key}`, bytes);
    },
  };
}

const request = (jobId: string): TranscriptionRequest => ({ jobId, bucket: 'uploads', key: `${jobId}.wav`, mediaFormat: 'wav', outputBucket: 'staging', outputKey: `${jobId}/stt.json` });

async function waitFor(stt: SpeechToText, req: TranscriptionRequest): Promise<TranscriptionStatus> {
  for (;;) {
    const status = await stt.check(req);
    if (status.state !== 'in-progress') return status;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('parsePocketsphinxOutput', () => {
  it('keeps words with times, dropping markers and fillers and pronunciation suffixes', () => {
    const out = ['hello world', '<s> 0.000 0.140 1.000100', 'Hello(2) 0.150 0.580 1.000100', '<sil> 0.590 0.700 0.9', '[NOISE] 0.700 0.800 0.5', '++BREATH++ 0.8 0.85 0.5', 'world 0.590 1.110 0.812', '</s> 1.120 1.210 1.000000', ''].join('\n');
    expect(parsePocketsphinxOutput(out, 10)).toEqual([
      { text: 'hello', start: 10.15, end: 10.58, confidence: 1 },
      { text: 'world', start: 10.59, end: 11.11, confidence: 0.812 },
    ]);
  });
});

describe('pocketsphinx speech to text', () => {
  const codec = createFfmpegCodec();

  it('recognises a flite sentence with sensible word times and stores the transcript', async () => {
    const store = memoryStore();
    const wav = fliteWav('the weather is nice today and the sun is shining');
    store.objects.set('uploads/j1.wav', wav);
    const stt = createPocketsphinxStt({ ...store, codec });
    const req = request('j1');

    await stt.start(req);
    const status = await waitFor(stt, req);

    expect(status.state).toBe('completed');
    if (status.state !== 'completed') return;
    const { transcript } = status;
    expect(transcript.language).toBe('en-US');
    expect(transcript.text).toBe(transcript.words.map((w) => w.text).join(' '));
    const heard = new Set(transcript.words.map((w) => w.text));
    const expected = ['weather', 'is', 'nice', 'today', 'sun', 'shining'];
    expect(expected.filter((w) => heard.has(w)).length).toBeGreaterThanOrEqual(5);
    const seconds = (wav.length - 44) / 2 / 16000;
    transcript.words.forEach((w, i) => {
      expect(w.text).toBe(w.text.toLowerCase());
      expect(w.end).toBeGreaterThan(w.start);
      expect(w.end).toBeLessThanOrEqual(seconds + 0.05);
      if (i > 0) expect(w.start).toBeGreaterThanOrEqual(transcript.words[i - 1].end);
    });
    const stored = JSON.parse(Buffer.from(store.objects.get('staging/j1/stt.json')!).toString('utf8'));
    expect(stored).toEqual({ status: 'completed', transcript });
  });

  describe('with a stand-in binary that counts its runs', () => {
    let dir: string;
    let binary: string;
    const runs = () => readFileSync(join(dir, 'runs'), 'utf8').length;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'ps-test-'));
      binary = join(dir, 'fake-pocketsphinx');
      writeFileSync(join(dir, 'runs'), '');
      writeFileSync(binary, `#!/bin/sh\nprintf x >> "${join(dir, 'runs')}"\nsleep 0.3\necho "hi there"\necho "hi 0.10 0.30 0.9"\necho "there 0.31 0.60 0.8"\n`);
      chmodSync(binary, 0o755);
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('starts one decoder per job id, however often start is called', async () => {
      const store = memoryStore();
      store.objects.set('uploads/j2.wav', fliteWav('hi there'));
      const stt = createPocketsphinxStt({ ...store, codec, binary });
      const req = request('j2');
      await Promise.all([stt.start(req), stt.start(req)]);
      await stt.start(req);
      expect((await waitFor(stt, req)).state).toBe('completed');
      await stt.start(req); // after it finished: still nothing new
      expect((await stt.check(req)).state).toBe('completed');
      expect(runs()).toBe(1);
    });

    it('reports in-progress while the decoder runs and never blocks start', async () => {
      const store = memoryStore();
      store.objects.set('uploads/j3.wav', fliteWav('hi there'));
      const stt = createPocketsphinxStt({ ...store, codec, binary });
      const req = request('j3');
      await stt.start(req);
      expect(await stt.check(req)).toEqual({ state: 'in-progress' });
      const status = await waitFor(stt, req);
      expect(status).toEqual({ state: 'completed', transcript: { text: 'hi there', words: [expect.objectContaining({ text: 'hi' }), expect.objectContaining({ text: 'there' })], language: 'en-US' } });
    });
  });

  it('records a failure when the media cannot be decoded', async () => {
    const store = memoryStore();
    store.objects.set('uploads/j4.wav', new TextEncoder().encode('not audio at all'));
    const stt = createPocketsphinxStt({ ...store, codec });
    const req = request('j4');
    await stt.start(req);
    const status = await waitFor(stt, req);
    expect(status.state).toBe('failed');
    const stored = JSON.parse(Buffer.from(store.objects.get('staging/j4/stt.json')!).toString('utf8'));
    expect(stored.status).toBe('failed');
  });

  it('reads a finished job left by an earlier process instead of decoding again', async () => {
    const store = memoryStore();
    const transcript = { text: 'done', words: [{ text: 'done', start: 0, end: 0.5 }], language: 'en-US' };
    store.objects.set('staging/j5/stt.json', Buffer.from(JSON.stringify({ status: 'completed', transcript })));
    const stt = createPocketsphinxStt({ ...store, codec, binary: 'no-such-binary' });
    await stt.start(request('j5'));
    expect(await stt.check(request('j5'))).toEqual({ state: 'completed', transcript });
  });
});

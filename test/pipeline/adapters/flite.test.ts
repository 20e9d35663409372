import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chunkText, createFliteTts, FLITE_SAMPLE_RATE } from '../../../lambdas/pipeline/adapters/flite';
import { speechLevel } from '../../../lambdas/pipeline/audio';

const fliteDirs = () => readdirSync(tmpdir()).filter((f) => f.startsWith('flite-'));

describe('flite text to speech', () => {
  const tts = createFliteTts();

  it('speaks a sentence as 16 kHz PCM of a plausible length', async () => {
    const pcm = await tts.synthesize('The weather is nice today.', { language: 'en-US' });
    expect(pcm.sampleRate).toBe(FLITE_SAMPLE_RATE);
    const seconds = pcm.samples.length / pcm.sampleRate;
    expect(seconds).toBeGreaterThan(1);
    expect(seconds).toBeLessThan(4);
    expect(speechLevel(pcm)).toBeGreaterThan(0.02);
  });

  it('speaks a text longer than one chunk as the sum of its chunks', async () => {
    const chunked = createFliteTts({ maxChunkChars: 40 });
    const text = 'I like green apples. My brother likes red ones. We share them every day.';
    const whole = await tts.synthesize(text, { language: 'en-US' });
    const parts = await chunked.synthesize(text, { language: 'en-US' });
    expect(Math.abs(parts.samples.length - whole.samples.length) / whole.samples.length).toBeLessThan(0.15);
  });

  it('returns empty audio for empty text and cleans up its temp files', async () => {
    const before = fliteDirs().length;
    expect((await tts.synthesize('  ', { language: 'en-US' })).samples.length).toBe(0);
    await tts.synthesize('One more.', { language: 'en-US' });
    expect(fliteDirs().length).toBeLessThanOrEqual(before);
  });

  it('fails clearly when the binary is missing', async () => {
    await expect(createFliteTts({ binary: 'no-such-flite' }).synthesize('hi', { language: 'en-US' })).rejects.toThrow(/cannot run no-such-flite/);
  });
});

describe('chunkText', () => {
  it('keeps sentences whole when they fit', () => {
    expect(chunkText('One two. Three four! Five six?', 20)).toEqual(['One two. Three four!', 'Five six?']);
  });

  it('splits an over-long sentence at spaces', () => {
    const chunks = chunkText('a'.repeat(5) + ' ' + 'b'.repeat(5) + ' ' + 'c'.repeat(5), 11);
    expect(chunks).toEqual(['aaaaa bbbbb', 'ccccc']);
    expect(chunkText('', 10)).toEqual([]);
  });
});

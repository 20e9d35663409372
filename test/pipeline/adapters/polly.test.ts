import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { PollyClient, SynthesizeSpeechCommand } from '@aws-sdk/client-polly';
import { chunkText, createPollyTts, POLLY_MAX_CHARS, s16leToFloat, VOICES } from '../../../lambdas/pipeline/adapters/polly';
import { TransientError } from '../../../lambdas/pipeline/errors';
import { sdkBody, thrown } from '../fakes';

const pollyMock = mockClient(PollyClient);
const tts = createPollyTts(new PollyClient({ region: 'eu-west-1' }));
/** n samples of little-endian int16 `value`. */
const pcmBytes = (n: number, value: number) => {
  const b = Buffer.alloc(n * 2);
  for (let i = 0; i < n; i++) b.writeInt16LE(value, i * 2);
  return b;
};
const audio = (n: number, value: number) => ({ AudioStream: sdkBody(pcmBytes(n, value)) });

beforeEach(() => pollyMock.reset());

describe('chunkText', () => {
  it('keeps a short text whole', () => {
    expect(chunkText('Hello there.  How are you?')).toEqual(['Hello there. How are you?']);
  });

  it('splits a text over the limit at sentence boundaries, every chunk within the limit', () => {
    const sentence = 'This sentence is exactly fifty characters long ok. ';
    const text = sentence.repeat(200); // 10 000 characters
    const chunks = chunkText(text);
    expect(chunks.length).toBeGreaterThanOrEqual(4);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(POLLY_MAX_CHARS);
      expect(c.endsWith('.')).toBe(true);
    }
    expect(chunks.join(' ')).toBe(text.trim());
  });

  it('splits an over-long sentence at word boundaries', () => {
    const text = Array.from({ length: 1500 }, (_, i) => `word${i}`).join(' ');
    const chunks = chunkText(text, 1000);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(1000);
    expect(chunks.join(' ')).toBe(text);
    expect(chunks.every((c) => /^word\d+/.test(c) && /word\d+$/.test(c))).toBe(true);
  });
});

describe('createPollyTts', () => {
  it('asks for 16 kHz PCM from the neural voice of the language and converts it', async () => {
    pollyMock.on(SynthesizeSpeechCommand).resolves(audio(4, 16384));
    const pcm = await tts.synthesize('Hello.', { language: 'en-IN' });
    expect(pollyMock).toHaveReceivedCommandWith(SynthesizeSpeechCommand, {
      Text: 'Hello.',
      OutputFormat: 'pcm',
      SampleRate: '16000',
      Engine: 'neural',
      VoiceId: 'Kajal',
      LanguageCode: 'en-IN',
    });
    expect(pcm.sampleRate).toBe(16000);
    expect(Array.from(pcm.samples)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it.each(Object.entries(VOICES))('uses %s → %s', async (language, voice) => {
    pollyMock.on(SynthesizeSpeechCommand).resolves(audio(1, 0));
    await tts.synthesize('Hi.', { language });
    expect(pollyMock).toHaveReceivedCommandWith(SynthesizeSpeechCommand, { VoiceId: voice });
  });

  it('chunks a text over the 3000-character limit and concatenates the audio in order', async () => {
    const text = 'Short sentence number one here. '.repeat(300); // ~9 600 characters
    let call = 0;
    pollyMock.on(SynthesizeSpeechCommand).callsFake(async () => audio(2, ++call * 1000));
    const pcm = await tts.synthesize(text, { language: 'en-US' });
    const calls = pollyMock.commandCalls(SynthesizeSpeechCommand);
    expect(calls.length).toBeGreaterThanOrEqual(4);
    for (const c of calls) expect(c.args[0].input.Text!.length).toBeLessThanOrEqual(3000);
    expect(pcm.samples.length).toBe(calls.length * 2);
    expect(pcm.samples[0]).toBeCloseTo(1000 / 32768);
    expect(pcm.samples[pcm.samples.length - 1]).toBeCloseTo((calls.length * 1000) / 32768);
  });

  it('maps a throttle to TransientError', async () => {
    pollyMock.on(SynthesizeSpeechCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    expect(await thrown(() => tts.synthesize('Hi.', { language: 'en-US' }))).toBeInstanceOf(TransientError);
  });
});

describe('s16leToFloat', () => {
  it('scales signed 16-bit samples into [-1, 1)', () => {
    expect(Array.from(s16leToFloat(new Uint8Array(pcmBytes(1, -32768))))).toEqual([-1]);
  });
});

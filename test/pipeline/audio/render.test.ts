import type { TextEdit } from '../../../lambdas/grammar/port';
import { renderFull, renderOwnVoice, sliceSeconds, speechLevel } from '../../../lambdas/pipeline/audio';
import type { Pcm, TextToSpeech, TimedWord } from '../../../lambdas/shared/ports';
import { concat, noise, silence, sine } from './signals';

/** A fake voice: a quiet 22.05 kHz tone, 0.2 s per word, with silence around it, recording each call. */
function fakeTts(): TextToSpeech & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async synthesize(text: string): Promise<Pcm> {
      calls.push(text);
      const words = text.split(' ').length;
      return concat(silence(0.25, 22050), sine(300, 0.2 * words, 22050, 0.05), silence(0.25, 22050));
    },
  };
}

/** A "recording": ten 0.4 s noise bursts (words) with 0.1 s pauses, at 16 kHz. */
function recording(): { pcm: Pcm; words: TimedWord[] } {
  const parts: Pcm[] = [];
  const words: TimedWord[] = [];
  for (let i = 0; i < 10; i++) {
    parts.push(noise(0.4, 16000, 0.4, i + 1), silence(0.1));
    words.push({ text: `w${i}`, start: i * 0.5, end: i * 0.5 + 0.4 });
  }
  return { pcm: concat(...parts), words };
}

const text = (words: TimedWord[]) => words.map((w) => w.text).join(' ');

describe('renderOwnVoice', () => {
  it('returns the original untouched when there are no edits', async () => {
    const { pcm, words } = recording();
    const tts = fakeTts();
    const result = await renderOwnVoice({ original: pcm, words, edits: [], correctedText: text(words), tts, language: 'en-US' });
    expect(result.unchanged).toBe(true);
    expect(result.pcm).toBe(pcm);
    expect(tts.calls).toEqual([]);
  });

  it('replaces only the edited span, level-matched, keeping the rest of the recording', async () => {
    const { pcm, words } = recording();
    const tts = fakeTts();
    const edit: TextEdit = { start: 9, end: 11, wordStart: 3, wordEnd: 4, original: 'w3', corrected: 'new words' };
    const corrected = text(words).replace('w3', 'new words');
    const result = await renderOwnVoice({ original: pcm, words, edits: [edit], correctedText: corrected, tts, language: 'en-US' });

    expect(result.unchanged).toBe(false);
    expect(tts.calls).toEqual(['new words']);
    const [span] = result.spans;
    const out = result.pcm;
    expect(out.sampleRate).toBe(16000);
    // Before the span the recording is untouched (up to where the crossfade starts).
    const head = Math.round(span.start * 16000) - 480;
    expect(Array.from(out.samples.subarray(0, head))).toEqual(Array.from(pcm.samples.subarray(0, head)));
    // The tail is the original tail, shifted by the length difference.
    const tail = pcm.samples.length - Math.round(span.end * 16000) - 480;
    expect(Array.from(out.samples.subarray(out.samples.length - tail))).toEqual(Array.from(pcm.samples.subarray(pcm.samples.length - tail)));
    // The replacement (0.4 s of tone plus trim margins) changes the total length accordingly.
    const replaced = out.samples.length - (pcm.samples.length - Math.round((span.end - span.start) * 16000));
    expect(replaced / 16000).toBeGreaterThan(0.4 - 0.03);
    expect(replaced / 16000).toBeLessThan(0.4 + 0.1);
    // Level-matched: the quiet synthetic tone now sounds as loud as the surrounding speech.
    const inserted = { sampleRate: 16000, samples: sliceSeconds(out, span.start + 0.05, span.start + 0.35) };
    expect(speechLevel(inserted) / speechLevel(pcm)).toBeGreaterThan(0.8);
    expect(speechLevel(inserted) / speechLevel(pcm)).toBeLessThan(1.25);
  });

  it('leaves the recording unchanged when the edits only change case or punctuation', async () => {
    const { pcm, words } = recording();
    const tts = fakeTts();
    const edits: TextEdit[] = [{ start: 0, end: 2, wordStart: 0, wordEnd: 1, original: 'w0', corrected: 'W0.' }];
    const result = await renderOwnVoice({ original: pcm, words, edits, correctedText: 'W0. w1 w2 w3 w4 w5 w6 w7 w8 w9', tts, language: 'en-US' });
    expect(result).toMatchObject({ unchanged: true, spans: [] });
    expect(result.pcm).toBe(pcm);
    expect(tts.calls).toEqual([]);
  });

  it('cuts a deleted word without asking the voice for anything', async () => {
    const { pcm, words } = recording();
    const tts = fakeTts();
    const edit: TextEdit = { start: 15, end: 17, wordStart: 5, wordEnd: 6, original: 'w5', corrected: '' };
    const result = await renderOwnVoice({ original: pcm, words, edits: [edit], correctedText: text(words).replace('w5 ', ''), tts, language: 'en-US' });
    expect(tts.calls).toEqual([]);
    expect(pcm.samples.length - result.pcm.samples.length).toBeGreaterThan(0.45 * 16000);
    expect(pcm.samples.length - result.pcm.samples.length).toBeLessThan(0.55 * 16000);
  });

  it('synthesizes several spans and splices them in order', async () => {
    const { pcm, words } = recording();
    const tts = fakeTts();
    const edits: TextEdit[] = [
      { start: 3, end: 5, wordStart: 1, wordEnd: 2, original: 'w1', corrected: 'one' },
      { start: 24, end: 26, wordStart: 8, wordEnd: 8, original: '', corrected: 'extra' },
    ];
    const corrected = 'w0 one w2 w3 w4 w5 w6 w7 extra w8 w9';
    const result = await renderOwnVoice({ original: pcm, words, edits, correctedText: corrected, tts, language: 'en-US' });
    expect(result.spans.map((s) => s.text)).toEqual(['one', 'w7 extra w8']);
    expect(tts.calls.sort()).toEqual(['one', 'w7 extra w8']);
    expect(result.pcm.samples.every((s) => Number.isFinite(s) && Math.abs(s) <= 1)).toBe(true);
  });
});

describe('renderFull', () => {
  it('speaks the whole corrected text with the voice', async () => {
    const tts = fakeTts();
    const pcm = await renderFull({ text: 'the whole text', tts, language: 'en-US' });
    expect(tts.calls).toEqual(['the whole text']);
    expect(pcm.samples.length / pcm.sampleRate).toBeCloseTo(0.5 + 0.6, 2);
  });
});

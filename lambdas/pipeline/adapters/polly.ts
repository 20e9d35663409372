/** TextToSpeech on Amazon Polly: neural voice per language, 16 kHz PCM, long texts chunked. */
import {
  SynthesizeSpeechCommand,
  type LanguageCode,
  type PollyClient,
  type VoiceId,
} from '@aws-sdk/client-polly';
import type { Pcm, TextToSpeech } from '../../shared/ports';
import { toTransient } from '../errors';
import { splice } from '../audio/dsp';

/** SynthesizeSpeech's limit on billed characters per request. */
export const POLLY_MAX_CHARS = 3000;
export const POLLY_SAMPLE_RATE = 16_000;

/** Neural voices by language. */
export const VOICES: Readonly<Record<string, VoiceId>> = {
  'en-US': 'Joanna',
  'en-GB': 'Amy',
  'en-AU': 'Olivia',
  'en-IN': 'Kajal',
  'en-IE': 'Niamh',
  'en-NZ': 'Aria',
  'en-ZA': 'Ayanda',
};

/**
 * Splits text into chunks of at most `max` characters, at sentence boundaries where possible,
 * else at word boundaries, else (a single over-long token) hard.
 */
export function chunkText(text: string, max: number = POLLY_MAX_CHARS): string[] {
  const normalised = text.replace(/\s+/g, ' ').trim();
  if (normalised === '') return [];
  const sentences = normalised.match(/[^.!?]+(?:[.!?]+["')\]]*|$)\s*/g) ?? [normalised];
  const pieces: string[] = [];
  for (const raw of sentences) {
    const sentence = raw.trim();
    if (sentence === '') continue;
    if (sentence.length <= max) {
      pieces.push(sentence);
      continue;
    }
    for (const word of sentence.split(' ')) {
      if (word.length <= max) pieces.push(word);
      else for (let i = 0; i < word.length; i += max) pieces.push(word.slice(i, i + max));
    }
  }
  const chunks: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (current === '') current = piece;
    else if (current.length + 1 + piece.length <= max) current += ` ${piece}`;
    else {
      chunks.push(current);
      current = piece;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/** Signed 16-bit little-endian PCM → float samples in [-1, 1]. */
export function s16leToFloat(bytes: Uint8Array): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(Math.floor(bytes.byteLength / 2));
  for (let i = 0; i < out.length; i++) out[i] = view.getInt16(i * 2, true) / 32768;
  return out;
}

export function createPollyTts(polly: PollyClient): TextToSpeech {
  return {
    async synthesize(text, { language }): Promise<Pcm> {
      const voice = VOICES[language] ?? VOICES['en-US'];
      const languageCode = (VOICES[language] ? language : 'en-US') as LanguageCode;
      const parts: Float32Array[] = [];
      for (const chunk of chunkText(text)) {
        try {
          const out = await polly.send(
            new SynthesizeSpeechCommand({
              Text: chunk,
              TextType: 'text',
              OutputFormat: 'pcm',
              SampleRate: String(POLLY_SAMPLE_RATE),
              Engine: 'neural',
              VoiceId: voice,
              LanguageCode: languageCode,
            }),
          );
          if (!out.AudioStream) throw new Error('Polly returned no audio');
          parts.push(s16leToFloat(await out.AudioStream.transformToByteArray()));
        } catch (error) {
          throw toTransient(error);
        }
      }
      return splice(parts, POLLY_SAMPLE_RATE, 0);
    },
  };
}

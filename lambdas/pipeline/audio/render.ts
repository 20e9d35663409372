import type { TextEdit } from '../../grammar/port';
import type { Pcm, TextToSpeech, TimedWord } from '../../shared/ports';
import { CROSSFADE_SECONDS, matchLevel, resample, sliceSeconds, speechLevel, splice, trimSilence } from './dsp';
import { planSpans, type PlanOptions, type SpeechSpan } from './plan';

/** Seconds of the original either side of a span whose speech level the replacement matches. */
const LEVEL_CONTEXT_SECONDS = 3;

export interface OwnVoiceInput {
  readonly original: Pcm;
  /** The transcript's words: index i is word i of the original text. */
  readonly words: readonly TimedWord[];
  readonly edits: readonly TextEdit[];
  readonly correctedText: string;
  readonly tts: TextToSpeech;
  readonly language: string;
  readonly plan?: PlanOptions;
  readonly crossfadeSeconds?: number;
}

export interface OwnVoiceResult {
  readonly pcm: Pcm;
  /** True when nothing needed re-speaking: `pcm` is the original itself. */
  readonly unchanged: boolean;
  /** The spans that were replaced. */
  readonly spans: readonly SpeechSpan[];
}

/**
 * Keeps the speaker's recording and replaces only the edited spans with synthesized speech,
 * trimmed of its own silence, level-matched to the speech around the span and crossfaded in.
 * The replacement keeps its natural length (no time stretching).
 */
export async function renderOwnVoice(input: OwnVoiceInput): Promise<OwnVoiceResult> {
  const { original } = input;
  const spans = input.edits.length === 0 ? [] : planSpans(input.words, input.edits, input.correctedText, input.plan);
  if (spans.length === 0) return { pcm: original, unchanged: true, spans };

  const globalLevel = speechLevel(original);
  const replacements = await Promise.all(
    spans.map(async (span) => {
      if (span.text === '') return new Float32Array(0);
      const spoken = await input.tts.synthesize(span.text, { language: input.language });
      const clip = trimSilence(resample(spoken, original.sampleRate));
      const around = { sampleRate: original.sampleRate, samples: sliceSeconds(original, span.start - LEVEL_CONTEXT_SECONDS, span.end + LEVEL_CONTEXT_SECONDS) };
      const target = speechLevel(around) || globalLevel;
      return matchLevel(clip, target).samples;
    }),
  );

  const pieces: Float32Array[] = [];
  let cursor = 0;
  spans.forEach((span, i) => {
    pieces.push(sliceSeconds(original, cursor, span.start), replacements[i]);
    cursor = span.end;
  });
  pieces.push(sliceSeconds(original, cursor, Number.POSITIVE_INFINITY));
  return { pcm: splice(pieces, original.sampleRate, input.crossfadeSeconds ?? CROSSFADE_SECONDS), unchanged: false, spans };
}

/** The whole corrected text in the synthetic voice. */
export async function renderFull(input: { readonly text: string; readonly tts: TextToSpeech; readonly language: string }): Promise<Pcm> {
  return input.tts.synthesize(input.text, { language: input.language });
}

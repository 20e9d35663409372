/** Synthesize: the corrected recording as mp3, in the owner's own voice or wholly re-spoken. */
import { keys } from '../../shared/jobs/model';
import type { AudioCodec, Pcm, TextToSpeech, TimedWord } from '../../shared/ports';
import type { TextEdit } from '../../grammar/port';
import { SynthesisFailed, rethrow } from '../errors';
import type { CorrectionDocument, PipelineState } from '../state';
import { setStatus, withTiming, type ObjectStore, type StepPorts } from './ports';

/** Rate the original is decoded at for splicing (the audio module resamples synthesized spans to it); 24 kHz keeps speech clear at a third of CD-rate cost. */
export const OWN_VOICE_SAMPLE_RATE = 24_000;

/** The audio module's renderers (lambdas/pipeline/audio). */
export interface Renderers {
  renderOwnVoice(input: {
    original: Pcm;
    words: readonly TimedWord[];
    edits: readonly TextEdit[];
    correctedText: string;
    tts: TextToSpeech;
    language: string;
  }): Promise<{ pcm: Pcm; unchanged: boolean }>;
  renderFull(input: { text: string; tts: TextToSpeech; language: string }): Promise<Pcm>;
}

export interface SynthesizePorts extends StepPorts {
  readonly store: ObjectStore;
  readonly codec: AudioCodec;
  readonly tts: () => TextToSpeech;
  readonly renderers: Renderers;
  readonly workBucket: string;
}

export async function synthesize(state: PipelineState, ports: SynthesizePorts): Promise<PipelineState> {
  const began = ports.now();
  if (!state.correctionKey) throw new SynthesisFailed('Synthesize ran before the correction was written');
  await setStatus(ports, state, 'synthesizing');
  const doc = await ports.store.getJson<CorrectionDocument>(ports.workBucket, state.correctionKey);
  const language = state.language ?? doc.transcript.language;

  let mp3: Uint8Array;
  let unchanged: boolean;
  try {
    if (state.outputMode === 'full') {
      const pcm = await ports.renderers.renderFull({ text: doc.correctedText, tts: ports.tts(), language });
      mp3 = await ports.codec.encodeMp3(pcm);
      unchanged = false;
    } else {
      const originalBytes = await ports.store.getBytes(state.bucket, state.key);
      if (doc.textEdits.length === 0) {
        // Nothing to change: hand back the recording itself (mp3 as uploaded, other formats re-encoded).
        mp3 = state.format === 'mp3' ? originalBytes : await ports.codec.encodeMp3(await ports.codec.decode(originalBytes, OWN_VOICE_SAMPLE_RATE));
        unchanged = true;
      } else {
        const original = await ports.codec.decode(originalBytes, OWN_VOICE_SAMPLE_RATE);
        const rendered = await ports.renderers.renderOwnVoice({
          original,
          words: doc.transcript.words,
          edits: doc.textEdits,
          correctedText: doc.correctedText,
          tts: ports.tts(),
          language,
        });
        unchanged = rendered.unchanged;
        mp3 = unchanged && state.format === 'mp3' ? originalBytes : await ports.codec.encodeMp3(rendered.pcm);
      }
    }
  } catch (error) {
    rethrow(error, (m) => new SynthesisFailed(`The corrected audio could not be produced: ${m}`));
  }

  const synthesisKey = keys.work(state.owner, state.jobId, 'corrected.mp3');
  await ports.store.putBytes(ports.workBucket, synthesisKey, mp3, 'audio/mpeg');
  return { ...state, synthesisKey, unchanged, timings: withTiming(state, 'synthesize', began, ports.now()) };
}

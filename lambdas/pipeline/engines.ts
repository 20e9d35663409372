/**
 * The configured engines, each built once per process on first use (so a step builds only the
 * engines it touches: Accept never loads the grammar corrector). Which adapter runs is configuration.
 */
import { PollyClient } from '@aws-sdk/client-polly';
import { TranscribeClient } from '@aws-sdk/client-transcribe';
import type { AudioCodec, SpeechToText, TextToSpeech } from '../shared/ports';
import type { GrammarCorrector } from '../grammar/port';
import { s3Client } from '../shared/aws/s3-client';
import type { EngineConfig } from './config';
import type { ObjectStore } from './use-cases/ports';
import { createTranscribeStt } from './adapters/transcribe';
import { createPollyTts } from './adapters/polly';
import { createWasmCodec } from './adapters/wasm-codec';
import { createFfmpegCodec } from './adapters/ffmpeg-codec';
import { createPocketsphinxStt } from './adapters/pocketsphinx';
import { createFliteTts } from './adapters/flite';

export interface Engines {
  codec(): AudioCodec;
  stt(): SpeechToText;
  tts(): TextToSpeech;
  corrector(): Promise<GrammarCorrector>;
}

/** Memoises a zero-argument factory. */
export function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}

export function createEngines(config: EngineConfig, store: ObjectStore): Engines {
  const codec = once(() => (config.codec === 'ffmpeg' ? createFfmpegCodec() : createWasmCodec()));
  const stt = once(() =>
    config.stt === 'pocketsphinx'
      ? createPocketsphinxStt({ codec: codec(), readObject: store.getBytes, writeObject: store.putBytes })
      : createTranscribeStt({ transcribe: new TranscribeClient({}), s3: s3Client() }),
  );
  const tts = once(() => (config.tts === 'flite' ? createFliteTts() : createPollyTts(new PollyClient({}))));
  let building: Promise<GrammarCorrector> | undefined;
  const corrector = () =>
    (building ??= Promise.resolve()
      // Imported here, not at the top: only Correct should pay for loading the grammar engine.
      .then(() => import('../grammar'))
      .then(({ createCorrectorFromConfig }) => createCorrectorFromConfig())
      .catch((error: unknown) => {
        building = undefined; // not cached: the next invocation tries again
        throw error;
      }));
  return { codec, stt, tts, corrector };
}

/** Pipeline configuration, read once through the shared typed accessors (fails fast on bad values). */
import { ENV, maybe, oneOf, positiveInt, required } from '../shared/config';

/** Environment variable names read by the pipeline (beyond the shared ENV). */
export const PIPELINE_ENV = {
  /** ARN of the pipeline state machine (start.ts only). */
  stateMachineArn: 'STATE_MACHINE_ARN',
  /** Optional Step Functions endpoint override (local mode). */
  sfnEndpoint: 'SFN_ENDPOINT',
  /** Longest accepted recording in seconds (default 300). */
  maxDurationSeconds: 'MAX_DURATION_SECONDS',
  /** Overall limit on a transcription in seconds (default 900). */
  transcribeTimeoutSeconds: 'TRANSCRIBE_TIMEOUT_SECONDS',
  /** transcribe (default) | pocketsphinx */
  sttEngine: 'STT_ENGINE',
  /** polly (default) | flite */
  ttsEngine: 'TTS_ENGINE',
  /** wasm (default) | ffmpeg */
  audioCodec: 'AUDIO_CODEC',
  /** harper (default) | bedrock */
  grammarEngine: 'GRAMMAR_ENGINE',
} as const;

export const STT_ENGINES = ['transcribe', 'pocketsphinx'] as const;
export const TTS_ENGINES = ['polly', 'flite'] as const;
export const AUDIO_CODECS = ['wasm', 'ffmpeg'] as const;
export const GRAMMAR_ENGINES = ['harper', 'bedrock'] as const;

type Env = Record<string, string | undefined>;

export interface EngineConfig {
  readonly stt: (typeof STT_ENGINES)[number];
  readonly tts: (typeof TTS_ENGINES)[number];
  readonly codec: (typeof AUDIO_CODECS)[number];
  readonly grammar: (typeof GRAMMAR_ENGINES)[number];
}

/** Settings of start.ts. */
export interface StarterConfig {
  readonly stateMachineArn: string;
  readonly sfnEndpoint?: string;
}

/** Settings of the step handlers (Accept … RecordFailure). */
export interface StepConfig {
  /** Holds work objects and results. */
  readonly outputBucket: string;
  readonly s3Endpoint?: string;
  readonly maxUploadBytes: number;
  readonly maxDurationSeconds: number;
  readonly transcribeTimeoutSeconds: number;
  readonly engines: EngineConfig;
}

export function loadStarterConfig(env: Env = process.env): StarterConfig {
  return {
    stateMachineArn: required(PIPELINE_ENV.stateMachineArn, env),
    sfnEndpoint: maybe(PIPELINE_ENV.sfnEndpoint, env),
  };
}

export function loadEngineConfig(env: Env = process.env): EngineConfig {
  return {
    stt: oneOf(PIPELINE_ENV.sttEngine, STT_ENGINES, 'transcribe', env),
    tts: oneOf(PIPELINE_ENV.ttsEngine, TTS_ENGINES, 'polly', env),
    codec: oneOf(PIPELINE_ENV.audioCodec, AUDIO_CODECS, 'wasm', env),
    grammar: oneOf(PIPELINE_ENV.grammarEngine, GRAMMAR_ENGINES, 'harper', env),
  };
}

export function loadStepConfig(env: Env = process.env): StepConfig {
  return {
    outputBucket: required(ENV.outputBucket, env),
    s3Endpoint: maybe(ENV.s3Endpoint, env),
    maxUploadBytes: positiveInt(ENV.maxUploadBytes, 104_857_600, env),
    maxDurationSeconds: positiveInt(PIPELINE_ENV.maxDurationSeconds, 300, env),
    transcribeTimeoutSeconds: positiveInt(PIPELINE_ENV.transcribeTimeoutSeconds, 900, env),
    engines: loadEngineConfig(env),
  };
}

/**
 * Engine ports: the small interfaces the pipeline's use-cases talk to. Adapters (Transcribe,
 * Polly, WASM codecs in AWS; pocketsphinx, flite, ffmpeg locally) implement them, and which one
 * runs is configuration (see lambdas/pipeline/engines.ts), never a branch in a handler.
 */

/** One recognised word with its times in seconds from the start of the recording. */
export interface TimedWord {
  /** The word as written in the transcript, with any trailing punctuation attached ("school."). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly confidence?: number;
}

/**
 * A transcript. Invariant: `text === words.map((w) => w.text).join(' ')`, so word index i of
 * `text.split(' ')` is `words[i]` — that is how edits are mapped to times.
 */
export interface Transcript {
  readonly text: string;
  readonly words: readonly TimedWord[];
  /** BCP-47 language code, as given or as identified. */
  readonly language: string;
}

export type TranscriptionStatus =
  | { readonly state: 'in-progress' }
  | { readonly state: 'completed'; readonly transcript: Transcript }
  | { readonly state: 'failed'; readonly reason: string };

export interface TranscriptionRequest {
  /** Also the engine's job name: starting the same job twice reuses the first. */
  readonly jobId: string;
  readonly bucket: string;
  readonly key: string;
  /** mp3 | wav | flac | ogg */
  readonly mediaFormat: string;
  /** Absent: identify the language automatically. */
  readonly language?: string;
  /** Where the engine may write its output. */
  readonly outputBucket: string;
  readonly outputKey: string;
}

/** Speech to text with word timings. Asynchronous: start, then check until done. */
export interface SpeechToText {
  start(request: TranscriptionRequest): Promise<void>;
  check(request: TranscriptionRequest): Promise<TranscriptionStatus>;
}

/** Mono PCM audio, samples in [-1, 1]. */
export interface Pcm {
  readonly sampleRate: number;
  readonly samples: Float32Array;
}

/** Text to speech. */
export interface TextToSpeech {
  /** Speaks `text` (any length: adapters chunk past their engine's limit). */
  synthesize(text: string, options: { readonly language: string }): Promise<Pcm>;
}

export interface AudioInfo {
  /** mp3 | wav | flac | ogg */
  readonly format: string;
  readonly durationSeconds: number;
}

/** Decoding, probing and mp3 encoding. */
export interface AudioCodec {
  /** Recognises the container from its bytes; undefined when it is not audio this codec reads. */
  probe(bytes: Uint8Array): Promise<AudioInfo | undefined>;
  /** Decodes to mono PCM at `sampleRate`. */
  decode(bytes: Uint8Array, sampleRate: number): Promise<Pcm>;
  encodeMp3(pcm: Pcm): Promise<Uint8Array>;
}

/** The state that flows through the state machine: small, JSON-only; large data lives in S3 work objects. */
import type { OutputMode } from '../shared/jobs/model';

/** Stage names used as keys of `timings`. */
export type Stage = 'accept' | 'transcribe' | 'correct' | 'synthesize' | 'finish' | 'notify';

export interface TranscriptionProgress {
  readonly status: 'in-progress' | 'completed';
  /** Read by the Wait state through `SecondsPath: $.transcription.waitSeconds`. */
  readonly waitSeconds: number;
  readonly attempts: number;
  /** ISO time after which the check gives up with TranscriptionTimeout. */
  readonly deadline: string;
  /** ISO time the transcription started (for `timings.transcribe`); an addition to the contract. */
  readonly startedAt?: string;
}

export interface PipelineState {
  readonly jobId: string;
  readonly owner: string;
  readonly bucket: string;
  readonly key: string;
  readonly size: number;
  readonly startedAt: string;
  readonly format?: string;
  readonly durationSeconds?: number;
  readonly language?: string;
  readonly outputMode?: OutputMode;
  readonly transcription?: TranscriptionProgress;
  readonly transcriptKey?: string;
  readonly correctionKey?: string;
  readonly synthesisKey?: string;
  /** True when the synthesized mp3 is the original recording (own-voice, no edits); an addition to the contract. */
  readonly unchanged?: boolean;
  readonly timings: Record<string, number>;
  /** Set by a Catch with `ResultPath: $.failure`. */
  readonly failure?: { readonly Error: string; readonly Cause: string };
}

/** What correct.ts writes to the `correction.json` work object. */
export interface CorrectionDocument {
  readonly transcript: import('../shared/ports').Transcript;
  readonly correctedText: string;
  readonly edits: readonly import('../shared/jobs/model').TimedEdit[];
  readonly textEdits: readonly import('../grammar/port').TextEdit[];
}

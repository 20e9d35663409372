/** StartTranscription and CheckTranscription: the Wait/Choice loop around the speech-to-text port. */
import { keys } from '../../shared/jobs/model';
import type { SpeechToText, TranscriptionRequest } from '../../shared/ports';
import { NoSpeech, TranscriptionFailed, TranscriptionTimeout, rethrow } from '../errors';
import type { PipelineState } from '../state';
import { setStatus, type ObjectStore, type StepPorts } from './ports';

/** First wait between checks, in seconds; later waits grow by the golden ratio (2, 3, 5, 8, 13, 15…). */
export const FIRST_WAIT_SECONDS = 2;
/** Cap on one wait, in seconds. */
export const MAX_WAIT_SECONDS = 15;

export function nextWait(previous: number): number {
  return Math.min(MAX_WAIT_SECONDS, Math.max(previous + 1, Math.round(previous * 1.618)));
}

export interface TranscribePorts extends StepPorts {
  readonly stt: SpeechToText;
  readonly store: ObjectStore;
  /** Bucket for work objects (the output bucket). */
  readonly workBucket: string;
  readonly timeoutSeconds: number;
}

/** The request is rebuilt identically on every step, so start and check agree on names and locations. */
export function transcriptionRequest(state: PipelineState, workBucket: string): TranscriptionRequest {
  return {
    jobId: state.jobId,
    bucket: state.bucket,
    key: state.key,
    mediaFormat: state.format ?? 'mp3',
    ...(state.language ? { language: state.language } : {}),
    outputBucket: workBucket,
    outputKey: keys.work(state.owner, state.jobId, 'transcription-output.json'),
  };
}

export async function startTranscription(state: PipelineState, ports: TranscribePorts): Promise<PipelineState> {
  const began = ports.now();
  try {
    await ports.stt.start(transcriptionRequest(state, ports.workBucket));
  } catch (error) {
    rethrow(error, (m) => new TranscriptionFailed(`The transcription could not start: ${m}`));
  }
  await setStatus(ports, state, 'transcribing');
  return {
    ...state,
    transcription: {
      status: 'in-progress',
      waitSeconds: FIRST_WAIT_SECONDS,
      attempts: 0,
      deadline: new Date(began + ports.timeoutSeconds * 1000).toISOString(),
      startedAt: new Date(began).toISOString(),
    },
  };
}

export async function checkTranscription(state: PipelineState, ports: TranscribePorts): Promise<PipelineState> {
  const progress = state.transcription;
  if (!progress) throw new TranscriptionFailed('CheckTranscription ran before StartTranscription');
  let status;
  try {
    status = await ports.stt.check(transcriptionRequest(state, ports.workBucket));
  } catch (error) {
    rethrow(error, (m) => new TranscriptionFailed(`The transcription could not be read: ${m}`));
  }
  const now = ports.now();
  switch (status.state) {
    case 'in-progress':
      if (now > Date.parse(progress.deadline)) {
        throw new TranscriptionTimeout(`The transcription did not finish by ${progress.deadline}.`);
      }
      return {
        ...state,
        transcription: { ...progress, waitSeconds: nextWait(progress.waitSeconds), attempts: progress.attempts + 1 },
      };
    case 'failed':
      throw new TranscriptionFailed(`The transcription failed: ${status.reason}`);
    case 'completed': {
      const transcript = status.transcript;
      if (transcript.words.length === 0) throw new NoSpeech('No speech was found in the recording.');
      const transcriptKey = keys.work(state.owner, state.jobId, 'transcript.json');
      await ports.store.putJson(ports.workBucket, transcriptKey, transcript);
      const since = progress.startedAt ? Date.parse(progress.startedAt) : now;
      return {
        ...state,
        language: transcript.language,
        transcriptKey,
        transcription: { ...progress, status: 'completed', attempts: progress.attempts + 1 },
        timings: { ...state.timings, transcribe: Math.max(0, Math.round(now - since)) },
      };
    }
  }
}

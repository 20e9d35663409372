/** Finish: publish result.json and the mp3 under the owner's prefix; the job is done. */
import { keys, type JobResult } from '../../shared/jobs/model';
import type { CorrectionDocument, PipelineState } from '../state';
import { withTiming, type ObjectStore, type StepPorts } from './ports';

export interface FinishPorts extends StepPorts {
  readonly store: ObjectStore;
  /** Holds work objects and results (the output bucket). */
  readonly outputBucket: string;
}

/** The document stored as result.json. */
export interface ResultDocument {
  readonly jobId: string;
  readonly language?: string;
  readonly outputMode?: string;
  readonly transcript: string;
  readonly correctedText: string;
  readonly edits: CorrectionDocument['edits'];
  readonly unchanged: boolean;
  readonly timings: Record<string, number>;
}

export async function finish(state: PipelineState, ports: FinishPorts): Promise<PipelineState> {
  const began = ports.now();
  if (!state.correctionKey || !state.synthesisKey) throw new Error('Finish ran before correction and synthesis');
  const doc = await ports.store.getJson<CorrectionDocument>(ports.outputBucket, state.correctionKey);
  const resultKey = keys.result(state.owner, state.jobId);
  const audioKey = keys.audio(state.owner, state.jobId);
  const unchanged = state.unchanged ?? false;

  await ports.store.copy(ports.outputBucket, state.synthesisKey, audioKey, 'audio/mpeg');
  const timings = withTiming(state, 'finish', began, ports.now());
  const result: ResultDocument = {
    jobId: state.jobId,
    language: state.language,
    outputMode: state.outputMode,
    transcript: doc.transcript.text,
    correctedText: doc.correctedText,
    edits: doc.edits,
    unchanged,
    timings,
  };
  await ports.store.putJson(ports.outputBucket, resultKey, result);
  const jobResult: JobResult = {
    transcript: result.transcript,
    correctedText: result.correctedText,
    edits: result.edits,
    unchanged,
    resultKey,
    audioKey,
  };
  await ports.jobs.update(state.jobId, { status: 'done', result: jobResult, timings });
  return { ...state, timings };
}

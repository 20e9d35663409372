/** Correct: grammar-correct the transcript and locate each edit in the recording. */
import { keys } from '../../shared/jobs/model';
import type { Transcript } from '../../shared/ports';
import type { Correction, GrammarCorrector } from '../../grammar/port';
import { CorrectionFailed, rethrow } from '../errors';
import type { CorrectionDocument, PipelineState } from '../state';
import { isAudible } from '../audio/plan';
import { mapEditsToTimes } from './map-edits';
import { setStatus, withTiming, type ObjectStore, type StepPorts } from './ports';

export interface CorrectPorts extends StepPorts {
  /** Built on first use: the corrector may be expensive to load. */
  readonly corrector: () => Promise<GrammarCorrector>;
  readonly store: ObjectStore;
  readonly workBucket: string;
}

export async function correct(state: PipelineState, ports: CorrectPorts): Promise<PipelineState> {
  const began = ports.now();
  if (!state.transcriptKey) throw new CorrectionFailed('Correct ran before the transcript was written');
  await setStatus(ports, state, 'correcting');
  const transcript = await ports.store.getJson<Transcript>(ports.workBucket, state.transcriptKey);
  let correction: Correction;
  try {
    // The language the job asked for, else the one the transcript was heard in: its spelling is kept.
    correction = await (await ports.corrector()).correct(transcript.text, { language: state.language ?? transcript.language });
  } catch (error) {
    rethrow(error, (m) => new CorrectionFailed(`The grammar correction failed: ${m}`));
  }
  const doc: CorrectionDocument = {
    transcript,
    correctedText: correction.corrected,
    // The listener's edit list: a change of case or punctuation is not heard, so it is not listed.
    edits: mapEditsToTimes(transcript, correction.edits.filter(isAudible)),
    textEdits: correction.edits,
  };
  const correctionKey = keys.work(state.owner, state.jobId, 'correction.json');
  await ports.store.putJson(ports.workBucket, correctionKey, doc);
  return { ...state, correctionKey, timings: withTiming(state, 'correct', began, ports.now()) };
}

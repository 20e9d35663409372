/** Locates text edits in the recording through the transcript's word times. */
import type { TimedEdit } from '../../shared/jobs/model';
import type { Transcript } from '../../shared/ports';
import type { TextEdit } from '../../grammar/port';
import { CorrectionFailed } from '../errors';

const round = (s: number) => Math.round(s * 1000) / 1000;

/**
 * Word span [wordStart, wordEnd) → [first word's start, last word's end] in seconds. An insertion
 * (wordStart === wordEnd) sits at the boundary before word wordStart: the gap between the previous
 * word's end and that word's start (a point at the edges of the recording).
 */
export function mapEditsToTimes(transcript: Transcript, edits: readonly TextEdit[]): TimedEdit[] {
  const words = transcript.words;
  return edits.map((edit) => {
    const { wordStart, wordEnd } = edit;
    if (!Number.isInteger(wordStart) || !Number.isInteger(wordEnd) || wordStart < 0 || wordEnd < wordStart || wordEnd > words.length) {
      throw new CorrectionFailed(`An edit's word span [${wordStart}, ${wordEnd}) is outside the ${words.length} transcript words.`);
    }
    let start: number;
    let end: number;
    if (wordStart < wordEnd) {
      start = words[wordStart].start;
      end = words[wordEnd - 1].end;
    } else if (words.length === 0) {
      start = end = 0;
    } else if (wordStart === 0) {
      start = end = words[0].start;
    } else if (wordStart === words.length) {
      start = end = words[words.length - 1].end;
    } else {
      start = words[wordStart - 1].end;
      end = Math.max(start, words[wordStart].start);
    }
    return { start: round(start), end: round(end), original: edit.original, corrected: edit.corrected };
  });
}

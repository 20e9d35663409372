import { mapEditsToTimes } from '../../../lambdas/pipeline/use-cases/map-edits';
import type { Transcript } from '../../../lambdas/shared/ports';
import type { TextEdit } from '../../../lambdas/grammar/port';

// "she go to school yesterday." — word i of text.split(' ') is words[i]
const transcript: Transcript = {
  text: 'she go to school yesterday.',
  language: 'en-US',
  words: [
    { text: 'she', start: 0.2, end: 0.45 },
    { text: 'go', start: 0.5, end: 0.71 },
    { text: 'to', start: 0.8, end: 0.9 },
    { text: 'school', start: 1.0, end: 1.5 },
    { text: 'yesterday.', start: 1.62, end: 2.3 },
  ],
};
const edit = (wordStart: number, wordEnd: number, original: string, corrected: string): TextEdit => ({ start: 0, end: 0, wordStart, wordEnd, original, corrected });

describe('mapEditsToTimes', () => {
  it('maps a one-word replacement to that word’s times', () => {
    expect(mapEditsToTimes(transcript, [edit(1, 2, 'go', 'went')])).toEqual([{ start: 0.5, end: 0.71, original: 'go', corrected: 'went' }]);
  });

  it('maps a multi-word span from the first word’s start to the last word’s end', () => {
    expect(mapEditsToTimes(transcript, [edit(2, 4, 'to school', 'to the school')])).toEqual([
      { start: 0.8, end: 1.5, original: 'to school', corrected: 'to the school' },
    ]);
  });

  it('places an insertion in the gap at the word boundary', () => {
    expect(mapEditsToTimes(transcript, [edit(3, 3, '', 'the')])).toEqual([{ start: 0.9, end: 1.0, original: '', corrected: 'the' }]);
  });

  it('places insertions at the very start and end on the edge words', () => {
    expect(mapEditsToTimes(transcript, [edit(0, 0, '', 'Yes,'), edit(5, 5, '', 'ok')])).toEqual([
      { start: 0.2, end: 0.2, original: '', corrected: 'Yes,' },
      { start: 2.3, end: 2.3, original: '', corrected: 'ok' },
    ]);
  });

  it('maps a deletion and several edits in order', () => {
    const out = mapEditsToTimes(transcript, [edit(0, 1, 'she', 'She'), edit(1, 2, 'go', 'went'), edit(4, 5, 'yesterday.', '')]);
    expect(out.map((e) => [e.start, e.end])).toEqual([[0.2, 0.45], [0.5, 0.71], [1.62, 2.3]]);
  });

  it('fails with CorrectionFailed for a span outside the words', () => {
    expect(() => mapEditsToTimes(transcript, [edit(4, 6, 'x', 'y')])).toThrow(expect.objectContaining({ name: 'CorrectionFailed' }));
  });
});

import type { TextEdit } from '../../../lambdas/grammar/port';
import { planSpans } from '../../../lambdas/pipeline/audio';
import type { TimedWord } from '../../../lambdas/shared/ports';

/** Words 0.4 s long with 0.1 s pauses: word i spans [0.5 i, 0.5 i + 0.4]. */
function timed(text: string, wordSeconds = 0.4): TimedWord[] {
  return text.split(' ').map((w, i) => ({ text: w, start: i * 0.5, end: i * 0.5 + wordSeconds }));
}

/** An edit over the original words (char offsets are not used by the planner). */
function edit(words: TimedWord[], wordStart: number, wordEnd: number, corrected: string): TextEdit {
  return { start: 0, end: 0, wordStart, wordEnd, original: words.slice(wordStart, wordEnd).map((w) => w.text).join(' '), corrected };
}

describe('planSpans', () => {
  const words = timed('yesterday he go to the school and buy some bread');

  it('re-speaks a long enough replacement as it is, with a little padding', () => {
    const spans = planSpans(words, [edit(words, 2, 3, 'went')], 'yesterday he went to the school and buy some bread');
    expect(spans).toEqual([{ start: expect.closeTo(0.97), end: expect.closeTo(1.43), wordStart: 2, wordEnd: 3, original: 'go', text: 'went' }]);
  });

  it('widens a very short span by its neighbours', () => {
    const short = timed('he go to school', 0.15);
    const spans = planSpans(short, [edit(short, 1, 2, 'went')], 'he went to school');
    expect(spans).toHaveLength(1);
    expect(spans[0].wordStart).toBeLessThanOrEqual(1);
    expect(spans[0].wordEnd).toBeGreaterThan(2);
    expect(spans[0].text).toBe(['he', 'went', 'to', 'school'].slice(spans[0].wordStart, spans[0].wordEnd).join(' '));
    expect(spans[0].end - spans[0].start).toBeGreaterThanOrEqual(0.35);
  });

  it('speaks an insertion together with the words either side', () => {
    const spans = planSpans(words, [edit(words, 4, 4, 'a')], 'yesterday he go to the a school and buy some bread');
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ wordStart: 3, wordEnd: 5, original: 'to the', text: 'to the a' });
  });

  it('handles insertions at the very start and end', () => {
    const start = planSpans(words, [edit(words, 0, 0, 'Well,')], 'Well, yesterday he go to the school and buy some bread');
    expect(start[0]).toMatchObject({ wordStart: 0, wordEnd: 1, text: 'Well, yesterday' });
    const end = planSpans(words, [edit(words, 10, 10, 'today')], 'yesterday he go to the school and buy some bread today');
    expect(end[0]).toMatchObject({ wordStart: 9, wordEnd: 10, text: 'bread today' });
  });

  it('merges edits whose spans touch or overlap', () => {
    const edits = [edit(words, 2, 3, 'went'), edit(words, 3, 3, 'back'), edit(words, 7, 8, 'bought')];
    const spans = planSpans(words, edits, 'yesterday he went back to the school and bought some bread');
    expect(spans.map((s) => [s.wordStart, s.wordEnd, s.text])).toEqual([
      [2, 4, 'went back to'],
      [7, 8, 'bought'],
    ]);
  });

  it('turns a deletion into a plain cut that also takes the following pause', () => {
    const spans = planSpans(words, [edit(words, 5, 6, '')], 'yesterday he go to the and buy some bread');
    expect(spans).toEqual([{ start: expect.closeTo(2.47), end: expect.closeTo(2.97), wordStart: 5, wordEnd: 6, original: 'school', text: '' }]);
  });

  it('takes the replacement words from the edits when the corrected text disagrees', () => {
    const spans = planSpans(words, [edit(words, 2, 3, 'went')], 'something else entirely');
    expect(spans[0].text).toBe('went');
  });

  it('ignores edits that change only case or punctuation', () => {
    const edits = [edit(words, 0, 1, 'Yesterday'), edit(words, 5, 6, 'school,'), edit(words, 9, 10, 'bread.')];
    expect(planSpans(words, edits, 'Yesterday he go to the school, and buy some bread.')).toEqual([]);
    const mixed = [edit(words, 0, 1, 'Yesterday'), edit(words, 2, 3, 'went')];
    expect(planSpans(words, mixed, 'Yesterday he went to the school and buy some bread').map((s) => s.text)).toEqual(['went']);
  });

  it('plans nothing without edits or without words', () => {
    expect(planSpans(words, [], words.map((w) => w.text).join(' '))).toEqual([]);
    expect(planSpans([], [{ start: 0, end: 0, wordStart: 0, wordEnd: 0, original: '', corrected: 'hi' }], 'hi')).toEqual([]);
  });
});

import { alignEdits, applyEdits } from '../../lambdas/grammar/alignment';

describe('alignEdits', () => {
  it('finds a replacement with character and word spans', () => {
    const edits = alignEdits('he go to school', 'he goes to school');
    expect(edits).toEqual([{ start: 3, end: 5, wordStart: 1, wordEnd: 2, original: 'go', corrected: 'goes' }]);
  });

  it('finds a pure insertion before a word', () => {
    const edits = alignEdits('I have car now', 'I have a car now');
    expect(edits).toEqual([{ start: 7, end: 7, wordStart: 2, wordEnd: 2, original: '', corrected: 'a' }]);
  });

  it('places an insertion after the last word at the end of the text', () => {
    expect(alignEdits('we are done', 'we are done now')).toEqual([{ start: 11, end: 11, wordStart: 3, wordEnd: 3, original: '', corrected: 'now' }]);
  });

  it('finds a deletion', () => {
    expect(alignEdits('we discuss about it', 'we discuss it')).toEqual([{ start: 11, end: 16, wordStart: 2, wordEnd: 3, original: 'about', corrected: '' }]);
  });

  it('treats punctuation and case changes as edits of the word they are attached to', () => {
    expect(alignEdits('yesterday i went home', 'Yesterday I went home.')).toEqual([
      { start: 0, end: 11, wordStart: 0, wordEnd: 2, original: 'yesterday i', corrected: 'Yesterday I' },
      { start: 17, end: 21, wordStart: 3, wordEnd: 4, original: 'home', corrected: 'home.' },
    ]);
  });

  it('keeps offsets exact across irregular whitespace', () => {
    const original = '  my  sister have\ta car ';
    const [edit] = alignEdits(original, 'my sister has a car');
    expect(original.slice(edit.start, edit.end)).toBe('have');
    expect(edit).toMatchObject({ wordStart: 2, wordEnd: 3, corrected: 'has' });
  });

  it('returns no edits for identical text', () => {
    expect(alignEdits('All good here.', 'All good here.')).toEqual([]);
  });

  it('produces sorted, non-overlapping edits that rebuild the correction', () => {
    const pairs: Array<[string, string]> = [
      ['there is many child in park', 'There are many children in the park.'],
      ['i think that that is is wrong', 'I think that is wrong.'],
      ['a b c d e', 'x b y z d'],
    ];
    for (const [a, b] of pairs) {
      const edits = alignEdits(a, b);
      for (let k = 1; k < edits.length; k++) {
        expect(edits[k].start).toBeGreaterThanOrEqual(edits[k - 1].end);
        expect(edits[k].wordStart).toBeGreaterThanOrEqual(edits[k - 1].wordEnd);
      }
      expect(applyEdits(a, edits)).toBe(b);
    }
  });
});

import {
  diffWords,
  displayStageOf,
  formatClock,
  formatDuration,
  formatEdits,
  formatTimings,
  highlightCorrections,
  progressLine,
} from '../../client/src/render';

describe('diffWords', () => {
  it('marks a replaced word between unchanged runs', () => {
    expect(diffWords('she go to school every day', 'she goes to school every day')).toEqual([
      { kind: 'same', text: 'she' },
      { kind: 'change', original: 'go', corrected: 'goes' },
      { kind: 'same', text: 'to school every day' },
    ]);
  });

  it('handles insertions, deletions and several changes', () => {
    expect(diffWords('I have a apple and and he are here', 'I have an apple and he is here')).toEqual([
      { kind: 'same', text: 'I have' },
      { kind: 'change', original: 'a', corrected: 'an' },
      { kind: 'same', text: 'apple and' },
      { kind: 'change', original: 'and', corrected: '' },
      { kind: 'same', text: 'he' },
      { kind: 'change', original: 'are', corrected: 'is' },
      { kind: 'same', text: 'here' },
    ]);
    expect(diffWords('he went store', 'he went to the store')).toEqual([
      { kind: 'same', text: 'he went' },
      { kind: 'change', original: '', corrected: 'to the' },
      { kind: 'same', text: 'store' },
    ]);
  });

  it('returns one unchanged run for identical text and nothing for empty text', () => {
    expect(diffWords('all  fine here', 'all fine here')).toEqual([{ kind: 'same', text: 'all fine here' }]);
    expect(diffWords('', '')).toEqual([]);
  });
});

describe('highlightCorrections', () => {
  it('uses [original → corrected] markup without colour', () => {
    expect(highlightCorrections('she go to school', 'she goes to school', { color: false })).toBe('she [go → goes] to school');
    expect(highlightCorrections('he went store', 'he went to store', { color: false })).toBe('he went [→ to] store');
    expect(highlightCorrections('the the end', 'the end', { color: false })).toBe('the [the →] end');
  });

  it('strikes the original in red and shows the correction in green with colour', () => {
    expect(highlightCorrections('she go home', 'she goes home', { color: true })).toBe('she \u001b[31;9mgo\u001b[0m \u001b[32mgoes\u001b[0m home');
  });
});

describe('formatting', () => {
  it('formats clock times, durations, edits and timings', () => {
    expect(formatClock(1.2)).toBe('0:01.20');
    expect(formatClock(75.456)).toBe('1:15.46');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(3420)).toBe('3.4 s');
    expect(formatEdits([{ start: 1.2, end: 1.45, original: 'go', corrected: 'goes' }, { start: 3, end: 3, original: '', corrected: 'the' }])).toEqual([
      '0:01.20–0:01.45  go → goes',
      '0:03.00–0:03.00  ∅ → the',
    ]);
    expect(formatTimings({ transcribe: 1200, correct: 40 })).toBe('transcribe 1.2 s · correct 40 ms');
  });

  it('maps every stage to what the progress display shows', () => {
    expect(displayStageOf('requesting-upload')).toBe('uploading');
    expect(displayStageOf('processing')).toBe('uploaded');
    expect(displayStageOf('correcting')).toBe('correcting');
    expect(displayStageOf('saved')).toBe('done');
    expect(displayStageOf('failed')).toBeUndefined();
  });

  it('draws the progress line with finished, current and pending stages', () => {
    expect(progressLine('correcting', 2345, { color: false })).toBe('✓ uploaded  ✓ transcribing  ▸ correcting  · synthesizing  · done  2.3 s');
    expect(progressLine('done', 5000, { color: false })).toBe('✓ uploaded  ✓ transcribing  ✓ correcting  ✓ synthesizing  ✓ done  5.0 s');
    expect(progressLine('uploading', 100, { color: false })).toBe('uploading… · uploaded  · transcribing  · correcting  · synthesizing  · done  0.1 s');
  });
});

import { formatCorrection, parseArgs } from '../../lambdas/grammar/cli';

describe('correct-text arguments', () => {
  it('reads --json and --language before the words of the text', () => {
    expect(parseArgs(['he', 'go'])).toEqual({ json: false, language: undefined, words: ['he', 'go'] });
    expect(parseArgs(['--language', 'en-GB', '--json', 'he', 'go'])).toEqual({ json: true, language: 'en-GB', words: ['he', 'go'] });
    expect(parseArgs(['--json'])).toEqual({ json: true, language: undefined, words: [] });
  });

  it('rejects an unknown option or a --language with no language code, saying how to call it', () => {
    expect(() => parseArgs(['--lang', 'en-GB', 'he'])).toThrow('unknown option --lang; usage: correct-text');
    expect(() => parseArgs(['--language', 'british', 'he'])).toThrow('--language needs a language code such as en-GB, not "british"');
    expect(() => parseArgs(['--language'])).toThrow('not ""');
  });
});

describe('correct-text output', () => {
  it('prints the corrected text, then each edit with its spans, or that nothing changed', () => {
    const edit = { start: 3, end: 5, wordStart: 1, wordEnd: 2, original: 'go', corrected: 'goes' };
    expect(formatCorrection({ corrected: 'he goes', edits: [edit] })).toBe('he goes\n  [3-5) words 1-2: "go" → "goes"');
    expect(formatCorrection({ corrected: 'He goes.', edits: [] })).toBe('He goes.\n  (no changes)');
  });
});

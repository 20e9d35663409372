import { chooseSpelling } from '../../lambdas/grammar/offline';

describe('chooseSpelling', () => {
  it('prefers a common word over a rarer closer-ranked one', () => {
    expect(chooseSpelling('docters', ['dockers', 'doctors', 'doters'])).toBe('doctors');
  });

  it('treats apostrophes as free ("dont" → "don\'t")', () => {
    expect(chooseSpelling('dont', ["don't", 'dent', 'don'])).toBe("don't");
  });

  it("keeps Harper's first choice when nothing is better", () => {
    expect(chooseSpelling('tecnologies', ['technologies'])).toBe('technologies');
  });

  it('prefers a plural to a possessive for a misspelt plural', () => {
    expect(chooseSpelling('problemes', ["problem's", 'problems', 'problem'])).toBe('problems');
    expect(chooseSpelling("problem's", ["problem's", 'problems'])).toBe("problem's");
  });

  it('prefers a very frequent word among equally close ones', () => {
    expect(chooseSpelling('wich', ['wish', 'which', 'wick'])).toBe('which');
    expect(chooseSpelling('woud', ['wood', 'word', 'would'])).toBe('would');
  });

  it('returns nothing without options', () => {
    expect(chooseSpelling('xyzzy', [])).toBeUndefined();
  });
});

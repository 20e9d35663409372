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

  it('returns nothing without options', () => {
    expect(chooseSpelling('xyzzy', [])).toBeUndefined();
  });
});

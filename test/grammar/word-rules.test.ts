import { bareWord, lc, setWord, wordRule, wordRulePass, type RuleSite, type Token } from '../../lambdas/grammar/rules/common';

const tokens = (text: string): Token[] => text.split(' ').map((word) => ({ pre: '', word, post: '', space: ' ' }));
const words = (out: Token[]): string => out.map((t) => t.word).join(' ');
const site = (all: Token[], i: number, out: Token[]): RuleSite => ({ tokens: all, i, out, t: all[i], w: lc(all[i]) });

describe('wordRulePass', () => {
  it('keeps tokens no rule starts from, and tokens whose rules leave them', () => {
    const pass = wordRulePass([wordRule('go', () => undefined)], site);
    expect(words(pass(tokens('we go home')))).toBe('we go home');
  });

  it('runs a word’s rules in order, each seeing the word as it was, until one deals with the token', () => {
    const seen: string[] = [];
    const pass = wordRulePass(
      [
        wordRule('did', ({ t, w }) => {
          seen.push(`first:${w}`);
          setWord(t, 'made');
        }),
        wordRule('did made', ({ i, out, t, w }) => {
          seen.push(`second:${w}`);
          out.push(t, bareWord('a'));
          return i;
        }),
        wordRule('did', ({ w }) => {
          seen.push(`third:${w}`);
        }),
      ],
      site,
    );
    expect(words(pass(tokens('I did mistake')))).toBe('I made a mistake');
    expect(seen).toEqual(['first:did', 'second:did']);
  });

  it('goes on after the last token a rule dealt with', () => {
    // "to" and the word after it are dealt with by the rule: the token after them is looked at next.
    const pass = wordRulePass([wordRule('to', ({ tokens: all, i, out }) => (out.push(all[i + 1]), i + 1)), wordRule('home', ({ t }) => setWord(t, 'HOME'))], site);
    expect(words(pass(tokens('go to home home')))).toBe('go home HOME');
  });

  it('starts rules from words matching a pattern or a test', () => {
    const pass = wordRulePass([wordRule(/-years-old$/, ({ t, w }) => setWord(t, w.replace('years', 'year'))), wordRule((w) => w.length > 8 && !w.includes('-'), ({ t }) => setWord(t, 'long'))], site);
    expect(words(pass(tokens('a ten-years-old daughter with wonderful manners')))).toBe('a ten-year-old daughter with long manners');
  });
});

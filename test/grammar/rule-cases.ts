import { applyRules } from '../../lambdas/grammar/rules';

/** [what the case shows, input, expected output, whether the text is written (punctuated)]. */
export type RuleCase = readonly [string, string, string, boolean];

/** One test a case: the rules turn the input into the expected text, and leave that text as it is. */
export function itAppliesRules(cases: readonly RuleCase[]): void {
  it.each(cases)('%s', (_what, input, expected, written) => {
    expect(applyRules(input, { written })).toBe(expected);
    expect(applyRules(expected, { written })).toBe(expected);
  });
}

import { corpusGleu, gleuFromStats, PythonRandom, sentenceStats } from '../../lambdas/grammar/bench/gleu';
import { detokenize, tokenize } from '../../lambdas/grammar/bench/ptb';

describe('GLEU', () => {
  it('draws references like CPython random.seed(n); randint(0, 3)', () => {
    // Values printed by CPython 3 for seeds 0 and 101.
    const draw = (seed: number) => {
      const r = new PythonRandom(seed);
      return Array.from({ length: 8 }, () => r.randbelow(4));
    };
    expect(draw(0)).toEqual([3, 3, 0, 2, 3, 3, 2, 3]);
    expect(draw(101)).toEqual([1, 2, 3, 0, 1, 1, 2, 3]);
  });

  it('scores a hypothesis equal to the reference at 100 and penalises kept source errors', () => {
    const src = 'yesterday he go to the big market with his two friend'.split(' ');
    const ref = 'yesterday he went to the big market with his two friends'.split(' ');
    expect(gleuFromStats(sentenceStats(ref, src, ref))).toBeCloseTo(1);
    const unchanged = gleuFromStats(sentenceStats(src, src, ref));
    const partial = gleuFromStats(sentenceStats('yesterday he went to the big market with his two friend'.split(' '), src, ref));
    expect(partial).toBeGreaterThan(unchanged);
  });

  it('averages over reference draws', () => {
    const src = ['a b c d e'];
    const refs = [['a b c d e'], ['a b x d e']];
    const same = corpusGleu(src, ['a b c d e'], refs, 50);
    expect(same).toBeGreaterThan(0);
    expect(same).toBeLessThan(100);
  });
});

describe('benchmark tokenisation', () => {
  it('round-trips tokenised lines', () => {
    for (const line of ['He does n\'t like it , I think .', 'It \'s ( maybe ) " true " ...', 'They were 4 of us , etc .', 'I \'m here !']) {
      expect(tokenize(detokenize(line))).toBe(line);
    }
  });

  it('detokenises for the engine', () => {
    expect(detokenize('He does n\'t like it , I think .')).toBe("He doesn't like it, I think.");
  });
});

import { readFileSync } from 'node:fs';
import { DEBIAN_LANGUAGE_MODEL, findLanguageModel } from '../../lambdas/grammar/language-model-file';
import { loadLanguageModel, parseLanguageModel, scoreSpan, type LanguageModel } from '../../lambdas/grammar/language-model';

// The US English trigram model of Debian's pocketsphinx-en-us (installed by .ci/run and the README's setup).
let lm: LanguageModel;
beforeAll(async () => {
  lm = await loadLanguageModel(DEBIAN_LANGUAGE_MODEL);
});

/** log10 probability of a whole lowercase sentence, with its start and end marks. */
const sentence = (text: string): number => {
  const ids = [lm.start, ...text.split(' ').map((w) => lm.id(w)), lm.end];
  return scoreSpan(lm, ids, 1, ids.length);
};

describe('language model (CMU Sphinx trie format)', () => {
  it('knows common words and its sentence marks, and not made-up ones', () => {
    expect(lm.id('the')).toBeGreaterThanOrEqual(0);
    expect(lm.id("don't")).toBeGreaterThanOrEqual(0);
    expect(lm.id('xqzvw')).toBe(-1);
    expect(lm.start).not.toBe(lm.end);
  });

  it('gives log10 probabilities that prefer fluent English', () => {
    expect(sentence('i have two books')).toBeGreaterThan(sentence('i have two book'));
    expect(sentence('he went to school yesterday')).toBeGreaterThan(sentence('he go to school yesterday'));
    expect(sentence('she needs a car')).toBeGreaterThan(sentence('she needs car'));
    // A probability: below zero, and for a common word not absurdly low.
    const the = lm.logProb(lm.id('the'), lm.start, -1);
    expect(the).toBeLessThan(0);
    expect(the).toBeGreaterThan(-3);
  });

  it('backs off to shorter histories for unseen trigrams', () => {
    const [w, h1, h2] = ['books', 'two', 'xylophones'].map((x) => lm.id(x));
    // No trigram "xylophones two books": the bigram probability plus the history's backoff, never above the bigram alone by much.
    const trigram = lm.logProb(w, h1, h2);
    const bigram = lm.logProb(w, h1, -1);
    expect(trigram).toBeLessThanOrEqual(bigram + 1);
    expect(trigram).toBeGreaterThan(bigram - 3);
  });

  it('scores a span as the sum of its words, skipping words the model lacks', () => {
    const ids = [lm.start, lm.id('we'), lm.id('xqzvw'), lm.id('like'), lm.id('it'), lm.end];
    const manual = lm.logProb(ids[1], lm.start, -1) + lm.logProb(ids[3], lm.start, -1) + lm.logProb(ids[4], ids[3], -1) + lm.logProb(lm.end, ids[4], ids[3]);
    expect(scoreSpan(lm, ids, 1, ids.length)).toBeCloseTo(manual, 10);
  });

  it('refuses what is not a trie model, other orders, and files cut short', () => {
    const bytes = readFileSync(DEBIAN_LANGUAGE_MODEL);
    expect(() => parseLanguageModel(Buffer.from('ARPA language model'), 'x.lm')).toThrow('x.lm: not a Sphinx trie language model');
    const bigram = Buffer.from(bytes.subarray(0, 64));
    bigram.writeUInt8(2, 'Trie Language Model'.length);
    expect(() => parseLanguageModel(bigram, 'x.lm')).toThrow('order 2 models are not supported');
    expect(() => parseLanguageModel(bytes.subarray(0, bytes.length - 1000), 'x.lm')).toThrow('x.lm: cut short');
  });
});

describe('findLanguageModel', () => {
  it('is off when told, refuses a named file that is missing, and takes one that exists', () => {
    expect(findLanguageModel({ GRAMMAR_LANGUAGE_MODEL: 'off' })).toBeUndefined();
    expect(() => findLanguageModel({ GRAMMAR_LANGUAGE_MODEL: '/nonexistent/lm.bin' })).toThrow('GRAMMAR_LANGUAGE_MODEL: no file at /nonexistent/lm.bin');
    expect(findLanguageModel({ GRAMMAR_LANGUAGE_MODEL: DEBIAN_LANGUAGE_MODEL })).toBe(DEBIAN_LANGUAGE_MODEL);
  });

  it("falls back to Debian's model when no bundle carries one", () => {
    expect(findLanguageModel({})).toBe(DEBIAN_LANGUAGE_MODEL);
  });
});

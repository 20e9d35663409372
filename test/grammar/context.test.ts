import { chooseByContext, joinByContext, KINDS, splitByContext, spellingByContext } from '../../lambdas/grammar/context';
import { DEBIAN_LANGUAGE_MODEL } from '../../lambdas/grammar/language-model-file';
import { loadLanguageModel, type LanguageModel } from '../../lambdas/grammar/language-model';

let lm: LanguageModel;
beforeAll(async () => {
  lm = await loadLanguageModel(DEBIAN_LANGUAGE_MODEL);
});

/**
 * A model over a tiny vocabulary in which every word has the same probability except the trigrams
 * and bigrams listed (log10 gains over that base), so a test sets exactly how much a variant gains.
 */
function fakeModel(boosts: Record<string, number>): LanguageModel {
  const words = ['<s>', '</s>', 'we', 'need', 'car', 'cars', 'a', 'the', 'two', 'book', 'books', 'will', 'go', 'went'];
  const at = (id: number): string => (id < 0 ? '' : words[id]);
  return {
    start: 0,
    end: 1,
    id: (w) => words.indexOf(w),
    logProb: (w, h1, h2) => -2 + (boosts[`${at(h2)} ${at(h1)} ${at(w)}`] ?? boosts[`${at(h1)} ${at(w)}`] ?? 0),
  };
}

/** Each sentence comes back from the real model's choices as it went in. */
const expectUnchanged = (sentences: readonly string[]): void => {
  for (const s of sentences) expect(chooseByContext(lm, s)).toBe(s);
};

describe('chooseByContext (real model)', () => {
  const cases: [string, string][] = [
    ['They want to understand certain thing in life.', 'They want to understand certain things in life.'],
    ['She also need car to go to work.', 'She also need a car to go to work.'],
    ['First, they have spend many times on it.', 'First, they have spent many times on it.'],
    ['They were all that times under the man.', 'They were all that time under the man.'],
  ];
  it.each(cases)('%s', (before, after) => {
    expect(chooseByContext(lm, before)).toBe(after);
  });

  it("adds an article before a preposition's object the lexicon takes for a verb or an adjective", () => {
    expect(chooseByContext(lm, 'Things may change in future.')).toBe('Things may change in the future.');
    expect(chooseByContext(lm, 'She was nervous before the start of interview.')).toBe('She was nervous before the start of the interview.');
    // Not when the word does not close its phrase, nor before a participle or a mass noun.
    expectUnchanged(['We talked about future plans.', 'It would result in fragmented compatibility.', 'It works in theory and in practice.', 'She is good at design.']);
  });

  it("reads words compromise's lexicon lacks as nouns unless they end like another class", () => {
    expect(chooseByContext(lm, 'I watched video about it.')).toBe('I watched a video about it.');
    expect(chooseByContext(lm, 'He told me truth.')).toBe('He told me the truth.');
    expect(chooseByContext(lm, 'They read every paragraphs carefully.')).toBe('They read every paragraph carefully.');
    // Not words ending like adjectives, nor a noun phrase with a determiner already, nor a plural modifying a noun.
    expectUnchanged([
      'This is a beautiful painting.',
      'It is troublesome for users.',
      'Read the reading passage again.',
      'The alternative reading passage argues otherwise.',
      'We discussed the same resource again.',
      'Pass an options object to the constructor.',
    ]);
  });

  it('replaces a commonly confused word by a wide margin', () => {
    expect(chooseByContext(lm, 'I sad yes.')).toBe('I said yes.');
    expect(chooseByContext(lm, 'It is better then nothing.')).toBe('It is better than nothing.');
    expect(chooseByContext(lm, 'Only by braking out of it can we grow.')).toBe('Only by breaking out of it can we grow.');
    expect(chooseByContext(lm, 'Many heart decease patients need care.')).toBe('Many heart disease patients need care.');
    expect(chooseByContext(lm, 'They end up loosing the money.')).toBe('They end up losing the money.');
    expect(chooseByContext(lm, 'They want to rise the prices.')).toBe('They want to raise the prices.');
    expect(chooseByContext(lm, 'Please brake the glass.')).toBe('Please break the glass.');
    expectUnchanged(['We went there and then came back.', 'The bolt is loose.', 'Where were you?', 'It will affect everyone.', 'I advise you to go.', 'She felt that he fell.', 'We will see the sea.', 'Prices rise every year.', 'Take a deep breath.', 'He taught us English.', 'It was hard work.']);
  });

  it("finds a verb's auxiliary across an adverb or a negation, contracted or not", () => {
    expect(chooseByContext(lm, 'She could even began to sing.')).toBe('She could even begin to sing.');
    expect(chooseByContext(lm, 'He did not went home.')).toBe('He did not go home.');
    expect(chooseByContext(lm, "We haven't spend any money.")).toBe("We haven't spent any money.");
    expect(chooseByContext(lm, "It's suppose to work.")).toBe("It's supposed to work.");
    expectUnchanged(['We will not go.', 'You can always ask.', 'He has never seen it.', 'It is not working.', 'I did not notice.', 'What they do matters.', "He's finished it.", "It's raining."]);
  });

  it('makes a verb with an object after a preposition a gerund', () => {
    expect(chooseByContext(lm, "Don't think before make a choice.")).toBe("Don't think before making a choice.");
    expect(chooseByContext(lm, 'She is interested in learn the language.')).toBe('She is interested in learning the language.');
    expectUnchanged(['At work the rules are different.', 'In short the plan failed.', 'By design the system is simple.', 'In case this fails, retry.']);
  });

  it('leaves correct sentences alone', () => {
    expectUnchanged(['I have two books and a car.', 'The children played in the park yesterday.', 'We will go to the market tomorrow.']);
  });

  it('leaves compounds, code-like words, lists and verbs that look like plurals alone', () => {
    expectUnchanged([
      'It is responsible for generating 32-bit floating point numbers.',
      'It exposes a set of event emitters and helpers.',
      'They got names like thief, robber, criminal, and worse.',
      'Use a specific encoding; this matches the convention.',
      'It can lead to unexpected behavior.',
      // A singular subject of a verb that agrees with it stays singular.
      'Example below uses the default.',
      'There was no decrease in car travel.',
    ]);
  });

  it('is idempotent', () => {
    for (const s of ['She also need car to go to work.', 'they have spend many times on it']) {
      const once = chooseByContext(lm, s);
      expect(chooseByContext(lm, once)).toBe(once);
    }
  });
});

describe('chooseByContext (margins)', () => {
  it("takes a variant only when it gains more than its kind's margin", () => {
    // "need car" → "need a car" gains on "need a" and "a car", minus the lost "need car".
    const gainOf = (boost: number) => fakeModel({ 'need a': boost, 'a car': boost });
    // Inserting "a" adds a word (-2 for it at the base), so the two boosts must beat 2 plus the margin.
    expect(chooseByContext(gainOf((2 + KINDS.article - 0.1) / 2), 'we need car')).toBe('we need car');
    expect(chooseByContext(gainOf((2 + KINDS.article + 0.1) / 2), 'we need car')).toBe('we need a car');
  });

  it('keeps the case of the first letter when it changes the first word', () => {
    expect(chooseByContext(fakeModel({ '<s> a': 3, 'a car': 3 }), 'Car we need')).toBe('A car we need');
  });

  it('proposes a verb form only where grammar leaves it open (after a modal here)', () => {
    const lm = fakeModel({ 'will go': 5, 'we went': 5 });
    expect(chooseByContext(lm, 'we will went')).toBe('we will go');
    // "we go" → "we went" would gain as much, but tense after a subject is not this module's to choose.
    expect(chooseByContext(lm, 'we go')).toBe('we go');
  });

  it('makes a noun plural only by its margin, and never after a determiner of one', () => {
    const lm = fakeModel({ 'two books': KINDS.number + 0.5 });
    expect(chooseByContext(lm, 'we need two book')).toBe('we need two books');
    expect(chooseByContext(fakeModel({ 'a books': 9 }), 'we need a book')).toBe('we need a book');
  });
});

describe('spellingByContext', () => {
  const choose = (sentence: string, word: string, options: [string, number][], fallback: string): string => {
    const start = sentence.indexOf(word);
    return spellingByContext(lm)(
      options.map(([w, score]) => ({ word: w, score })),
      sentence,
      start,
      start + word.length,
      fallback,
    );
  };

  it('picks the alternative its neighbours make likelier', () => {
    expect(choose('we walked throught the park', 'throught', [['thought', 1], ['through', 1.2]], 'thought')).toBe('through');
    expect(choose('i throught it was fine', 'throught', [['thought', 1], ['through', 1.2]], 'thought')).toBe('thought');
  });

  it('keeps the pick by class when the model cannot judge it or the context barely differs', () => {
    expect(choose('the qwzx is here', 'qwzx', [['xqzvw', 1], ['the', 1.5]], 'xqzvw')).toBe('xqzvw');
    // "heroes" is commoner than "zeros", which the spelling score has counted already.
    expect(choose('missing pieces are replaced with zeroes', 'zeroes', [['zeros', 7.3], ['heroes', 9.5]], 'zeros')).toBe('zeros');
  });
});

describe('joinByContext', () => {
  /** Whether the model joins the bracketed pair of words in their sentence. */
  const joins = (marked: string): boolean => {
    const [, before, head, tail] = /^(.*)\[(\S+) (\S+)\]/.exec(marked)!;
    return joinByContext(lm)(marked.replace(/[[\]]/g, ''), before.length, before.length + head.length + 1 + tail.length, head + tail);
  };

  it('joins two words only where the sentence reads better with them joined', () => {
    for (const s of ['I do my [home work] every day', 'I use [head phones] when I study', 'safety in the [work place] is important', '[every one] likes it']) expect(joins(s)).toBe(true);
    for (const s of ['the [red one] or the blue one', 'The people upstairs moved [out last] week.', '[every one] of them']) expect(joins(s)).toBe(false);
  });

  it('keeps them apart when it does not know the joined word, or the span is not two words', () => {
    expect(joins('take the [trash cans] out')).toBe(false);
    expect(joinByContext(lm)('I do my home work', 3, 17, 'myhomework')).toBe(false);
  });
});

describe('splitByContext', () => {
  it('takes a run-on apart only into words that go together', () => {
    const splits = splitByContext(lm);
    for (const [head, tail] of [['a', 'lot'], ['in', 'fact'], ['of', 'course'], ['as', 'well'], ['old', 'age']]) expect(splits(head, tail)).toBe(true);
    for (const [head, tail] of [['make', 'file'], ['get', 'text'], ['no', 'cache'], ['auto', 'tools'], ['car', 'bones']]) expect(splits(head, tail)).toBe(false);
    expect(splits('qwzx', 'lot')).toBe(false);
  });
});

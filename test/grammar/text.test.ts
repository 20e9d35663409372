import { sentences, words } from '../../lambdas/grammar/text';

const texts = (text: string): string[] => sentences(text).map((s) => s.text);

describe('sentences', () => {
  it('splits after . ! ? and closing quotes, keeping offsets into the text', () => {
    const text = 'We left. Did you? "Yes!" she said.';
    expect(texts(text)).toEqual(['We left.', 'Did you?', '"Yes!"', 'she said.']);
    for (const s of sentences(text)) expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });

  it('does not split after initials and abbreviations, dotted ones included', () => {
    expect(texts('Mr. Smith and J. Doe came. They left.')).toEqual(['Mr. Smith and J. Doe came.', 'They left.']);
    expect(texts('the U.S. are big and e.g. Texas is. So is i.e. this.')).toEqual(['the U.S. are big and e.g. Texas is.', 'So is i.e. this.']);
    expect(texts('we met at 5 p.m. and left')).toEqual(['we met at 5 p.m. and left']);
    expect(texts('he has a Ph.D. and she has an M.Sc. now')).toEqual(['he has a Ph.D. and she has an M.Sc. now']);
  });

  it('splits at a blank line, and at every line break of a text with no sentence punctuation', () => {
    expect(texts('he go to school\nthere is many problem')).toEqual(['he go to school', 'there is many problem']);
    expect(texts('Notes\n\nwe left early')).toEqual(['Notes', 'we left early']);
    expect(texts('A title\n \nWe went to the\nstore. It was closed.')).toEqual(['A title', 'We went to the\nstore.', 'It was closed.']);
  });

  it('keeps an unpunctuated transcript as one sentence', () => {
    expect(texts('  so i went there and it was good  ')).toEqual(['so i went there and it was good']);
  });
});

describe('words', () => {
  it('are whitespace-separated tokens with punctuation attached', () => {
    expect(words(' he go,  home.')).toEqual([
      { text: 'he', start: 1, end: 3 },
      { text: 'go,', start: 4, end: 7 },
      { text: 'home.', start: 9, end: 14 },
    ]);
  });
});

import { alternatives, correctSpelling, editDistance, inContext, inDialect, isKnownWord, suggest } from '../../lambdas/grammar/spelling';
import { dialectOf } from '../../lambdas/grammar/dialect';
import { WORD_LIST_FILES } from '../../lambdas/grammar/word-lists';
import { existsSync } from 'node:fs';

describe('editDistance (optimal string alignment)', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions once each', () => {
    expect(editDistance('teh', 'the')).toBe(1);
    expect(editDistance('wich', 'which')).toBe(1);
    expect(editDistance('docters', 'doctors')).toBe(1);
    expect(editDistance('tecnologies', 'technologies')).toBe(1);
    expect(editDistance('seperatley', 'separately')).toBe(2);
    expect(editDistance('abc', 'abc')).toBe(0);
  });

  it('gives up past the bound', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('a', 'abcd', 2)).toBe(3);
  });
});

describe('isKnownWord', () => {
  it('knows dictionary words in any case, contractions and common names', () => {
    for (const w of ['school', 'Technologies', "don't", 'don’t', 'etc', 'Diana', 'India']) expect(isKnownWord(w)).toBe(true);
  });

  it('does not know misspellings', () => {
    for (const w of ['docters', 'becouse', 'tecnologies', 'preffer']) expect(isKnownWord(w)).toBe(false);
  });
});

describe('suggest', () => {
  it.each([
    ['one edit beats two, then the commoner word wins', 'docters', 'doctors'],
    ['…', 'becouse', 'because'],
    ['…', 'tecnologies', 'technologies'],
    ['…', 'preffer', 'prefer'],
    ['…', 'poeple', 'people'],
    ['a doubled letter is a slip', 'developped', 'developed'],
    ['a dropped final "e" is a slip', 'creat', 'create'],
    ['a left-out letter is likelier than a wrong one', 'reqired', 'required'],
    ['…', 'baed', 'based'],
    ['…', 'oher', 'other'],
    ['…', 'studing', 'studying'],
    ['swapped first letters keep the first-letter bonus', 'hte', 'the'],
    ['swapped last letters keep the last letter and inflection', 'thoes', 'those'],
    ['…', 'cannto', 'cannot'],
    ['…', 'thife', 'thief'],
    ['an irregular verb gets its own past', 'choosed', 'chose'],
    ['…', 'teached', 'taught'],
    ['a regularised participle whose past is not it', 'borned', 'born'],
    ['a regularised irregular plural', 'childs', 'children'],
    ['…', 'buyed', 'bought'],
    ['the inflection is kept', 'succeded', 'succeeded'],
    ['two edits away', 'seperatley', 'separately'],
    ['…', 'siences', 'sciences'],
    ['three edits for a long word', 'imidiatly', 'immediately'],
    ['…', 'cigarrets', 'cigarettes'],
    ['an apostrophe restored', 'dont', "don't"],
    ['a day word is possessive, having no plural', 'todays', "today's"],
    ['a name capitalised', 'english', 'English'],
    ['…', 'monday', 'Monday'],
    ['a rare name one slip from a far commoner word is that word', 'tha', 'that'],
    ['a British -ise or -yse is the American -ize or -yze', 'theorise', 'theorize'],
    ['…', 'organisation', 'organization'],
    ['…', 'analysed', 'analyzed'],
    ['a regular plural', 'familys', 'families'],
    ['a run-on of two common words', 'alot', 'a lot'],
    ['…', 'inorder', 'in order'],
    ['a run-on of three', 'waythismakes', 'way this makes'],
    ['nothing close', 'xqzvbnm', undefined],
    ['…', 'zzq', undefined],
    ['nothing close enough for three edits', 'qwxtzkpl', undefined],
  ])('%s: %s', (_what, word, expected) => {
    expect(suggest(word)).toBe(expected);
  });
});

describe('correctSpelling', () => {
  it('replaces misspelt words in place and keeps everything else byte for byte', () => {
    expect(correctSpelling('The docters said, becouse of the rain, "stay home".')).toBe('The doctors said, because of the rain, "stay home".');
  });

  it('keeps a capital at the start of a sentence', () => {
    expect(correctSpelling('Becouse it rains')).toBe('Because it rains');
  });

  it('leaves a capitalised word inside a sentence alone, as a name, even one slip from a common word', () => {
    for (const text of ['I bought it at Primark.', 'It shows Diana Krall wearing a Rolex watch.', 'It was written by Douglas Boling and Per Bothner.', 'In today Compuer skill is first.']) {
      expect(correctSpelling(text)).toBe(text);
    }
  });

  it('corrects the sentence\'s first word, unless a capitalised word follows it as in a name', () => {
    expect(correctSpelling('Goverments agree.')).toBe('Governments agree.');
    expect(correctSpelling('Helo I am Anna.')).toBe('Hello I am Anna.');
    expect(correctSpelling('Covent Garden is busy.')).toBe('Covent Garden is busy.');
  });

  it('leaves names, abbreviations, words next to digits and addresses alone', () => {
    const text = 'I met Krall and NASA staff at 5pm, see example.com/abcdx or mail jo@abcdx.org';
    expect(correctSpelling(text)).toBe(text);
  });

  it('leaves host and file names, words with no vowel, and words with letters beyond English\'s alone', () => {
    for (const text of [
      'visit www.example.org or https://example.com today',
      'run npm install and ls the cwd',
      'il va à l’école, Zoë said, with a typeset ﬁne ﬂower',
      'e\u0301cole is a word with a combining accent',
    ]) {
      expect(correctSpelling(text)).toBe(text);
    }
  });

  it('leaves parts of code names alone: joined by colons, called with a bracket, or short and hyphenated', () => {
    const text = 'B::func and stat(2) and util-linux and the pre-built --pid option';
    expect(correctSpelling(text)).toBe(text);
    expect(correctSpelling('a new-fasion thing')).toBe('a new-fashion thing');
  });

  it('knows the computing words people write about their work, and never suggests them', () => {
    const text = 'the boolean config in json, the async runtime and its unicode charset, the inode and the makefile';
    expect(correctSpelling(text)).toBe(text);
    expect(correctSpelling('we went to the sinc')).not.toMatch(/async/);
  });

  it('leaves a longer word another dictionary knows, but still respells a British word and mends short ones', () => {
    const asked: string[] = [];
    const knows = (w: string): boolean => {
      asked.push(w);
      return true;
    };
    expect(correctSpelling('extract the tarbal with gzipp', { knows })).toBe('extract the tarbal with gzipp');
    expect(correctSpelling('a colourful world and a yong man', { knows })).toBe('a colorful world and a young man');
    expect(asked).toEqual(['tarbal', 'gzipp']);
    expect(correctSpelling('extract the tarbal', { knows: () => false })).not.toBe('extract the tarbal');
  });

  it('splits a run-on in two only where the pair reads as words run together', () => {
    const splits = (head: string, tail: string): boolean => `${head} ${tail}` === 'a lot';
    expect(correctSpelling('I like it alot', { splits })).toBe('I like it a lot');
    expect(correctSpelling('I like it alot', { splits: () => false })).toBe('I like it alot');
  });

  it('reads a word after a first name as a surname unless it is near a common word', () => {
    expect(correctSpelling('it features diana krall wearing a watch')).toBe('it features Diana krall wearing a watch');
    expect(correctSpelling('mary recieve a letter')).toBe('Mary receive a letter');
  });

  it('leaves a run of letters longer than any word alone, and says so at once', () => {
    const run = 'x'.repeat(5000);
    expect(correctSpelling(`he wrote ${run} on the wall`)).toBe(`he wrote ${run} on the wall`);
    expect(correctSpelling('he wrote abcdefghijklmnopqrstuvwxyzabcdefgh')).toBe('he wrote abcdefghijklmnopqrstuvwxyzabcdefgh');
  });

  it('leaves abbreviations typed in lowercase, newer words, "eco" and "don\'ts" alone', () => {
    const text = "we watched tv in the usa, bought a dvd and an app for the wifi, eco products and learned the dos and don'ts";
    expect(correctSpelling(text)).toBe(text);
  });

  it('leaves everyday words and services of speech the lists lack alone: "tech", "keto", "mri", "venmo", "doordash"', () => {
    const text = 'she works in tech, is on a keto diet, had an mri, paid with venmo, ordered from doordash and read an ebook on netflix';
    expect(correctSpelling(text)).toBe(text);
  });

  it('writes a British past in -t as the American past, not the present', () => {
    expect(correctSpelling('we learnt it and dreamt of it')).toBe('we learned it and dreamed of it');
  });

  it('does not drop a prefix to reach a word: that changes the meaning', () => {
    expect(correctSpelling('an unmeaningful job')).toBe('an unmeaningful job');
    expect(correctSpelling('it reimplements the loop')).toBe('it reimplements the loop');
    expect(correctSpelling('he knows his habilities')).toBe('he knows his abilities');
    expect(correctSpelling('an unmeaningfull job')).not.toBe('an meaningful job');
  });

  it('gives a suggestion known mostly as a name its capital at once, as a second pass would', () => {
    const once = correctSpelling('with this option, jsesc output is safe');
    expect(correctSpelling(once)).toBe(once);
  });

  it('is a no-op on its own output', () => {
    const once = correctSpelling('i dont beleive that alot of poeple preffer it');
    expect(once).toBe("i don't believe that a lot of people prefer it");
    expect(correctSpelling(once)).toBe(once);
  });
});

describe('weekdays, months and plurals of mass nouns', () => {
  it('spells a weekday or a month after a word that dates, with its capital', () => {
    expect(correctSpelling('we met on wensday and again in febuary and in juni')).toBe('we met on Wednesday and again in February and in June');
    expect(correctSpelling('see you on thrusday or on saterday')).toBe('see you on Thursday or on Saturday');
  });

  it('leaves other words to the usual candidates ("juise" is "juice", "monay" "money")', () => {
    expect(correctSpelling('a bottle of juise and some monay')).toBe('a bottle of juice and some money');
  });

  it('takes the plural off a mass noun: "a lot of funs"', () => {
    expect(correctSpelling('we had a lot of funs')).toBe('we had a lot of fun');
  });
});

describe('spelling varieties', () => {
  it('knows a British or Australian text\'s own spellings, and respells them only in an American one', () => {
    const text = 'the colour of the theatre made me realise it';
    expect(correctSpelling(text, { dialect: 'british' })).toBe(text);
    expect(correctSpelling(text, { dialect: 'australian' })).toBe(text);
    expect(correctSpelling(text)).toBe('the color of the theater made me realize it');
  });

  it('spells the words a correction brought in as the variety does, leaving the words that were said', () => {
    expect(inDialect('we travel to the centre', 'We traveled to the centre', 'british')).toBe('We travelled to the centre');
    expect(inDialect('the colur', 'the color', 'british')).toBe('the colour');
    expect(inDialect('Color me', 'Color me.', 'british')).toBe('Color me.');
    expect(inDialect('we travel', 'We traveled', 'american')).toBe('We traveled');
    // Words both varieties use are never respelled ("meter", "practice", "program").
    expect(inDialect('x', 'the meter and the practice program', 'british')).toBe('the meter and the practice program');
  });

  it('maps a language to its variety: British for en-GB and its neighbours, American by default', () => {
    expect(['en-GB', 'en-IE', 'en-IN', 'en-NZ', 'en-ZA', 'en-AU', 'en-US', undefined, 'fr-FR'].map(dialectOf)).toEqual(['british', 'british', 'british', 'british', 'british', 'australian', 'american', 'american', 'american']);
  });
});

describe('word lists', () => {
  it('are all present where the Lambda bundle copies them from', () => {
    for (const file of WORD_LIST_FILES) expect(existsSync(file)).toBe(true);
  });
});

describe('correctSpelling joins fragments', () => {
  it('joins an unknown fragment with the word after or before it when that makes a common word', () => {
    expect(correctSpelling('which is usually un known for them')).toBe('which is usually unknown for them');
    expect(correctSpelling('the you ng passes it')).toBe('the young passes it');
  });

  it('neither suggests nor splits off a word with no vowel, an abbreviation ("ms", "ls")', () => {
    expect(correctSpelling('similar to endotherms')).toBe('similar to endotherms');
    expect(suggest('endotherms')).toBeUndefined();
  });

  it('does not join two known words', () => {
    expect(correctSpelling('I can not go')).toBe('I can not go');
  });
});

describe('the sentence chooses among close candidates', () => {
  it('keeps the close rivals of the best candidate, best first', () => {
    expect(alternatives('develope')[0]).toBe(suggest('develope'));
    expect(alternatives('develope')).toContain('develop');
    expect(alternatives('dont')).toEqual(["don't"]);
  });

  it('takes a base verb after "to" or a modal when the best cannot follow it', () => {
    expect(correctSpelling('the city will develope')).toBe('the city will develop');
    expect(correctSpelling('why not to focuse on it')).toBe('why not to focus on it');
  });

  it('takes no determiner or preposition after a subject pronoun that is never an object', () => {
    expect(inContext(['much', 'match'], 'we')).toBe('match');
    expect(inContext(['the', 'them'], 'you')).toBe('the');
  });

  it('keeps the best when it fits, is unknown to the lexicon, or no rival is known to fit', () => {
    expect(inContext(['taste', 'toast', 'test'], 'its')).toBe('taste');
    expect(inContext(['also', 'allow'], 'will')).toBe('also');
    expect(inContext(['rains', 'raids'], 'should')).toBe('rains');
    expect(inContext(['focused', 'focus'], '')).toBe('focused');
  });
});

describe('two-letter words', () => {
  it('are not guessed at: most are abbreviations ("fs", "ws", "hg", "mp"), each one edit from dozens of words', () => {
    for (const w of ['fs', 'ws', 'hg', 'mp']) expect(suggest(w)).toBeUndefined();
    expect(correctSpelling('the fs module, a ws server and an mp 3 player')).toBe('the fs module, a ws server and an mp 3 player');
  });

  it('still get their apostrophe back', () => {
    expect(suggest('im')).toBe("i'm");
  });
});

describe('run-on splits', () => {
  it('make no two-letter part of an interjection ("er", "yo", "ya"), only of a word like "in" or "do"', () => {
    expect(suggest('useragent')).not.toBe('us er agent');
    expect(suggest('eragent')).not.toBe('er agent');
    expect(suggest('inorder')).toBe('in order');
  });

  it('may double the letter where the words meet', () => {
    expect(suggest('ittis')).toBe('it is');
  });

  it('make no part of a contraction stem the lexicon knows only as a name ("don" of don\'t), but of "can" and "won"', () => {
    expect(suggest('donknow')).not.toBe('don know');
    expect(suggest('dontime')).toBe('downtime');
    expect(suggest('canbe')).toBe('can be');
    expect(suggest('wonthe')).toBe('won the');
  });
});

describe('rare words one edit away', () => {
  it('leaves a word alone that inflects or derives from a long rare word, rather than reach a common word further off', () => {
    for (const w of ['checksums', 'subsegments', 'lowercased', 'oversized']) expect(suggest(w)).toBeUndefined();
    expect(correctSpelling('an oversized box')).toBe('an oversized box');
  });

  it('restores the letter left out of a long rare word', () => {
    expect(suggest('chcksum')).toBe('checksum');
    expect(suggest('subsegmnt')).toBe('subsegment');
  });
});

describe('sound-alike consonants', () => {
  it('take a voiced or voiceless twin (b/p, d/t, g/k, f/v, s/z) over another letter', () => {
    expect(suggest('pesides')).toBe('besides');
    expect(suggest('vamily')).toBe('family');
    const ranked = alternatives('gind');
    expect(ranked.indexOf('kind')).toBeLessThan(ranked.indexOf('find'));
  });
});

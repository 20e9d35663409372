import { applyEdits } from '../../lambdas/grammar/alignment';
import { createOfflineCorrector } from '../../lambdas/grammar/offline';

// harper.js exposes only an "import" condition, which jest's CommonJS resolver cannot follow.
jest.mock('harper.js', () => jest.requireActual('../../node_modules/harper.js/dist/index.js'), { virtual: true });
jest.setTimeout(300_000);

describe('offline corrector', () => {
  it('corrects a lowercase unpunctuated transcript', async () => {
    const corrector = await createOfflineCorrector();
    const { corrected, edits } = await corrector.correct('yesterday i go to the market and buy two book');
    expect(corrected).toBe('Yesterday I went to the market and bought two books');
    expect(applyEdits('yesterday i go to the market and buy two book', edits)).toBe(corrected);
  });

  it('corrects punctuated text sentence by sentence', async () => {
    const corrector = await createOfflineCorrector();
    const { corrected } = await corrector.correct('My sister have a car. There is many child in the park.');
    expect(corrected).toBe('My sister has a car. There are many children in the park.');
  });

  it('corrects each line of an unpunctuated text as its own sentence, and keeps the line breaks', async () => {
    const corrector = await createOfflineCorrector();
    const text = 'he go to school\nthere is many problem';
    const { corrected, edits } = await corrector.correct(text);
    expect(corrected).toBe('He goes to school\nThere are many problems');
    // The edits are word-level: applying them gives the corrected words (whitespace is the original's).
    expect(applyEdits(text, edits)).toBe('He goes to school There are many problems');
  });

  it('leaves "than" after an earlier comparison, and words of everyday speech the lists lack', async () => {
    const corrector = await createOfflineCorrector();
    for (const text of ['I usually study better in the morning than at night.', 'The cafe on the corner does great sandwiches.']) {
      expect((await corrector.correct(text)).corrected).toBe(text);
    }
    expect((await corrector.correct('it is more expensive then the other one')).corrected).toBe('It is more expensive than the other one');
  });

  it("keeps a British or Australian speaker's spelling, and spells what it changes their way", async () => {
    const corrector = await createOfflineCorrector();
    const british = async (text: string) => (await corrector.correct(text, { language: 'en-GB' })).corrected;
    expect(await british('I realise the colour of the theatre was grey.')).toBe('I realise the colour of the theatre was grey.');
    expect(await british('yesterday we travel to the city centre')).toBe('Yesterday we travelled to the city centre');
    expect(await british('my favourit colur is blue')).toBe('My favourite colour is blue');
    expect(await british('Yesterday we travelled to the city centre')).toBe('Yesterday we travelled to the city centre');
    // The rules know American spelling: a British sentence is corrected as well as its American twin.
    expect(await british('my neighbour cook dinner and my favourite colours is red')).toBe('My neighbour cooks dinner and my favourite colours are red');
    expect((await corrector.correct('Last night we cancel the party.', { language: 'en-AU' })).corrected).toBe('Last night we cancelled the party.');
    // A word the speaker said is theirs to spell, even an American spelling in a British text.
    expect(await british('My favorite color is blue.')).toBe('My favorite color is blue.');
  });

  it('leaves British usage alone in a British transcript: a team that are playing, a fortnight, "whilst"', async () => {
    const corrector = await createOfflineCorrector();
    for (const text of ['the team are playing really well this season', "He's been off sick for a fortnight.", 'Whilst I was waiting, I read the paper.', 'Have you got any plans for the weekend?']) {
      expect((await corrector.correct(text, { language: 'en-GB' })).corrected.toLowerCase().replace(/\.$/, '')).toBe(text.toLowerCase().replace(/\.$/, ''));
    }
  });

  it('writes American spelling for en-US or no language', async () => {
    const corrector = await createOfflineCorrector();
    for (const options of [undefined, { language: 'en-US' }]) {
      expect((await corrector.correct('yesterday we travel to the city centre', options)).corrected).toBe('Yesterday we traveled to the city center');
    }
  });

  it("makes Harper's joins of two words only where the language model reads them joined", async () => {
    const corrector = await createOfflineCorrector();
    expect((await corrector.correct('I do my home work every day.')).corrected).toBe('I do my homework every day.');
    for (const text of ['Which one do you like better, the red one or the blue one?', 'The people upstairs moved out last week.', 'Is it your turn to take the trash cans out?']) {
      expect((await corrector.correct(text)).corrected).toBe(text);
    }
  });

  it('leaves correct text alone', async () => {
    const corrector = await createOfflineCorrector();
    const text = 'My sister has two cars. We went to the market yesterday.';
    expect(await corrector.correct(text)).toEqual({ corrected: text, edits: [] });
  });

  it('keeps the verb of two people joined by "and", and makes one person\'s agree', async () => {
    const corrector = await createOfflineCorrector();
    for (const text of ['My sister and my brother work in a bank.', 'Both my sister and my brother work in a bank.', 'Me and my friend are going to the cinema.', 'My sister and her husband are doctors.', 'The bus and the train both stop here.', 'The bread and the milk are in the fridge.', 'Where do you and your sister live?']) {
      expect((await corrector.correct(text)).corrected).toBe(text);
    }
    expect((await corrector.correct('My brother work in a bank.')).corrected).toBe('My brother works in a bank.');
  });

  it('leaves "all of the" as said (not wrong, only longer), an office\'s "by end of day", "10 a.m." and "5 min"', async () => {
    const corrector = await createOfflineCorrector();
    for (const text of ['All of the students passed the exam.', 'The client wants the report by end of day.', 'The meeting is on March 3rd at 10 a.m.', "I'll be there in 5 min."]) {
      expect((await corrector.correct(text)).corrected).toBe(text);
    }
  });

  it('is idempotent', async () => {
    const corrector = await createOfflineCorrector();
    for (const text of ['he go to school', 'my friends has many book and they is happy', 'i didnt went there last week']) {
      const once = (await corrector.correct(text)).corrected;
      expect((await corrector.correct(once)).corrected).toBe(once);
    }
  });

  it('takes a long stutter down to one word, and correcting that again changes nothing', async () => {
    const corrector = await createOfflineCorrector();
    const once = (await corrector.correct(`he go to school ${'very '.repeat(40)}often`)).corrected;
    expect(once).toBe('He goes to school very often');
    expect((await corrector.correct(once)).corrected).toBe(once);
  });

  it('corrects text typed with curly apostrophes as it does straight ones, in the writer\'s style', async () => {
    const corrector = await createOfflineCorrector();
    expect((await corrector.correct('he don’t like it')).corrected).toBe('He doesn’t like it');
    expect((await corrector.correct('they doesn’t know it’s late')).corrected).toBe('They don’t know it’s late');
    // Mixed styles are left as typed.
    expect((await corrector.correct("he don't know it’s late")).corrected).toBe("He doesn't know it’s late");
  });

  it("leaves words Harper's dictionary knows, and corrects learners' misspellings", async () => {
    const corrector = await createOfflineCorrector();
    const text = 'The tarball has symlinks, and the changelog lists the segfaults in our autotools scripts.';
    expect((await corrector.correct(text)).corrected).toBe(text);
    expect((await corrector.correct('I beleive the goverment.')).corrected).toBe('I believe the government.');
  });

  it('leaves addresses, commands and dotted abbreviations as they are', async () => {
    const corrector = await createOfflineCorrector();
    expect((await corrector.correct('https://example.com he go there')).corrected).toBe('https://example.com he goes there.');
    expect((await corrector.correct('visit www.example.org for more info')).corrected).toBe('Visit www.example.org for more info.');
    expect((await corrector.correct('run npm install')).corrected).toBe('Run npm install');
    expect((await corrector.correct('the U.S. are big')).corrected).not.toMatch(/U\.S\. Are/);
  });

  it("keeps Harper's list comma but not where it misreads a list", async () => {
    const corrector = await createOfflineCorrector();
    const cases: [string, string][] = [
      ['They got names like thief, robber, criminal and worse.', 'They got names like thief, robber, criminal, and worse.'],
      ['We go to places such as night clubs, bars and so on.', 'We go to places such as night clubs, bars and so on.'],
      ['To join the club of talented, sophisticated and competent artists, he or she should have a Rolex.', 'To join the club of talented, sophisticated and competent artists, he or she should have a Rolex.'],
    ];
    for (const [text, corrected] of cases) expect((await corrector.correct(text)).corrected).toBe(corrected);
  });

  it("vetoes Harper's fixes where our lexicon knows better: the article of a counted noun, an adverb read as a verb", async () => {
    const corrector = await createOfflineCorrector();
    for (const text of ['They do not respond like a thief.', 'He last chose to stay.']) expect(await corrector.correct(text)).toEqual({ corrected: text, edits: [] });
    expect((await corrector.correct('She gave me an advice.')).corrected).toBe('She gave me advice.');
  });

  it('adds no punctuation to a raw transcript, not even where Harper would, so a second pass changes nothing', async () => {
    const corrector = await createOfflineCorrector();
    const once = (await corrector.correct('furthermore looking at the evidence you will agree that')).corrected;
    expect(once).not.toMatch(/[,.]/);
    expect((await corrector.correct(once)).corrected).toBe(once);
  });

  it('initialises once', async () => {
    expect(createOfflineCorrector()).toBe(createOfflineCorrector());
  });
});

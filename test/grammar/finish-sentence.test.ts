import { finishSentence } from '../../lambdas/grammar/offline';

describe('finishSentence', () => {
  it('capitalises the first word', () => {
    expect(finishSentence('my sister has two books', false)).toBe('My sister has two books');
    expect(finishSentence('"my sister" is here.', true)).toBe('"My sister" is here.');
  });

  it('adds a full stop to a written sentence only', () => {
    expect(finishSentence('we went home early', true)).toBe('We went home early.');
    expect(finishSentence('we went home early', false)).toBe('We went home early');
  });

  it('does not capitalise a web address or an e-mail, nor a letter with no single capital', () => {
    for (const s of ['https://example.com has the details', 'www.example.org has it', 'jo@example.com wrote it', 'ﬁne words', 'md5sum checks it', 'main.c builds', 'qXfer:read: reads it', 'iPhone apps']) {
      expect(finishSentence(s, false)).toBe(s);
    }
  });

  it('leaves finished sentences alone', () => {
    for (const s of ['We went home.', 'Did you go?', 'Yes!', 'Thanks a lot']) expect(finishSentence(s, s !== 'Thanks a lot')).toBe(s);
  });
});

import { isKnownWord, isTechnicalWord } from '../spelling';
import { adjectivePastBase, conjugate, degreeOf, guessNounTags, has, isBaseVerb, isCommonWord, isNounAfterQuantifier, isPluralNoun, isSingularNoun, isUncountable, known, participle, pastOfParticiple, plural, singular, tags, verbForms } from './lexicon';
import { A_FOLLOWERS, afterPunctuation, BARE_NOUNS, bareWord, baseOfVerbForm, baseVerbForms, BE, clauseStart, COLLECTIVE_NOUNS, COMPLEMENT_STARTS, CONJUNCTIONS, COPULA, DETERMINERS, DO_FORMS, endsPhrase, HAVE_OF, HEAD_FOLLOWERS, lc, MODALS, NOMINAL_TAGS, NOT_PLAIN_PLURALS, NUMBER_WORDS, NUMBERS, OBJECT_PRONOUNS, PEOPLE, PERSON_NOUNS, PERSON_VERB_BY_THIRD, PERSON_VERBS, PHRASE_ENDERS, phraseEnds, PURE_ADJECTIVE, purePlural, readsAsVerbAfterNoun, setWord, SUBJECT_PRONOUNS, table, TO_TAKERS, TO_THIRD, verbAfterTo, type Token } from './common';
import { learnerPhrases, learnerPrepositions, learnerVerbPatterns, learnerWordChoices } from './learner';

/**
 * Our own rules for what Harper misses. Each one fires only on a narrow, unambiguous pattern
 * (precision first) and never matches its own output, so applying the rules twice changes nothing.
 */

function tokenize(sentence: string): Token[] {
  const out: Token[] = [];
  const re = /(\S+)(\s*)/g;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    // A word with punctuation inside ("node.js", "list.slice,") keeps it, but not its trailing
    // punctuation: a rule that sees no comma after a word would add one on every pass.
    const parts = /^([^\p{L}\p{N}']*)([\p{L}\p{N}'’-]*?)([^\p{L}\p{N}]*)$/u.exec(m[1]) ?? /^([^\p{L}\p{N}']*)(.*?)([^\p{L}\p{N}]*)$/su.exec(m[1])!;
    out.push({ pre: parts[1], word: parts[2], post: parts[3], space: m[2] });
  }
  return out;
}

const render = (tokens: readonly Token[]): string => tokens.map((t) => t.pre + t.word + t.post + t.space).join('');

/**
 * The tokens with a word added after token i wherever `insert(i)` names one: the shape of every rule
 * that adds a missing word ("want be" → "want to be"). `insert` may also change words in place.
 */
function insertAfter(tokens: Token[], insert: (i: number) => string | undefined): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    out.push(tokens[i]);
    const word = insert(i);
    if (word !== undefined) out.push(bareWord(word));
  }
  return out;
}

/** The subject pronoun at i follows one of `modals` that opens a question: "could you …", "can we …". */
const askedWithModal = (tokens: readonly Token[], i: number, modals: ReadonlySet<string>): boolean =>
  i >= 1 && SUBJECT_PRONOUNS.has(lc(tokens[i])) && modals.has(lc(tokens[i - 1])) && tokens[i - 1].post === '' && afterPunctuation(tokens, i - 1);

/** A word the lexicon knows only as an adverb, auxiliary or past tense, so it cannot continue a noun compound (a present tense in -s may be a plural noun: "human processes"). */
function notNominal(w: string): boolean {
  const t = tags(w);
  return t.length > 0 && t.every((x) => x === 'Adverb' || x === 'PastTense' || x === 'Copula' || x === 'Modal' || x === 'Auxiliary');
}

const TIME_NOUNS = new Set(['day', 'night', 'week', 'month', 'year', 'time', 'morning', 'evening', 'afternoon', 'life', 'kind', 'sort', 'type', 'the', 'my']);
const DETERMINED = new Set(['the', 'each', 'every', 'any', 'one', 'my', 'his', 'her', 'your', 'our', 'their', 'its', 'this', 'that', 'no']);

/** Is the word at i preceded by a plural-taking quantifier phrase: "all", "a lot of", "the number of", "one of the", "other"? */
function pluralContext(tokens: readonly Token[], i: number): boolean {
  const p1 = lc(tokens[i - 1]);
  const p2 = lc(tokens[i - 2]);
  const p3 = lc(tokens[i - 3]);
  if ([1, 2, 3].some((k) => i - k >= 0 && i - k >= i - 3 && tokens[i - k].post !== '' && (k === 1 || lc(tokens[i - 1]) === 'of'))) return false;
  // "a (completely) different way" is one way: an article before the adjective counts one thing.
  const article = /ly$/.test(p2) ? p3 : p2;
  // "methods all act", "they all like": "all" after its plural floats, and a verb follows it.
  if (p1 === 'all' && (isPluralNoun(p2) || purePlural(p2) || /^(we|you|they|these|those)$/.test(p2))) return false;
  if (p1 === 'all' || p1 === 'various' || p1 === 'different') return p2 !== 'at' && article !== 'a' && article !== 'an' && !DETERMINED.has(p2);
  // "some other form of", like "any other way", counts one thing.
  if (p1 === 'other') return !DETERMINED.has(p2) && p2 !== 'each' && p2 !== 'an' && p2 !== 'some';
  if (p1 === 'of' && p2 === 'lot' && p3 === 'a') return true;
  if (p1 === 'of' && p2 === 'lots') return true;
  // Past one adjective: "a lot of foreign teacher".
  if (PURE_ADJECTIVE(p1) && tokens[i - 1].post === '' && p2 === 'of' && ((p3 === 'lot' && lc(tokens[i - 4]) === 'a') || p3 === 'lots')) return true;
  // "the number of car", "a couple of day": counting phrases.
  if (p1 === 'of' && (p2 === 'number' || p2 === 'couple') && (p3 === 'the' || p3 === 'a' || p3 === 'large' || p3 === 'small' || p3 === 'great')) return true;
  // "one of my friend", "both of my sister", "several of the student" (not "most of our trip", a part of one).
  return (p1 === 'the' || p1 === 'my' || p1 === 'his' || p1 === 'her' || p1 === 'our' || p1 === 'their' || p1 === 'your') && p2 === 'of' && /^(one|both|several|many|few|two|three|four|five|each)$/.test(p3);
}

/** "two book" → "two books", "many child" → "many children", "one of my friend" → "one of my friends". */
function pluralAfterQuantifier(tokens: Token[]): void {
  for (let i = 1; i < tokens.length; i++) {
    const w = lc(tokens[i]);
    // "a lot of work" is a mass of it ("works" are books or factories), though the lexicon counts it.
    // After "one of my" and the like, a word the lexicon lacks counts when its tagger reads it as a noun ("classmate").
    const ofSome = lc(tokens[i - 2]) === 'of' && /^(one|both|several|many|few|two|three|four|five|each)$/.test(lc(tokens[i - 3]));
    if (!pluralContext(tokens, i) || !(isSingularNoun(w) || (ofSome && countedNoun(w))) || TIME_NOUNS.has(w) || w === 'work') continue;
    // Its verb may follow: "several of my classmate failed".
    const verbNext = ofSome && tags(lc(tokens[i + 1])).some((x) => x === 'PastTense' || x === 'PresentTense') && !tags(lc(tokens[i + 1])).some((x) => NOMINAL_TAGS.has(x));
    if (!endsPhrase(tokens, i) && !HEAD_FOLLOWERS.has(lc(tokens[i + 1])) && !/^(is|was|has|in|that)$/.test(lc(tokens[i + 1])) && !verbNext) continue;
    const p = plural(w);
    // A plural the word lists lack would be respelt on the next pass ("habitants" → "habitats").
    if (p && p !== w && (isKnownWord(p) || !isKnownWord(w))) setWord(tokens[i], p);
  }
  for (let i = 1; i < tokens.length; i++) {
    const q = tokens[i - 1];
    // "two more book", "a few more chair": the number counts past "more".
    const qAt = lc(q) === 'more' && q.post === '' && i > 1 && tokens[i - 2].post === '' && (NUMBERS.has(lc(tokens[i - 2])) || /^\d+$/.test(tokens[i - 2].word)) && lc(tokens[i - 2]) !== 'many' ? i - 2 : i - 1;
    const qw = lc(tokens[qAt]);
    const isNumber = NUMBERS.has(qw) || (/^\d+$/.test(qw) && Number(qw) > 1 && tokens[qAt].post === '');
    if (!isNumber || q.post !== '' || (qw === 'few' && lc(tokens[qAt - 1]) !== 'a' && lc(tokens[qAt - 1]) !== 'very')) continue;
    const n = tokens[i];
    const w = lc(n);
    if (!isNounAfterQuantifier(w) || w === 'hundred' || w === 'thousand' || w === 'percent' || w === 'kind' || w === 'sort' || w === 'type') continue;
    // Not a name or an acronym ("both Rust and", "both UDP and"), nor a verb ("Both have").
    if (!/^\p{Ll}+$/u.test(n.word) || BE.has(w) || MODALS.has(w) || /^(have|has|had|do|does|did)$/.test(w)) continue;
    // "both X and Y" joins two things, each of which may be one: "apply to both the city and the state".
    if (qw === 'both' && lc(tokens[i + 1]) === 'and' && n.post === '') continue;
    // After "you two", "we three", the number is the subject and a verb follows: "how did you two meet";
    // "both" after its plural floats: "my parents both work".
    if (/^(you|we|they)$/.test(lc(tokens[qAt - 1])) && isBaseVerb(w)) continue;
    if (qw === 'both' && (isPluralNoun(lc(tokens[qAt - 1])) || /^(we|you|they|us|them)$/.test(lc(tokens[qAt - 1])))) continue;
    // … and after two joined by "and": "the bus and the train both stop".
    if (qw === 'both' && qAt > 1 && coordinatedSubject(tokens, DETERMINERS.has(lc(tokens[qAt - 2])) ? qAt - 2 : qAt - 1)) continue;
    // The head of the phrase must be this word, not a compound's first half ("two car accidents").
    // A subject pronoun after it starts a new clause ("for these reason we left").
    // A participle after it describes it ("three tooth playing hockey").
    const participle = /ing$/.test(lc(tokens[i + 1])) && has(lc(tokens[i + 1]), 'Gerund');
    // A unit's rate: "eight hour a day".
    const rate = /^(a|an|per)$/.test(lc(tokens[i + 1])) && tags(w).some((x) => x === 'Duration' || x === 'Unit');
    if (!endsPhrase(tokens, i) && !HEAD_FOLLOWERS.has(lc(tokens[i + 1])) && !notNominal(lc(tokens[i + 1])) && !MAIN_SUBJECTS.has(lc(tokens[i + 1])) && !participle && !rate) continue;
    const p = plural(w);
    if (p && p !== w && (isKnownWord(p) || !isKnownWord(w))) setWord(n, p);
  }
}

const CHILDHOOD = /\bwhen (?:i|we) (?:was|were) (?:a child|a kid|young|little|a student|children|kids)\b/i;
// "in 2010": years up to 2019 only, since a nearer one may be planned ("in 2028 we move").
const PAST_MARKERS = new RegExp(
  `${CHILDHOOD.source}|\\b(yesterday|in (?:19|20[01])\\d\\b|(?:an|one|two|three|\\d+) (?:hours?|minutes?) ago|last (?:night|week|month|year|summer|winter|spring|autumn|weekend|time|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|\\w+ (?:days|weeks|months|years) ago|a (?:day|week|month|year) ago)\\b`,
  'i',
);
const FUTURE_OR_HABIT = /\b(tomorrow|next|every|usually|always|often|now|today|will|sometimes|never)\b/i;
const BE_PAST = table({ am: 'was', is: 'was', are: 'were' });

/** "yesterday I go … and buy" → "yesterday I went … and bought". */
function pastWithTimeWords(tokens: Token[]): void {
  const text = tokens.map((t) => t.word).join(' ');
  // A childhood is past, and so were its habits ("when I was a child I play football every day").
  const childhood = CHILDHOOD.test(text) && !/\b(tomorrow|next|will|now|today)\b/i.test(text);
  if (!PAST_MARKERS.test(text) || (FUTURE_OR_HABIT.test(text) && !childhood) || /["“]/.test(render(tokens))) return;
  let chained = false;
  // Where the time word is: a past clause between a verb and a later time word is what it dates ("I
  // am calling about the posting I saw last week").
  const marker = PAST_MARKERS.exec(text);
  const markerAt = marker ? text.slice(0, marker.index).split(' ').length - 1 : -1;
  const pastClauseBetween = (i: number): boolean => {
    for (let j = i + 2; j < markerAt; j++) if (SUBJECT_PRONOUNS.has(lc(tokens[j - 1])) && (has(lc(tokens[j]), 'PastTense') || /^\p{Ll}+ed$/u.test(tokens[j].word))) return true;
    return false;
  };
  for (let i = 1; i < tokens.length; i++) {
    const subj = lc(tokens[i - 1]);
    const w = lc(tokens[i]);
    // Not in a question or clause whose "did" or modal already carries the tense: "did you go yesterday".
    const before = lc(tokens[i - 2]);
    const afterSubject = SUBJECT_PRONOUNS.has(subj) && tokens[i - 1].post === '' && !DO_FORMS.has(before) && before !== 'do' && !MODALS.has(before);
    const afterAnd = chained && subj === 'and';
    if (!afterSubject && !afterAnd) {
      if (/[.;!?]/.test(tokens[i - 1].post)) chained = false;
      continue;
    }
    // Looked for only at a subject's verb: it reads the words up to the time word.
    if (pastClauseBetween(i)) continue;
    if (BE_PAST[w] && afterSubject) {
      setWord(tokens[i], subj === 'you' || subj === 'we' || subj === 'they' ? 'were' : 'was');
      chained = false;
      continue;
    }
    // The everyday verbs the lexicon files as nouns count too: "yesterday we watch a movie" → "watched".
    const personVerb = PERSON_VERB_BY_THIRD.get(w) ?? (PERSON_VERBS.has(w) ? w : undefined);
    // A verb already past starts the chain too: "yesterday we went to the market and buy" → "bought".
    if (afterSubject && !personVerb && has(w, 'PastTense') && /^\p{Ll}+$/u.test(tokens[i].word)) {
      chained = true;
      continue;
    }
    // A present in -s is a verb whose base the lexicon knows ("comes" → "come", not "com").
    if (!personVerb && (!(has(w, 'Infinitive') || has(w, 'PresentTense')) || !isBaseVerb(w.replace(/e?s$/, '')) && !isBaseVerb(w) && !(has(w, 'PresentTense') && isBaseVerb(verbForms(w)?.Infinitive ?? '')))) continue;
    if (['have', 'has', 'do', 'does', 'can', 'may', 'must', 'should', 'would', 'could', 'will', 'shall', 'might', 'need', 'want', 'wants', 'think', 'know', 'hope', 'hopes'].includes(w)) continue;
    const forms = personVerb ? conjugate(personVerb) : verbForms(w);
    if (!forms?.PastTense || forms.PastTense === w) continue;
    setWord(tokens[i], forms.PastTense);
    chained = true;
  }
}

/**
 * "I have seen him yesterday" → "I saw him yesterday": a finished time in the past takes the simple
 * past. Not with "since" or "for", whose time runs up to now ("I have lived here since last year").
 */
function perfectWithPastTime(tokens: Token[]): Token[] {
  const text = tokens.map((t) => t.word).join(' ');
  if (!PAST_MARKERS.test(text) || /\b(since|for|already|ever|never|just|yet)\b/i.test(text) || FUTURE_OR_HABIT.test(text)) return tokens;
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const [t, next] = [tokens[i], tokens[i + 1]];
    const subject = lc(tokens[i - 1]);
    if (/^(have|has|'ve)$/.test(lc(t)) && t.post === '' && next && SUBJECT_PRONOUNS.has(subject) && tokens[i - 1].post === '') {
      // "have been to Portugal last summer" is a trip: "went to".
      const been = lc(next) === 'been' ? (lc(tokens[i + 2]) === 'to' ? 'went' : /^(you|we|they)$/.test(subject) ? 'were' : 'was') : undefined;
      const past = been ?? pastOfParticiple(lc(next));
      if (past) {
        setWord(next, past);
        next.pre = t.pre + next.pre;
        continue;
      }
    }
    out.push(t);
  }
  return out;
}

/** What "since" may start that is surely a point in time (not "since" meaning "because"). */
const SINCE_POINT = new RegExp(
  '^(?:(?:1[89]|20)\\d\\d|yesterday|then|christmas|easter|childhood|kindergarten|noon|midnight|' +
    'monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|' +
    'last (?:week|month|year|night|summer|winter|spring|fall|autumn|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)|' +
    'this (?:morning|afternoon|week|month|year)|the (?:beginning|start|end)|' +
    '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2}) o\'clock|' +
    '(?:i|he|she|we|they) (?:was|were) (?:a child|a kid|a baby|a teenager|a student|young|little|kids|children|born|at school|in school|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2})\\b))(?:$| )',
);
/** "since two years": a length of time, which takes "for". */
const SINCE_DURATION = /^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a few|several|many|\d+) (?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?)(?:$| )/;
const PERFECT_CONTRACTION = table({ "i'm": "i've", "you're": "you've", "we're": "we've", "they're": "they've", "he's": "he's", "she's": "she's", "it's": "it's" });

/**
 * "I live here since 2015" → "I have lived here since 2015", "i'm living here since last march" →
 * "i've been living", "my son is practicing since he was six" → "has been practicing", "I didn't see him
 * since Christmas" → "haven't seen", "since two years" → "for two years": what has gone on since a
 * point in time is in the perfect. Only where "since" starts a point in time ("since I was tired"
 * may mean "because"), in the clause just before it, with a pronoun or "my/the …" subject.
 */
function perfectSince(tokens: Token[]): Token[] {
  let out = tokens;
  for (let s = 2; s < out.length; s++) {
    if (lc(out[s]) === 'since' && out[s].post === '' && out[s - 1].post === '') out = perfectBefore(out, s);
  }
  return out;
}

/** perfectSince at the "since" at s. */
function perfectBefore(tokens: Token[], s: number): Token[] {
  const after = tokens.slice(s + 1, s + 5).map(lc).join(' ');
  const duration = SINCE_DURATION.test(after);
  if (!duration && !SINCE_POINT.test(after)) return tokens;
  // The clause before "since": back to punctuation or a conjunction.
  let c = s - 1;
  while (c > 0 && tokens[c - 1].post === '' && !CONJUNCTIONS.has(lc(tokens[c - 1]))) c--;
  const clause = tokens.slice(c, s).map(lc);
  // Already perfect: a length takes "for" ("I have been here since two weeks", "haven't seen him since a few days").
  if (duration && clause.some((w) => /^(have|has|had|haven't|hasn't|hadn't)$/.test(w) || /['’]ve$/.test(w))) {
    setWord(tokens[s], 'for');
    return tokens;
  }
  if (clause.some((w) => /^(been|had|time|first|only|last|than|will|would|can|could|should|must|going|ago)$/.test(w) || /['’](ve|d|ll)$/.test(w))) return tokens;
  // The subject nearest "since" (a transcript's run-on holds several clauses): a pronoun, or "my/the …"
  // and a noun; then its verb.
  let [subjectEnd, have, first] = [-1, undefined as string | undefined, ''];
  for (let k = s - 2; k >= c && subjectEnd < 0; k--) {
    const w = lc(tokens[k]);
    const pronoun = PERFECT_CONTRACTION[w] !== undefined || HAVE_OF[w] !== undefined;
    const noun = lc(tokens[k + 1]);
    const determined = /^(my|his|her|our|their|your|the)$/.test(w) && k + 2 < s && (isSingularNoun(noun) || countedNoun(noun) || isPluralNoun(noun) || PEOPLE.has(noun));
    if (pronoun && (k === c || !/^(to|for|with|at|of|in|on|about|from|see|saw|know|knew|met|meet|love|like|miss|call|called|visit|visited)$/.test(lc(tokens[k - 1])))) [subjectEnd, have, first] = [k + 1, HAVE_OF[w.replace(/['’].*$/, '')], w];
    else if (determined && (k === c || tokens[k - 1].post === '')) [subjectEnd, have, first] = [k + 2, isPluralNoun(noun) ? 'have' : 'has', w];
  }
  if (subjectEnd < 0 || !have || subjectEnd >= s) return tokens;
  const out = tokens.slice(0, subjectEnd);
  const verb = tokens[subjectEnd];
  const v = lc(verb);
  // Already perfect: "I have known her since", "he's lived here since".
  const isParticiple = (w: string): boolean => /(ed|en)$/.test(w) || verbForms(w)?.Participle === w || verbForms(w)?.PastTense === w || pastOfParticiple(w) !== undefined || w === 'been';
  if (/['’]s$/.test(first) && isParticiple(v)) return tokens;
  // "have" is possession only before a noun phrase: "I have a headache since" → "have had".
  if (/^(have|has)$/.test(v) && !/^(a|an|the|my|his|her|our|their|your|some|no|any|many|much|two|three|this|that|these|those)$/.test(lc(tokens[subjectEnd + 1]))) return tokens;
  const rest = tokens.slice(subjectEnd + 1);
  const contraction = PERFECT_CONTRACTION[first];
  if (contraction !== undefined) {
    // "i'm living here since" → "i've been living"; "he's here since" → "he's been here".
    setWord(out[out.length - 1], contraction);
    out.push(bareWord('been'), ...tokens.slice(subjectEnd));
  } else if (/^(am|is|are)$/.test(v)) {
    setWord(verb, have);
    out.push(verb, bareWord('been'), ...rest);
  } else if (/^(don't|doesn't|didn't)$/.test(v) && tokens[subjectEnd + 1]) {
    const base = lc(tokens[subjectEnd + 1]);
    const forms = isBaseVerb(base) || PERSON_VERBS.has(base) ? baseVerbForms(base) : undefined;
    if (!forms) return tokens;
    setWord(verb, `${have}n't`);
    setWord(tokens[subjectEnd + 1], participle(base));
    out.push(verb, ...rest);
  } else {
    // A verb in the present ("live", "lives", "know", "have" a headache) takes "have" and its participle.
    const base = PERSON_VERB_BY_THIRD.get(v) ?? (PERSON_VERBS.has(v) ? v : undefined) ?? (verbForms(v)?.PresentTense === v || verbForms(v)?.Infinitive === v ? verbForms(v)?.Infinitive : undefined);
    if (!base || BE.has(v) || MODALS.has(v) || DO_FORMS.has(v) || v === 'do') return tokens;
    // "I have a headache" → "have had".
    setWord(verb, participle(base));
    out.push(bareWord(have), verb, ...rest);
  }
  if (duration) setWord(tokens[s], 'for');
  return out;
}

const PLURAL_DETERMINERS = new Set(['my', 'his', 'her', 'your', 'our', 'their', 'the', 'these', 'those', 'many', 'some', 'most', 'all']);
const INDEFINITE_SINGULARS = /^(everybody|everyone|somebody|someone|nobody|anybody|anyone)$/;
const TO_PLURAL = table({ has: 'have', does: 'do', "doesn't": "don't", is: 'are', was: 'were' });

/** "my sister have" → "my sister has"; "the children is" → "the children are"; "people is" → "people are". */
/**
 * Whether the noun phrase starting at j is the second of two joined by "and" that open a clause, and so
 * a plural subject together: "my sister and her husband are" (not "I went home and my brother is").
 */
function coordinatedSubject(tokens: readonly Token[], j: number): boolean {
  if (j < 2 || lc(tokens[j - 1]) !== 'and' || tokens[j - 2].post !== '') return false;
  const k = j - 2;
  const w = lc(tokens[k]);
  if (!(isSingularNoun(w) || isPluralNoun(w) || isUncountable(w) || PEOPLE.has(w) || /^\p{Lu}\p{Ll}+$/u.test(tokens[k].word) || /^(i|me|you|he|him|she|her|we|us|they|them)$/.test(w))) return false;
  const phrase = k > 0 && DETERMINERS.has(lc(tokens[k - 1])) && tokens[k - 1].post === '' ? k - 1 : k;
  // "Both my sister and my brother", "either you or": the pair may open with "both".
  const start = phrase > 0 && /^(both|either|neither)$/.test(lc(tokens[phrase - 1])) && tokens[phrase - 1].post === '' ? phrase - 1 : phrase;
  // In a question the pair follows its auxiliary: "Where do you and your sister live?"
  const asked = start > 0 && /^(do|does|did|are|were|have|has|can|could|will|would|should)$/.test(lc(tokens[start - 1])) && tokens[start - 1].post === '';
  return afterPunctuation(tokens, start) || clauseStart(tokens, start) || asked;
}

function nounSubjectAgreement(tokens: Token[]): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    // "everybody were", "everyone have": these pronouns are singular ("everyone like it" → "likes").
    if (INDEFINITE_SINGULARS.test(lc(tokens[i])) && tokens[i].post === '' && clauseStart(tokens, i) && /^\p{Ll}/u.test(tokens[i + 1].word)) {
      const target = TO_THIRD[lc(tokens[i + 1])] ?? thirdPerson(tokens, i + 1);
      if (target) setWord(tokens[i + 1], target);
      continue;
    }
    // "one of my friends live" → "lives", "each of my friends have" → "has": the verb agrees with "one".
    if (i > 2 && lc(tokens[i - 2]) === 'of' && /^(one|each)$/.test(lc(tokens[i - 3])) && /^(my|his|her|our|their|your|the|these|those)$/.test(lc(tokens[i - 1])) && tokens[i].post === '' && (isPluralNoun(lc(tokens[i])) || purePlural(lc(tokens[i]))) && /^\p{Ll}/u.test(tokens[i + 1].word)) {
      const v = lc(tokens[i + 1]);
      const target = TO_THIRD[v] ?? thirdPerson(tokens, i + 1) ?? (PERSON_VERBS.has(v) && personVerbAt(tokens, i) ? conjugate(v).PresentTense : undefined);
      if (target) setWord(tokens[i + 1], target);
      continue;
    }
    const n = lc(tokens[i]);
    const v = tokens[i + 1];
    const vw = lc(v);
    if (tokens[i].post !== '' || !/^\p{Ll}/u.test(v.word)) continue;
    const det = lc(tokens[i - 1]);
    const headed = i > 0 && tokens[i - 1].post === '' && clauseStart(tokens, i - 1);
    // A mass noun agrees as a singular one: "the information are" (Harper's fix of "informations") → "is".
    if (headed && DETERMINERS.has(det) && (isSingularNoun(n) || MASS_NOUNS.has(n)) && !COLLECTIVE_NOUNS.has(n) && !coordinatedSubject(tokens, i - 1)) {
      // A frequency adverb may stand between ("my boss always say" → "says").
      const hop = FREQUENCY_ADVERBS.has(vw) && v.post === '' && tokens[i + 2] ? 1 : 0;
      const verb = tokens[i + 1 + hop];
      const target = TO_THIRD[lc(verb)] ?? thirdPerson(tokens, i + 1 + hop) ?? (hop ? undefined : personActivity(tokens, i));
      if (target) setWord(verb, target);
    } else if (i > 1 && has(lc(tokens[i - 1]), 'Adjective') && tags(lc(tokens[i - 1])).length === 1 && tokens[i - 2].post === '' && PLURAL_DETERMINERS.has(lc(tokens[i - 2])) && clauseStart(tokens, i - 2) && tokens[i - 1].post === '' && isPluralNoun(n) && TO_PLURAL[vw]) {
      setWord(v, TO_PLURAL[vw]);
    } else if (TO_PLURAL[vw] && bareClauseStart(tokens, i) && /^\p{Lu}?\p{Ll}+$/u.test(tokens[i].word) && (purePlural(n) || verbReadAsPlural(tokens, i))) {
      // "Details is the key", "endangered animals is": a bare plural subject opening a clause.
      setWord(v, TO_PLURAL[vw]);
    } else if (((headed && PLURAL_DETERMINERS.has(det)) || (n === 'people' && (clauseStart(tokens, i) || !['a', 'an', 'one', 'this', 'that', 'every', 'each'].includes(det)) && !(det === 'of' && /^(number|amount|majority|percentage|group|rest)$/.test(lc(tokens[i - 2]))))) && (n === 'people' || n === 'children' || isPluralNoun(n))) {
      // "people is" → "people are", "my parents wants" → "my parents want".
      const target = TO_PLURAL[vw] ?? baseOfThirdPerson(tokens, i + 1) ?? personActivityBase(tokens, i);
      if (target) setWord(v, target);
    }
  }
}

/** The base form of a verb in the third person singular ("thinks" → "think"), when it can be nothing else. */
function baseOfThirdPerson(tokens: readonly Token[], i: number): string | undefined {
  const w = lc(tokens[i]);
  const t = tags(w);
  if (!t.includes('PresentTense') || t.some((x) => NOMINAL_TAGS.has(x)) || !/s$/.test(w)) return undefined;
  const forms = verbForms(w);
  return forms && forms.PresentTense === w && forms.Infinitive !== w ? forms.Infinitive : undefined;
}

/**
 * A word in -s the lexicon knows only as a verb ("details"), opening a clause right before a singular
 * "is"/"has"/"does": a verb there would have no subject, so it is a plural noun. Not after "that",
 * "where" or "when", whose clause it may be the verb of ("the thing that matters is").
 */
function verbReadAsPlural(tokens: readonly Token[], i: number): boolean {
  return clauseStart(tokens, i) && verbOnlyPlural(lc(tokens[i])) && !/^(that|where|when)$/.test(lc(tokens[i - 1]));
}

/** A word in -s the lexicon knows only as a verb and its tagger reads as a plural noun ("details", "reasons"): a noun where no verb can stand. */
const verbOnlyPlural = (w: string): boolean => known(w) && tags(w).every((x) => x === 'PresentTense') && !NOT_PLAIN_PLURALS.has(w) && guessNounTags(w).includes('Plural');

/** The noun at i opens a clause with nothing before it but adjectives the lexicon knows only as such. */
function bareClauseStart(tokens: readonly Token[], i: number): boolean {
  let k = i;
  while (k > 0 && tokens[k - 1].post === '' && PURE_ADJECTIVE(lc(tokens[k - 1]))) k--;
  // A participle right before the noun modifies it ("endangered animals").
  if (k === i && k > 0 && tokens[k - 1].post === '' && /ed$/.test(lc(tokens[k - 1])) && tags(lc(tokens[k - 1])).every((x) => x === 'PastTense' || x === 'Adjective')) k--;
  // A relative "that" (one not following a verb) may be the subject, and what follows its verb:
  // "the virus that infected cats is", "a job that pays is".
  if (k > 1 && lc(tokens[k - 1]) === 'that' && !BE.has(lc(tokens[k - 2])) && !CLAUSE_TAKERS.test(lc(tokens[k - 2]))) return false;
  // After a joining "and"/"or" the noun may end a compound subject; a sentence-opening one joins nothing.
  return clauseStart(tokens, k) && !(k > 1 && /^(and|or)$/.test(lc(tokens[k - 1])));
}

/** A bare verb after a singular subject, when the verb can be nothing else: "like" → "likes". */
function thirdPerson(tokens: readonly Token[], i: number): string | undefined {
  const w = lc(tokens[i]);
  if (!isBaseVerb(w) || ['can', 'will', 'may', 'must', 'should', 'would', 'could', 'might', 'shall', 'need', 'dare', 'let'].includes(w)) return undefined;
  const next = lc(tokens[i + 1]);
  if (next && (verbForms(next) && isBaseVerb(next))) return undefined;
  // A modal or auxiliary after it makes the word a noun: "a tour guide can", "the bus stop is".
  if (MODALS.has(next) || BE.has(next) || /^(has|have|had|does|did)$/.test(next)) return undefined;
  // So does a verb after it, or a noun and then a verb: "the sample code works", "the parent process
  // exits", "the color code sequence is".
  const verbAt = (x: string): boolean => BE.has(x) || MODALS.has(x) || presentThirdPerson(x);
  const nounish = (x: string): boolean => isSingularNoun(x) || (/^\p{Ll}+$/u.test(x) && !known(x));
  if (presentThirdPerson(next) || (nounish(next) && verbAt(lc(tokens[i + 2])))) return undefined;
  return verbForms(w)?.PresentTense;
}

/**
 * An everyday verb the lexicon files only as a noun or an adjective ("cook", "answer", "live"), after
 * a singular person: "my sister cook dinner" → "cooks", "my mother live in London" → "lives".
 */
function personActivity(tokens: readonly Token[], i: number): string | undefined {
  const verb = lc(tokens[i + 1]);
  return PERSON_VERBS.has(verb) && personVerbAt(tokens, i) ? conjugate(verb).PresentTense : undefined;
}

/** The same verbs in the third person after a plural person: "the children plays" → "play", "my parents lives" → "live". */
function personActivityBase(tokens: readonly Token[], i: number): string | undefined {
  const base = PERSON_VERB_BY_THIRD.get(lc(tokens[i + 1]));
  return base && personVerbAt(tokens, i) ? base : undefined;
}

/**
 * Whether the word after the person at i reads as their verb rather than part of a compound ("the
 * student study guide is", "the employee work schedule"): what follows it must open a complement
 * (a determiner, pronoun, preposition or adverb) or end the clause, or, for the verbs that take a
 * plain object, be a noun that itself ends the phrase ("cook dinner every day"). Not with a past time
 * word ("my sister cook dinner yesterday" wants "cooked", which is the tense rule's to give).
 */
function personVerbAt(tokens: readonly Token[], i: number): boolean {
  const [subject, verb, next, after] = [lc(tokens[i]), lc(tokens[i + 1]), lc(tokens[i + 2]), lc(tokens[i + 3])];
  const isPerson = (w: string): boolean => (has(w, 'Actor') || PERSON_NOUNS.has(w)) && tags(w).every((x) => x === 'Actor' || x === 'Singular' || x === 'Plural');
  if (!(isPerson(subject) || (isPluralNoun(subject) && isPerson(singular(subject)))) || PAST_MARKERS.test(tokens.map((t) => t.word).join(' '))) return false;
  if (!next || endsPhrase(tokens, i + 1) || COMPLEMENT_STARTS.has(next)) return true;
  const plainObject = OBJECT_TAKERS.has(PERSON_VERB_BY_THIRD.get(verb) ?? verb) && tokens[i + 2].post === '' && /^\p{L}+$/u.test(tokens[i + 2].word) && (isPluralNoun(next) || verbOnlyPlural(next) || !tags(next).some((x) => x === 'Verb' || x === 'Infinitive' || x === 'PresentTense' || x === 'Adverb'));
  return plainObject && (endsPhrase(tokens, i + 2) || COMPLEMENT_STARTS.has(after) || PHRASE_ENDERS.has(after));
}

/** Of those, the ones that take a plain noun object ("cook dinner", "play football", "answer questions"). */
const OBJECT_TAKERS = new Set(['cook', 'answer', 'watch', 'play', 'study', 'visit', 'wash', 'clean', 'miss', 'hate', 'practice', 'practise', 'kiss']);

/** A verb's third person singular present ("works", "exits"), though the lexicon may file it as a plural noun. */
function presentThirdPerson(w: string): boolean {
  if (verbForms(w)?.PresentTense === w) return true;
  const base = /^(.+?)(?:e?s)$/.exec(w)?.[1];
  if (base && NOUN_VERBS.has(base) && /[^s]s$/.test(w)) return true;
  return !!base && [base, `${base}e`].some((b) => isBaseVerb(b) && verbForms(b)?.PresentTense === w);
}

/** Common verbs the lexicon knows only as nouns ("works", "runs", "starts" read as plurals). */
const NOUN_VERBS = new Set(['work', 'run', 'play', 'help', 'start', 'end', 'call', 'look', 'turn', 'show', 'move', 'answer', 'walk', 'talk', 'watch', 'return', 'design', 'count', 'point', 'act']);

/** "there is many people" → "there are many people", also across an adverb ("there is also many"). */
function thereIsPlural(tokens: Token[]): void {
  for (let i = 0; i + 2 < tokens.length; i++) {
    // "Is there many tourists?": the question puts "be" first.
    const asked = i > 0 && lc(tokens[i]) === 'there' && /^(is|was|isn't|wasn't)$/.test(lc(tokens[i - 1])) && tokens[i - 1].post === '' && afterPunctuation(tokens, i - 1);
    if (lc(tokens[i]) !== 'there' || tokens[i].post !== '') continue;
    const be = asked ? tokens[i - 1] : tokens[i + 1];
    const bw = lc(be);
    // "there has been many changes" → "there have been".
    const perfect = !asked && bw === 'has' && lc(tokens[i + 2]) === 'been' && tokens[i + 2].post === '';
    if ((!/^(is|was|isn't|wasn't)$/.test(bw) && !perfect) || be.post !== '') continue;
    // An adverb may come between: "there is also many people", "there is too many chairs".
    const k = asked ? i + 1 : perfect ? i + 3 : i + 2;
    const j = (FREQUENCY_ADVERBS.has(lc(tokens[k])) || /^(too|so)$/.test(lc(tokens[k]))) && tokens[k].post === '' ? k + 1 : k;
    const a = lc(tokens[j]);
    const b = lc(tokens[j + 1]);
    const pluralFollows =
      ['many', 'several', 'few', 'various', 'numerous', 'two', 'three', 'four', 'five', 'some', 'lots', 'these', 'those', 'any', 'no'].includes(a) && (!/^(some|any|no)$/.test(a) || pluralAhead(tokens, j + 1)) ||
      (a === 'a' && b === 'lot' && lc(tokens[j + 2]) === 'of' && pluralAhead(tokens, j + 3)) ||
      (tokens[j] !== undefined && tokens[j].post === '' && isPluralNoun(a) && !isUncountable(a));
    if (pluralFollows) setWord(be, PLURAL_BE[bw] ?? bw);
  }
}

/** A plural noun at i, or after one adjective there ("some nice restaurants"). */
const pluralAhead = (tokens: readonly Token[], i: number): boolean => {
  const plural = (w: string): boolean => isPluralNoun(w) || purePlural(w) || verbOnlyPlural(w);
  return plural(lc(tokens[i])) || (PURE_ADJECTIVE(lc(tokens[i])) && tokens[i]?.post === '' && plural(lc(tokens[i + 1])));
};

const PLURAL_BE = table({ is: 'are', was: 'were', "isn't": "aren't", "wasn't": "weren't", has: 'have' });

/**
 * A question with "do": the verb after the subject takes its base ("Does your brother works" →
 * "work", "Did you went" → "go"), and "do" agrees with the subject ("Where does your parents live"
 * → "do"). The "do" opens the clause, maybe after a question word.
 */
function doQuestion(tokens: Token[]): void {
  for (let i = 0; i + 2 < tokens.length; i++) {
    const d = lc(tokens[i]);
    if (!/^(do|does|did|don't|doesn't|didn't)$/.test(d) || tokens[i].post !== '') continue;
    const opens = afterPunctuation(tokens, i) || (/^(where|what|when|why|how|who)$/.test(lc(tokens[i - 1])) && afterPunctuation(tokens, i - 1));
    if (!opens) continue;
    // The subject: a personal pronoun, or a determiner, maybe an adjective, and a noun.
    let j = i + 1;
    const s = lc(tokens[j]);
    let singular: boolean | undefined;
    if (/^(i|you|we|they)$/.test(s)) singular = false;
    else if (/^(he|she|it)$/.test(s)) singular = true;
    else if (/^(my|his|her|your|our|their|the|this|that|these|those)$/.test(s) && tokens[j].post === '') {
      j++;
      if (PURE_ADJECTIVE(lc(tokens[j])) && tokens[j].post === '') j++;
      const n = lc(tokens[j]);
      singular = isSingularNoun(n) && !/^(these|those)$/.test(s) ? true : isPluralNoun(n) || purePlural(n) || n === 'people' || n === 'children' ? false : undefined;
    }
    const v = tokens[j + 1];
    // Not a subject that goes on ("why do my father and mother want").
    if (singular === undefined || !v || tokens[j].post !== '' || /^(and|or|nor|of|with)$/.test(lc(v))) continue;
    if (/^does/.test(d) && !singular) setWord(tokens[i], d.replace('does', 'do'));
    if (/^(do|don't)$/.test(d) && singular && j > i + 1) setWord(tokens[i], d === 'do' ? 'does' : "doesn't");
    const w = lc(v);
    const forms = verbForms(w);
    const base = PERSON_VERB_BY_THIRD.get(w) ?? (forms && forms.Infinitive !== w && (forms.PresentTense === w || forms.PastTense === w) ? forms.Infinitive : undefined);
    if (base && !BE.has(w) && !/^(does|did)$/.test(w)) setWord(v, base);
  }
}

/** "can goes" → "can go", "didn't went" → "didn't go", "to went" → "to go". */
function baseAfterModal(tokens: Token[]): void {
  for (let i = 1; i < tokens.length; i++) {
    const prev = lc(tokens[i - 1]);
    const w = lc(tokens[i]);
    // A modal contracted with its subject ("I'll"), or before the subject of a question ("could you").
    const contracted = /^(i|you|we|they|he|she|it)['’]ll$/.test(prev);
    if (tokens[i - 1].post === '' && (contracted || askedWithModal(tokens, i - 1, MODALS))) {
      const base = baseOfVerbForm(w);
      if (base) setWord(tokens[i], base);
      continue;
    }
    if (tokens[i - 1].post !== '' || !(MODALS.has(prev) || DO_FORMS.has(prev) || prev === 'to')) continue;
    // "do" never supports "be": "what they did is reduce" is a cleft, not "did be".
    if (DO_FORMS.has(prev) && BE.has(w)) continue;
    // "could lost" → "could lose": a past the lexicon files as an adjective, after a modal that is no noun ("his will left").
    const pastBase = prev === 'to' || DETERMINERS.has(lc(tokens[i - 2])) ? undefined : adjectivePastBase(w);
    if (pastBase) {
      setWord(tokens[i], pastBase);
      continue;
    }
    // "will going" → "will go", "must finishes" → "finish" (a verb the lexicon files as a plural noun),
    // after a modal that is no noun ("the can opening", "his will stating").
    if (MODALS.has(prev) && !DETERMINERS.has(lc(tokens[i - 2]))) {
      const base = baseOfVerbForm(w);
      if (base) {
        setWord(tokens[i], base);
        continue;
      }
    }
    // A third person the lexicon files as a plural noun or adjective's: "doesn't opens" → "open".
    // Not where a modal opens a question and a noun follows it ("Should arrays consume").
    if (prev !== 'to' && /s$/.test(w) && tokens[i].pre === '' && !afterPunctuation(tokens, i - 1) && !DETERMINERS.has(lc(tokens[i - 2]))) {
      const base = [w.slice(0, -1), w.slice(0, -2), w.replace(/ies$/, 'y')].find((b) => b.length > 2 && known(b) && conjugate(b).PresentTense === w);
      if (base) {
        setWord(tokens[i], base);
        continue;
      }
    }
    const t = has(w, 'PastTense') ? 'PastTense' : has(w, 'PresentTense') && /s$/.test(w) ? 'PresentTense' : undefined;
    if (!t || (prev === 'to' && t !== 'PastTense')) continue;
    if (['was', 'were', 'is', 'has', 'had', 'does', 'did'].includes(w) && prev === 'to') continue;
    const forms = verbForms(w);
    if (!forms?.Infinitive || forms.Infinitive === w || !known(forms.Infinitive)) continue;
    // "to" + past form is only a verb slot when the word is not also an adjective/participle ("to used").
    if (prev === 'to' && (has(w, 'Adjective') || forms.Participle === w)) continue;
    setWord(tokens[i], forms.Infinitive);
  }
}

/** "I can to go" → "I can go": a modal never takes "to". */
function modalTo(tokens: Token[]): Token[] {
  return tokens.filter((t, i) => {
    if (lc(t) !== 'to' || i === 0 || tokens[i - 1].post !== '' || t.post !== '') return true;
    const prev = lc(tokens[i - 1]);
    const next = lc(tokens[i + 1]);
    // What follows is the verb, whatever else the lexicon files it as ("must to finish", "can you to
    // tell"), unless the modal is a noun ("the will to live", "a can to keep it in").
    const verb = /^\p{Ll}+$/u.test(tokens[i + 1]?.word ?? '') && !DETERMINERS.has(next) && !OBJECT_PRONOUNS.has(next) && (isBaseVerb(next) || tags(next).every((x) => x === 'Singular' || x === 'Infinitive'));
    if (MODALS_TAKING_NO_TO.has(prev) && verb && !DETERMINERS.has(lc(tokens[i - 2])) && !/^(a|an)$/.test(lc(tokens[i - 2]))) return false;
    // A question's subject may stand between them: "can you to tell me", "must we to go".
    if (askedWithModal(tokens, i - 1, MODALS_TAKING_NO_TO) && verb) return false;
    // "make me to buy", "let them to go": make and let take a bare infinitive after their object.
    // Also past a determiner: "we let the children to watch TV".
    const causer = i > 1 && CAUSATIVES.has(lc(tokens[i - 2])) && tokens[i - 2].post === '' && PERSON_OBJECTS.has(prev) ? true : i > 2 && /^(let|lets|letting)$/.test(lc(tokens[i - 3])) && /^(the|my|his|her|our|their|your)$/.test(lc(tokens[i - 2])) && (isPluralNoun(prev) || has(prev, 'Actor') || prev === 'children');
    return !(causer && (isBaseVerb(next) || verbAfterTo(next)));
  });
}
/** Modals, their negations and contractions with a subject: none takes "to" before its verb ("I'll to go"); not "ought", "have" or "need". */
const MODALS_TAKING_NO_TO: ReadonlySet<string> = new Set(['can', 'could', 'should', 'must', 'will', 'would', 'may', 'might', "can't", 'cannot', "won't", "shouldn't", "mustn't", "couldn't", "wouldn't", "i'll", "you'll", "we'll", "they'll", "he'll", "she'll"]);

/** "if you want be rich" → "if you want to be rich": these verbs take their verb through "to", never bare ("like" may be a preposition: "want like that"). */
function infinitiveTo(tokens: Token[]): Token[] {
  return insertAfter(tokens, (i) => {
    const next = tokens[i + 1];
    if (!next || tokens[i].post !== '' || next.pre !== '' || !(isBaseVerb(lc(next)) || lc(next) === 'be') || lc(next) === 'like') return undefined;
    // "would you like come" → "like to come": after "would", "like" wants as the TO_TAKERS do.
    const wouldLike = lc(tokens[i]) === 'like' && (/^(would|'d)$/.test(lc(tokens[i - 1])) || /['’]d$/.test(lc(tokens[i - 1])) || (/^(i|you|we|they|he|she)$/.test(lc(tokens[i - 1])) && lc(tokens[i - 2]) === 'would'));
    return TO_TAKERS.test(lc(tokens[i])) || wouldLike ? 'to' : undefined;
  });
}
const CAUSATIVES = new Set(['make', 'makes', 'made', 'making', 'let', 'lets', 'letting']);
/** Objects a causative or an adjective's "for" takes: the pronouns and a few words for people. */
const PERSON_OBJECTS = new Set([...OBJECT_PRONOUNS, 'people', 'students', 'children', 'everyone']);

/** "easy to me to understand" → "easy for me to understand": who an adjective is easy or hard for takes "for". */
function forWithAdjective(tokens: Token[]): void {
  for (let i = 1; i + 3 < tokens.length; i++) {
    if (lc(tokens[i]) !== 'to' || tokens[i - 1].post !== '' || tokens[i].post !== '' || !FOR_ADJECTIVES.test(lc(tokens[i - 1]))) continue;
    let k = i + 1;
    if (/^(a|an|the)$/.test(lc(tokens[k])) && tokens[k].post === '') k += PURE_ADJECTIVE(lc(tokens[k + 1])) ? 2 : 1;
    const who = lc(tokens[k]);
    const person = PERSON_OBJECTS.has(who) || (k > i + 1 && /^(person|student|child|man|woman|people)$/.test(who));
    if (person && tokens[k].post === '' && lc(tokens[k + 1]) === 'to') setWord(tokens[i], 'for');
  }
}
const FOR_ADJECTIVES = /^(easy|easier|hard|harder|difficult|possible|impossible|necessary|important|dangerous|useful|boring|interesting)$/;

/** "is considered as the best" → "is considered the best"; "consider her as a friend" → "consider her a friend". */
function considerAs(tokens: Token[]): Token[] {
  return tokens.filter((t, i) => {
    if (lc(t) !== 'as' || i === 0 || tokens[i - 1].post !== '' || t.post !== '' || /^(a whole|well|such|if|though|to|of|for)$/.test(lc(tokens[i + 1]) + (lc(tokens[i + 1]) === 'a' ? ` ${lc(tokens[i + 2])}` : ''))) return true;
    const prev = lc(tokens[i - 1]);
    if (prev === 'considered') return false;
    return !(i > 1 && /^consider(s|ed|ing)?$/.test(lc(tokens[i - 2])) && tokens[i - 2].post === '' && (OBJECT_PRONOUNS.has(prev) || prev === 'everyone'));
  });
}

/** Uncountable nouns learners pluralise; the plural is wrong in every ordinary use. */
const FALSE_PLURALS = table({
  informations: 'information',
  advices: 'advice',
  furnitures: 'furniture',
  equipments: 'equipment',
  knowledges: 'knowledge',
  homeworks: 'homework',
  luggages: 'luggage',
  moneys: 'money',
  baggages: 'baggage',
  researches: 'research',
  childrens: 'children',
  womens: 'women',
  mens: 'men',
  feets: 'feet',
  teeths: 'teeth',
});

/** Prepositions after which "its" owns what follows ("by its very nature"). */
const PREPOSITIONS_BEFORE_ITS = new Set(['by', 'of', 'in', 'for', 'to', 'with', 'from', 'on', 'at', 'into', 'through']);
/** Words after "its" that make it "it's": adverbs and adjectives that cannot start a noun phrase it owns. */
const IT_IS_FOLLOWERS = /^(very|so|too|not|really|always|never|also|just|rightly|important|difficult|easy|hard|possible|impossible|necessary|true|clear|obvious|better|worse|because)$/;

/** Abstract nouns learners give "the" when they mean them in general ("protect the nature"). */
const GENERIC_NOUNS = new Set(['nature', 'society', 'mankind', 'humanity', 'happiness', 'technology', 'pollution']);
/** What may follow the noun meant in general; anything else may make it specific ("the society of Rome", "the pollution caused by"). */
const GENERIC_FOLLOWERS = /^(and|or|but|is|are|was|were|has|have|will|can|could|should|must|may|might|for)$/;

/** Nouns with no plural and no "a": the learner's "an information" is plain "information". */
const MASS_NOUNS = new Set(['information', 'advice', 'knowledge', 'furniture', 'equipment', 'homework', 'luggage', 'baggage', 'evidence', 'news', 'traffic', 'pollution', 'weather', 'progress', 'research', 'money', 'music', 'garbage', 'feedback', 'software', 'scenery']);

/** Adjectives of one syllable, and the two-syllable ones in -y, which compare with -er: "taller", "happier" (not "fun", "real" or "wrong", which take "more"). */
const SHORT_ADJECTIVE = /^(?!(?:fun|real|wrong|right|just|like|ill|due|apt|worth)$)(?:[^aeiouy]*[aeiouy]+[^aeiouy]*e?|good|bad|happy|easy|busy|heavy|funny|angry|lazy|noisy|dirty|early|pretty|crazy|healthy|lucky|friendly)$/;

/** Feelings learners give the -ing form ("I am interesting in"), with the preposition that shows it is the person's. */
const FEELINGS: Readonly<Record<string, { readonly form: string; readonly after: RegExp } | undefined>> = Object.assign(Object.create(null) as Record<string, { form: string; after: RegExp }>, {
  interesting: { form: 'interested', after: /^in$/ },
  exciting: { form: 'excited', after: /^about$/ },
  boring: { form: 'bored', after: /^(of|with|at)$/ },
  worrying: { form: 'worried', after: /^about$/ },
  confusing: { form: 'confused', after: /^about$/ },
  disappointing: { form: 'disappointed', after: /^(with|in)$/ },
  satisfying: { form: 'satisfied', after: /^with$/ },
  frightening: { form: 'frightened', after: /^of$/ },
  tiring: { form: 'tired', after: /^of$/ },
  embarrassing: { form: 'embarrassed', after: /^about$/ },
});
/** "am", "was", "are", "were" after "I"/"we", or their contraction with it ("I'm", "we're"). */
const FIRST_PERSON_BE = /^(am|was|are|were|i['’]m|we['’]re)$/;

/** A mass noun at i, after at most one adjective, ending its phrase. */
function massNounAhead(tokens: readonly Token[], i: number): boolean {
  const k = tokens[i] && PURE_ADJECTIVE(lc(tokens[i])) && tokens[i].post === '' && tokens[i + 1] ? i + 1 : i;
  if (!MASS_NOUNS.has(lc(tokens[k])) || tokens[k].pre !== '' || lc(tokens[k + 1]) === 'of') return false;
  // The mass noun must head the phrase: in "a traffic jam", "a software company" it describes a counted noun.
  const next = tokens[k + 1];
  return !(next && tokens[k].post === '' && (countedNoun(lc(next)) || isPluralNoun(lc(next)) || purePlural(lc(next))));
}

/** The mass noun at i (or after one adjective there) ends its phrase or a clause word follows it ("much money do you have", "much rain last summer"). */
function massNounEndsPhrase(tokens: readonly Token[], i: number): boolean {
  const k = MASS_NOUNS.has(lc(tokens[i])) || MUCH_NOUNS.has(lc(tokens[i])) ? i : i + 1;
  const next = lc(tokens[k + 1]);
  return endsPhrase(tokens, k) || HEAD_FOLLOWERS.has(next) || BE.has(next) || SUBJECT_PRONOUNS.has(next) || MODALS.has(next) || DO_FORMS.has(next) || /^(this|last|next|today|tonight|should)$/.test(next);
}
/** Food, drink and weather that "many" does not count, besides MASS_NOUNS: "how many water" → "how much water". */
const MUCH_NOUNS: ReadonlySet<string> = new Set(['water', 'sugar', 'salt', 'rice', 'bread', 'tea', 'coffee', 'milk', 'juice', 'rain', 'snow', 'butter', 'cheese', 'meat', 'oil', 'electricity', 'fun']);

/** A counted singular noun: the lexicon's, or a word it lacks that its tagger reads as one ("company"). */
function countedNoun(w: string): boolean {
  return isSingularNoun(w) || (!known(w) && /^\p{Ll}+$/u.test(w) && guessNounTags(w).includes('Singular'));
}

/** An article at i that English does not want, given the words around it. */
function articleToDrop(tokens: readonly Token[], i: number): boolean {
  const [t, next] = [tokens[i], tokens[i + 1]];
  const w = lc(t);
  if (t.post !== '' || !next || next.pre !== '') return false;
  // "an information", "a good advice": no indefinite article before a noun that is never counted, nor before "many".
  if (w === 'a' || w === 'an') return massNounAhead(tokens, i + 1) || lc(next) === 'many';
  if (w !== 'the') return false;
  const n = lc(next);
  const after = tokens[i + 2];
  // "for the these reasons", "the my friend": a demonstrative or possessive is the determiner.
  if (/^(these|those|this|my|your|his|our|their|its)$/.test(n)) return true;
  // "more reliable than the facts", "smarter than the other people": a comparison with a whole class.
  const endsHere = (k: number): boolean => tokens[k].post !== '' || !tokens[k + 1];
  if (lc(tokens[i - 1]) === 'than' && ((n === 'other' && after && (purePlural(lc(after)) || lc(after) === 'people') && endsHere(i + 2)) || (purePlural(n) && endsHere(i + 1)))) return true;
  // "the nature", "the society" meant in general: no article unless what follows may make it specific.
  return GENERIC_NOUNS.has(n) && (endsHere(i + 1) || GENERIC_FOLLOWERS.test(lc(after))) && i > 0 && !/^(of|in|at|on)$/.test(lc(tokens[i - 1]));
}

/** Verbs that take their object directly, and the preposition learners put before it: "discuss about it", "trust on it". */
const DIRECT_OBJECT_VERBS: readonly [RegExp, string][] = [
  [/^discuss(es|ed|ing)?$/, 'about'],
  [/^mention(s|ed|ing)?$/, 'about'],
  [/^affect(s|ed|ing)?$/, 'on'],
  [/^trust(s|ed|ing)?$/, 'on'],
  [/^emphasi[sz](e|es|ed|ing)$/, 'on'],
  [/^enter(s|ed|ing)?$/, 'in'],
  [/^answer(s|ed|ing)?$/, 'on'],
  [/^return(s|ed|ing)?$/, 'back'],
];

/** The preposition at i follows a verb that takes its object directly; after a determiner the verb is a noun ("the trust on both sides"). */
function redundantPreposition(tokens: readonly Token[], i: number): boolean {
  const [verb, prep] = [tokens[i - 1], tokens[i]];
  const p = lc(prep);
  if (!verb || !DIRECT_OBJECT_VERBS.some(([v, wrong]) => wrong === p && v.test(lc(verb)))) return false;
  return verb.post === '' && prep.post === '' && i + 1 < tokens.length && !DETERMINERS.has(lc(tokens[i - 2])) && !PURE_ADJECTIVE(lc(tokens[i - 2]));
}

/** Fixed word-form errors: false plurals, double comparatives, "discuss about", "it's is". */
function wordForms(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const w = lc(t);
    const next = tokens[i + 1];
    if (FALSE_PLURALS[w]) setWord(t, FALSE_PLURALS[w]);
    // "more better", "more easier": drop the redundant "more".
    if (w === 'more' && t.post === '' && next && /^(better|worse|easier|bigger|smaller|faster|cheaper|happier|harder|larger|longer|older|younger|higher|lower|stronger|richer|healthier)$/i.test(next.word)) {
      continue;
    }
    // "more tall than" → "taller than": a short adjective compares with -er (not "more likely than").
    const shorter = w === 'more' && t.post === '' && next && next.post === '' && lc(tokens[i + 2]) === 'than' && SHORT_ADJECTIVE.test(lc(next)) ? degreeOf(lc(next), 'Comparative') : undefined;
    if (shorter) {
      setWord(next, shorter);
      next.pre = t.pre + next.pre;
      continue;
    }
    // "the most tall girl" → "the tallest girl": the same adjectives form their superlative with -est.
    const shortest = w === 'most' && t.post === '' && /^(the|my|his|her|our|their|your)$/.test(lc(tokens[i - 1])) && next && SHORT_ADJECTIVE.test(lc(next)) ? degreeOf(lc(next), 'Superlative') : undefined;
    if (shortest) {
      setWord(next, shortest);
      next.pre = t.pre + next.pre;
      continue;
    }
    if (redundantPreposition(tokens, i)) continue;
    // "three persons" → "three people": counted people are "people" ("persons" is legal language).
    if (w === 'persons' && i > 0 && tokens[i - 1].post === '' && (NUMBERS.has(lc(tokens[i - 1])) || /^\d+$/.test(tokens[i - 1].word))) setWord(t, 'people');
    // "every knowledge" → "all knowledge": "every" counts, and a mass noun is not counted.
    if ((w === 'every' || w === 'each') && t.post === '' && massNounAhead(tokens, i + 1)) setWord(t, 'all');
    // "how many money" → "how much money": "many" counts too ("too many homework" → "much").
    // Only where nothing after the noun could be what "many" counts ("many software engineers").
    if (w === 'many' && t.post === '' && (massNounAhead(tokens, i + 1) || (MUCH_NOUNS.has(lc(next)) && next.pre === '')) && massNounEndsPhrase(tokens, i + 1)) setWord(t, 'much');
    // "I don't have many time today" → "much time": time one has or spends is not counted ("many times" is).
    if (w === 'many' && t.post === '' && lc(next) === 'time' && next.post !== undefined && /^(have|has|had|having|need|needs|needed|spend|spent|got|get|take|takes|took)$/.test(lc(tokens[i - 1])) && (endsPhrase(tokens, i + 1) || /^(today|tonight|now|left|to|for)$/.test(lc(tokens[i + 2])))) setWord(t, 'much');
    // "I am interesting in music" → "interested": a feeling is the -ed form; only after "I"/"we",
    // since "she is interesting in many ways" is fine.
    const feeling = FEELINGS[w];
    // An intensifier may stand between: "I am very exciting about".
    const b = i > 1 && /^(very|so|really|quite|too|extremely)$/.test(lc(tokens[i - 1])) && tokens[i - 1].post === '' ? i - 1 : i;
    if (feeling && b > 0 && tokens[b - 1].post === '' && FIRST_PERSON_BE.test(lc(tokens[b - 1])) && (b === 1 || /^(i|we)$/.test(lc(tokens[b - 2])) || /^(i|we)['’]/.test(lc(tokens[b - 1]))) && t.post === '' && feeling.after.test(lc(next))) {
      setWord(t, feeling.form);
    }
    // "its very expensive" → "it's very expensive": a possessive never comes before an adverb or a bare adjective.
    // Not after a preposition: "by its very nature", "for its own sake".
    if (w === 'its' && t.post === '' && next && next.pre === '' && IT_IS_FOLLOWERS.test(lc(next)) && lc(tokens[i + 2]) !== 'own' && !PREPOSITIONS_BEFORE_ITS.has(lc(tokens[i - 1]))) {
      setWord(t, "it's");
    }
    // "it's is" → "it is": the contracted "is" and the full one say it twice.
    const doubled = /^(it|that|there|he|she|what)['’]s$/.exec(w);
    if (doubled && t.post === '' && /^(is|was)$/.test(lc(next))) setWord(t, doubled[1]);
    if (articleToDrop(tokens, i)) {
      // The next word takes the article's place: its capital and any opening punctuation.
      if (/^\p{Lu}/u.test(t.word)) next.word = next.word.charAt(0).toUpperCase() + next.word.slice(1);
      next.pre = t.pre + next.pre;
      continue;
    }
    out.push(t);
  }
  return out;
}

const INTRODUCTORY = [
  'however', 'therefore', 'moreover', 'furthermore', 'nowadays', 'firstly', 'secondly', 'thirdly', 'finally', 'besides',
  'consequently', 'hence', 'thus', 'also', 'additionally', 'unfortunately', 'fortunately', 'personally', 'in addition',
  'for example', 'for instance', 'in conclusion', 'in my opinion', 'of course', 'in fact', 'on the other hand',
  'in other words', 'as a result', 'in short', 'in summary', 'to sum up', 'in general', 'in the end', 'these days',
  'in this case', 'in that case', "in today's world", 'in this situation', 'in this way', 'for this reason', 'for these reasons',
  'first of all', 'second', 'third', 'lastly', 'actually', 'yes', 'after that', 'to my surprise', 'in simple words', 'in my view',
  'on the contrary', 'in contrast', 'at first', 'honestly', 'surprisingly', 'in the past', 'as a matter of fact', 'in brief',
  'as far as i am concerned', 'as far as i know', 'from my point of view', 'in my point of view', 'to be honest', 'in the long run',
  'all in all', 'on the one hand', 'generally speaking', 'in my experience', 'to conclude', 'to summarize', 'in addition to this',
].map((p) => p.split(' '));
const CLAUSE_OPENERS = new Set(['i', 'you', 'he', 'she', 'it', "it's", 'its', 'we', 'they', 'there', 'this', 'that', 'the', 'my', 'his', 'her', 'their', 'our', 'people', 'now', 'many', 'most', 'some', 'if', 'when', 'even', 'actually', 'also', 'still', 'in']);

/**
 * Commas that split what belongs together: after a sentence-opening "But"/"And"/"Or" ("But, I
 * went"), after "but" joining a clause ("but, if"), and between a verb of thinking and its clause
 * ("I believe, that"). Only a lone comma goes; a second comma closing an aside keeps both.
 */
function removeStrayCommas(tokens: Token[]): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    if (t.post !== ',' || tokens[i + 1].pre !== '') continue;
    const w = lc(t);
    const next = lc(tokens[i + 1]);
    const opener = i === 0 && /^(but|and|or)$/.test(w);
    const joiner = w === 'but' && i > 0 && /^(if|when|because|i|we|they|he|she|it|the)$/.test(next);
    // Not "You know, I …": that "you know" is a filler, not a verb and its clause.
    const filler = w === 'know' && lc(tokens[i - 1]) === 'you';
    const thinking = /^(believe|think|know|feel|hope|guess)$/.test(w) && i > 0 && SUBJECT_PRONOUNS.has(lc(tokens[i - 1])) && (next === 'that' || SUBJECT_PRONOUNS.has(next) || next === 'this') && !filler;
    // An aside closed by a later comma ("But, of course, …") is left as it is.
    const aside = tokens.slice(i + 1, i + 5).some((x) => x.post === ',');
    if ((opener || joiner || thinking) && !aside) t.post = '';
  }
}

/** Written text only: a comma after a sentence-opening connective, and before "but"/"so" joining two clauses. */
function commas(tokens: Token[]): void {
  removeStrayCommas(tokens);
  // "But in my opinion", "Thus, in my view": the phrase may follow a leading conjunction or connective.
  const s = leadingConnective(tokens) || leadingConjunction(tokens) ? 1 : 0;
  for (const phrase of INTRODUCTORY) {
    const last = tokens[s + phrase.length - 1];
    // "However much he tried": a degree word follows, so "however" is no sentence adverb here.
    if (phrase.length === 1 && phrase[0] === 'however' && /^(much|many|little|few|long|often|hard)$/.test(lc(tokens[s + 1]))) break;
    if (tokens.length <= s + phrase.length + 2 || !phrase.every((w, k) => lc(tokens[s + k]) === w && (k === phrase.length - 1 || tokens[s + k].post === ''))) continue;
    // "In contrast to the lecture", "As a result of it": the phrase goes on.
    if (last.post === '' && /^(to|of)$/.test(lc(tokens[s + phrase.length]))) continue;
    if (last.post === '' && /^[\p{L}"]/u.test(tokens[s + phrase.length].pre + tokens[s + phrase.length].word)) last.post = ',';
    break;
  }
  for (let i = 4; i + 2 < tokens.length; i++) {
    const w = lc(tokens[i]);
    if ((w !== 'but' && w !== 'so') || tokens[i - 1].post !== '' || !/[\p{L}\p{N}]/u.test(tokens[i - 1].word) || tokens[i].pre !== '') continue;
    const next = lc(tokens[i + 1]);
    // "and so on", and "not only … but also" take no comma; nor does "so" ending a phrase ("to do so, they").
    if (/^(and|or)$/.test(lc(tokens[i - 1])) || (w === 'but' && next === 'also') || (w === 'so' && tokens[i].post !== '')) continue;
    if (w === 'but' ? CLAUSE_OPENERS.has(next) : (SUBJECT_PRONOUNS.has(next) && next !== 'you' && next !== 'it') || next === 'there') {
      // Only when the clause before has no comma of its own: count words back to the last break.
      let k = i - 1;
      while (k > 0 && tokens[k - 1].post === '') k--;
      if (i - k >= 4) tokens[i - 1].post = ',';
    }
  }
  // ", especially" before a prepositional phrase or clause opens an aside ("cars, especially in cities").
  for (let i = 3; i + 1 < tokens.length; i++) {
    const w = lc(tokens[i]);
    // The token before must be a word: a bare dash or symbol keeps its own punctuation.
    if (tokens[i - 1].post !== '' || !/[\p{L}\p{N}]/u.test(tokens[i - 1].word) || tokens[i].pre !== '' || /^(and|or|but)$/.test(lc(tokens[i - 1]))) continue;
    const aside = w === 'especially' && /^(when|if|in|for|with|because|since|during|at|on|after|among|while|as)$/.test(lc(tokens[i + 1])) && !BE.has(lc(tokens[i - 1])) && !/ly$|^(not|very|so|too)$/.test(lc(tokens[i - 1]));
    if (aside) tokens[i - 1].post = ',';
    // A mid-sentence "for example" / "for instance" is set off on both sides.
    if (w === 'for' && /^(example|instance)$/.test(lc(tokens[i + 1])) && tokens[i + 1].pre === '') {
      tokens[i - 1].post = ',';
      if (tokens[i + 1].post === '' && i + 2 < tokens.length) tokens[i + 1].post = ',';
    }
  }
  // ", which" after a noun: learners rarely mean a restrictive "which" (that is what "that" is for).
  // Mass nouns ("electricity") and names inside the sentence ("Kyoto") count as nouns here.
  for (let i = 3; i + 1 < tokens.length; i++) {
    if (lc(tokens[i]) !== 'which' || tokens[i - 1].post !== '' || tokens[i].pre !== '') continue;
    const n = lc(tokens[i - 1]);
    const name = /^\p{Lu}\p{Ll}+$/u.test(tokens[i - 1].word) && !tags(n).some((x) => x === 'Preposition' || x === 'Conjunction');
    if (isSingularNoun(n) || isPluralNoun(n) || isUncountable(n) || name) tokens[i - 1].post = ',';
  }
}

const COMPARATIVE = (w: string): boolean => /^(more|less|fewer|better|worse)$/.test(w) || has(w, 'Comparative');

/**
 * Written text only: commas English sets around sentence adverbs.
 * "Then when we went" / "And now because of" → "Then, when …" (an opening adverb before a clause);
 * "But by then we had" → "But by then, we had"; "A person however will" → "A person, however, will";
 * "The more you read the better you write" → "The more you read, the better you write".
 */
function adverbCommas(tokens: Token[]): void {
  let k = leadingConjunction(tokens) ? 1 : 0;
  const byThen = lc(tokens[k]) === 'by' && lc(tokens[k + 1]) === 'then' && tokens[k].post === '';
  if (byThen) k++;
  const w = lc(tokens[k]);
  if ((w === 'then' || w === 'now') && tokens[k].post === '' && k + 3 < tokens.length) {
    const next = lc(tokens[k + 1]);
    if (SUBORDINATORS.has(next) || next === 'as' || (byThen && SUBJECT_PRONOUNS.has(next))) tokens[k].post = ',';
  }
  for (let i = 2; i + 1 < tokens.length; i++) {
    if (lc(tokens[i]) !== 'however' || tokens[i - 1].post !== '' || tokens[i].pre !== '' || !/[\p{L}\p{N}]/u.test(tokens[i - 1].word)) continue;
    const next = lc(tokens[i + 1]);
    // Between a subject and its verb only: "however hard he tried" is a degree, and "cheap however it
    // broke" joins two clauses, which wants a semicolon, not commas.
    if (!(MAIN_VERBS.has(next) || BE.has(next) || DO_FORMS.has(next)) || /^(and|or|but)$/.test(lc(tokens[i - 1]))) continue;
    tokens[i - 1].post = ',';
    if (tokens[i].post === '') tokens[i].post = ',';
  }
  if (lc(tokens[0]) === 'the' && COMPARATIVE(lc(tokens[1]))) {
    for (let j = 3; j + 2 < tokens.length; j++) {
      if (lc(tokens[j]) === 'the' && COMPARATIVE(lc(tokens[j + 1])) && tokens[j - 1].post === '' && tokens[j].pre === '') {
        tokens[j - 1].post = ',';
        break;
      }
    }
  }
}

const LEADING_CONJUNCTION = /^(and|but|so)$/;
/** The sentence opens with "And", "But" or "So" and no comma, after which an opener may follow ("But if …"). */
const leadingConjunction = (tokens: readonly Token[]): boolean => LEADING_CONJUNCTION.test(lc(tokens[0])) && tokens[0].post === '';
/** The sentence opens with a one-word connective and its comma ("Thus,", "So,"), after which a second opener may follow. */
const leadingConnective = (tokens: readonly Token[]): boolean => tokens[0].post === ',' && tokens.length > 3 && (LEADING_CONJUNCTION.test(lc(tokens[0])) || INTRODUCTORY.some((p) => p.length === 1 && p[0] === lc(tokens[0])));

/** Prepositions that open a sentence with an adverbial phrase ("In a market economy, the price …"). */
const OPENING_PREPOSITIONS = new Set(['in', 'as', 'without', 'with', 'after', 'before', 'during', 'despite', 'unlike', 'among', 'through', 'throughout', 'since', 'for', 'at', 'on', 'by']);
const SUBJECT_STARTS = new Set(['i', 'you', 'he', 'she', 'we', 'they', 'it', 'there', 'people']);

/**
 * Written text only: a comma after a sentence-opening prepositional phrase, where the main clause
 * surely starts — a subject pronoun, or a determiner and a noun, before an auxiliary or modal:
 * "As a young person you can" → "As a young person, you can". Everything between must be nominal.
 */
function introductoryPhraseComma(tokens: Token[]): void {
  // "Even after school", "So in this field", "Thus, in that case": a leading adverb or conjunction may come first.
  const p = /^(even|so|and|but|also|especially)$/.test(lc(tokens[0])) && tokens[0].post === '' ? 1 : leadingConnective(tokens) ? 1 : 0;
  if (!OPENING_PREPOSITIONS.has(lc(tokens[p])) || tokens[p].post !== '') return;
  // "By the time I was thirty, …", "From the moment we met, …": a clause follows with no "when", and
  // the comma goes after it.
  if (/^(by|from|since) the (time|moment|minute|day)$/.test(tokens.slice(p, p + 3).map(lc).join(' '))) return;
  for (let j = p + 2; j <= p + 7 && j + 1 < tokens.length; j++) {
    const between = tokens[j - 1];
    const w = lc(between);
    if (between.post !== '' || between.pre !== '' || MAIN_VERBS.has(w) || MODALS.has(w) || (CONJUNCTIONS.has(w) && !gerundPhrase(tokens, p, j - 1))) return;
    const t = tags(w);
    // A phrase does not end in a determiner ("In the old age the people"), unless it stands for a noun ("By this we").
    if (t.some((x) => x === 'Determiner' || x === 'Possessive' || x === 'Preposition') && !demonstrativeEndsPhrase(tokens, j - 1)) continue;
    // A base verb after a determiner or adjective is a noun ("a market economy").
    const afterModifier = tags(lc(tokens[j - 2])).some((x) => x === 'Determiner' || x === 'Possessive' || x === 'Adjective');
    if (t.length > 0 && !t.some((x) => NOMINAL_TAGS.has(x) || (x === 'Infinitive' && afterModifier)) && !gerundPhrase(tokens, p, j - 1)) return;
    const subject = lc(tokens[j]);
    const verb = lc(tokens[j + 1]);
    const finite = MAIN_VERBS.has(verb) || (subject !== 'there' && subject !== 'it' && tags(verb).some((x) => x === 'PastTense' || x === 'PresentTense' || x === 'Infinitive') && !tags(verb).some((x) => NOMINAL_TAGS.has(x)));
    const pronounClause = SUBJECT_STARTS.has(subject) && finite;
    if (tokens[j].pre === '' && tokens[j].post === '' && (pronounClause || definiteSubject(tokens, j))) {
      between.post = ',';
      return;
    }
  }
}

/** "this"/"these" at i right before a subject pronoun stands for a noun and ends the phrase: "By this we", "After doing these you". */
const demonstrativeEndsPhrase = (tokens: readonly Token[], i: number): boolean => /^(this|these)$/.test(lc(tokens[i])) && SUBJECT_PRONOUNS.has(lc(tokens[i + 1]));

/**
 * The word at i belongs to a gerund phrase the preposition at p opens: the gerund itself right after
 * it ("By avoiding this", "After finishing school"), or "so" right after that gerund ("By doing so").
 */
function gerundPhrase(tokens: readonly Token[], p: number, i: number): boolean {
  if (i === p + 1) return has(lc(tokens[i]), 'Gerund');
  return i === p + 2 && lc(tokens[i]) === 'so' && has(lc(tokens[p + 1]), 'Gerund');
}

/** A definite noun phrase at j ("the best way", "my parents") right before an auxiliary or modal: a clause's subject. */
function definiteSubject(tokens: readonly Token[], j: number): boolean {
  if (!DETERMINERS.has(lc(tokens[j])) || /^(a|an)$/.test(lc(tokens[j]))) return false;
  let k = j + 1;
  while (k < tokens.length && tokens[k - 1].post === '' && PURE_ADJECTIVE(lc(tokens[k]))) k++;
  const head = lc(tokens[k]);
  const noun = isSingularNoun(head) || isPluralNoun(head) || countedNoun(head);
  return noun && tokens[k - 1].post === '' && tokens[k].post === '' && MAIN_VERBS.has(lc(tokens[k + 1]));
}

const NOT_SUBJECT_BEFORE = new Set([...MODALS, ...DO_FORMS, 'do', 'let', 'make', 'makes', 'made', 'help', 'helps', 'helped', 'see', 'saw', 'watch', 'hear', 'heard', 'have', 'has', 'had', 'let', 'lets', 'if', 'that']);

const FREQUENCY_ADVERBS = new Set(['always', 'usually', 'often', 'sometimes', 'never', 'rarely', 'seldom', 'also', 'really', 'still', 'generally', 'normally', 'totally', 'certainly', 'actually']);

/** "he have" → "he has", "it make" → "it makes", "she don't" → "she doesn't". */
function pronounAgreement(tokens: Token[]): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const p = lc(tokens[i]);
    if ((p !== 'he' && p !== 'she' && p !== 'it') || tokens[i].post !== '') continue;
    // "it" is an object after a verb ("make it work"); only a clause-initial "it" is surely a subject.
    if (p === 'it' ? !clauseStart(tokens, i) || lc(tokens[i - 1]) === 'that' : i > 0 && NOT_SUBJECT_BEFORE.has(lc(tokens[i - 1]))) continue;
    // A frequency adverb may stand between subject and verb ("he always go" → "he always goes").
    const at = FREQUENCY_ADVERBS.has(lc(tokens[i + 1])) && tokens[i + 1].post === '' && i + 2 < tokens.length ? i + 2 : i + 1;
    const v = tokens[at];
    if (!/^\p{Ll}/u.test(v.word)) continue;
    // A verb right after the candidate means it was an adverb or adjective ("he last chose").
    if (verbForms(lc(tokens[at + 1])) && !TO_THIRD[lc(v)]) continue;
    // "she read a book", "it cost a lot": the past is spelt as the base.
    if (SAME_PAST.has(lc(v))) continue;
    if (at > i + 1 && !thirdPerson(tokens, at)) continue;
    const target = TO_THIRD[lc(v)] && lc(v) !== 'were' && lc(v) !== 'are' ? TO_THIRD[lc(v)] : thirdPerson(tokens, at);
    if (target) setWord(v, target);
  }
}

/** An adjective that needs a verb before it: not a participle, nor a word that is also a verb or adverb ("they live", "I lost"). */
const PREDICATE_ADJECTIVE = (w: string): boolean => PURE_ADJECTIVE(w) && !QUANTIFIERS.has(w) && !/ed$|^(left|right|lost|like|live|well|back|ahead|home|alone|only)$/.test(w);

/**
 * The adjective at k ends its clause or takes "to", "for", "that", "because", "and"…: what a
 * predicate adjective does, and an adverb the lexicon also calls an adjective ("will soon forget",
 * "would still like") does not.
 */
function adjectiveEndsPredicate(tokens: readonly Token[], k: number): boolean {
  return endsPhrase(tokens, k) || /^(to|for|that|because|and|but|when|if|at|in|with|about|of)$/.test(lc(tokens[k + 1]));
}

/** "it very hard to" → "it is very hard to": a subject pronoun opening a clause, then an adjective and no verb. */
function missingCopula(tokens: Token[]): Token[] {
  return insertAfter(tokens, (i) => {
    const p = lc(tokens[i]);
    if (!COPULA[p] || tokens[i].post !== '' || !clauseStart(tokens, i) || i + 1 >= tokens.length) return undefined;
    let k = i + 1;
    // "it extremely hard", "it seriously very hard": an adverb in -ly may come first.
    if (/..ly$/.test(lc(tokens[k])) && (has(lc(tokens[k]), 'Adverb') || !known(lc(tokens[k]))) && tokens[k].post === '') k++;
    if (/^(very|so|too|really|quite)$/.test(lc(tokens[k])) && tokens[k].post === '') k++;
    const adjective = tokens[k];
    // After a degree word, a word the lexicon lacks but whose suffix marks an adjective counts too ("so expensive").
    const suffixed = k > i + 1 && adjective && !known(lc(adjective)) && /..(ous|ful|ive|able|ible|less)$/.test(lc(adjective));
    if (!adjective || adjective.pre !== '' || !(PREDICATE_ADJECTIVE(lc(adjective)) || suffixed)) return undefined;
    if (!adjectiveEndsPredicate(tokens, k)) return undefined;
    return p === 'i' ? 'am' : COPULA[p];
  });
}

/** "and doesn't matter if" → "and it doesn't matter if": the verb "matter" with no subject needs its "it". */
function dummyIt(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const negation = /^(doesn't|didn't)$/.test(lc(t)) ? 1 : /^(does|did)$/.test(lc(t)) && lc(tokens[i + 1]) === 'not' ? 2 : 0;
    if (negation && lc(tokens[i + negation]) === 'matter' && tokens.slice(i, i + negation).every((x) => x.post === '') && clauseStart(tokens, i)) {
      out.push({ pre: t.pre, word: i === 0 && /^\p{Lu}/u.test(t.word) ? 'It' : 'it', post: '', space: ' ' });
      out.push({ ...t, pre: '', word: i === 0 ? t.word.toLowerCase() : t.word });
      continue;
    }
    out.push(t);
  }
  return out;
}

/** "the important is to try" → "the important thing is to try": these adjectives do not stand for a thing on their own ("the best is yet to come" does). */
function adjectiveThing(tokens: Token[]): Token[] {
  return insertAfter(tokens, (i) => {
    const adjective = /^(important|main|interesting|funny|strange|surprising|difficult|hard|easy)$/.test(lc(tokens[i]));
    if (!adjective || tokens[i].post !== '' || !/^(is|was)$/.test(lc(tokens[i + 1]))) return undefined;
    const k = lc(tokens[i - 1]) === 'most' && tokens[i - 1].post === '' ? i - 2 : i - 1;
    return lc(tokens[k]) === 'the' && tokens[k].post === '' && clauseStart(tokens, k) ? 'thing' : undefined;
  });
}

/** "when you be rich" → "when you are rich": a subject pronoun opening a clause takes a finite "be" (after "that" it may be a subjunctive: "I insist that you be there"). */
function finiteBe(tokens: Token[]): void {
  for (let i = 0; i + 2 < tokens.length; i++) {
    const p = lc(tokens[i]);
    if (!COPULA[p] || tokens[i].post !== '' || lc(tokens[i + 1]) !== 'be' || !clauseStart(tokens, i) || lc(tokens[i - 1]) === 'that') continue;
    setWord(tokens[i + 1], COPULA[p]);
  }
}

/** "we will able to" → "we will be able to", "it can the best" → "it can be the best": a modal after its subject needs a verb before a noun phrase or adjective. */
function beAfterModal(tokens: Token[]): Token[] {
  return insertAfter(tokens, (i) => {
    const [m, next] = [tokens[i], tokens[i + 1]];
    if (!next || i === 0 || !MODALS.has(lc(m)) || m.post !== '' || next.pre !== '' || tokens[i - 1].post !== '') return undefined;
    if (!SUBJECT_PRONOUNS.has(lc(tokens[i - 1])) && !/^(this|that|there)$/.test(lc(tokens[i - 1]))) return undefined;
    const w = lc(next);
    const adjective = PREDICATE_ADJECTIVE(w) && adjectiveEndsPredicate(tokens, i + 1);
    return w === 'able' || w === 'a' || w === 'an' || w === 'the' || adjective ? 'be' : undefined;
  });
}

/** "when teacher asks" → "when the teacher asks": a bare singular noun for a person opening a clause as its subject needs an article ("man" may be mankind; family words may be names). */
function personSubjectArticle(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const [t, v] = [tokens[i], tokens[i + 1]];
    const w = lc(t);
    const person = /^\p{Ll}+$/u.test(t.word) && has(w, 'Actor') && isSingularNoun(w) && !COLLECTIVE_NOUNS.has(w) && !/body$|^(man|woman|mom|dad|mum|mother|father|grandmother|grandfather|grandma|grandpa)$/.test(w);
    // A singular verb only: before a plural one the noun is a bare plural's singular ("scientist agree").
    const vt = person && v ? tags(lc(v)) : [];
    const verb = person && v && /^\p{Ll}/u.test(v.word) && !/^(are|were|have|do|don't)$/.test(lc(v)) && (MAIN_VERBS.has(lc(v)) || (vt.some((x) => x === 'PastTense' || x === 'PresentTense') && !vt.some((x) => NOMINAL_TAGS.has(x)) && (vt.includes('PastTense') || /s$/.test(lc(v)))));
    if (person && verb && t.pre === '' && t.post === '' && clauseStart(tokens, i) && !/^(and|or|that)$/.test(lc(tokens[i - 1]))) {
      out.push(bareWord('the'));
    }
    out.push(t);
  }
  return out;
}

/** "scientist agree that" → "scientists agree that": a bare countable noun opening a clause with a plural verb. */
function bareNounSubject(tokens: Token[]): void {
  for (let i = 0; i + 2 < tokens.length; i++) {
    const n = tokens[i];
    const w = lc(n);
    if (n.post !== '' || n.pre !== '' || !clauseStart(tokens, i) || (i > 0 && /^\p{Lu}/u.test(n.word))) continue;
    // After "and"/"or" the noun may be the second half of a coordinated subject ("my father and mother want").
    if (i > 0 && /^(and|or)$/.test(lc(tokens[i - 1]))) continue;
    if (!isSingularNoun(w) || tags(w).some((t) => t === 'Person' || t === 'FemaleNoun' || t === 'MaleNoun') || TIME_NOUNS.has(w)) continue;
    const v = lc(tokens[i + 1]);
    const pluralVerb = v === 'have' || v === 'are' || v === 'were' || v === "don't" || (isBaseVerb(v) && !MODALS.has(v) && v !== 'need' && v !== 'let');
    if (!pluralVerb || tokens[i + 1].post !== '' && v !== 'are' && v !== 'were') continue;
    // The clause must go on like a sentence: "that", a noun phrase or a preposition after the verb.
    if (!/^(that|to|the|a|an|to|in|on|with|about|more|many|some|this|these|it|them|their|our|been|not|very|so|all)$/.test(lc(tokens[i + 2]))) continue;
    const p = plural(w);
    if (p && p !== w && (isKnownWord(p) || !isKnownWord(w))) setWord(n, p);
  }
}

/** "can not" → "cannot" (not "can not only"); "lot of" → "a lot of" when no determiner precedes, "the lots of" → "a lot of"; "for long time" → "for a long time". */
function fixedPhrases(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (lc(t) === 'can' && t.post === '' && lc(next) === 'not' && lc(tokens[i + 2]) !== 'only' && lc(tokens[i + 2]) !== 'but') {
      out.push({ ...t, word: t.word + 'not', post: next.post, space: next.space });
      i++;
      continue;
    }
    const compound = t.post === '' && next && next.pre === '' ? CLOSED_COMPOUNDS.get(`${lc(t)} ${lc(next)}`) : undefined;
    if (compound) {
      out.push({ ...t, word: /^\p{Lu}/u.test(t.word) ? compound.charAt(0).toUpperCase() + compound.slice(1) : compound, post: next.post, space: next.space });
      i++;
      continue;
    }
    if (lc(t) === 'lot' && t.pre === '' && t.post === '' && lc(next) === 'of' && i > 0 && tokens[i - 1].post === '' && LOT_BEFORE.has(lc(tokens[i - 1]))) {
      out.push(bareWord(/^\p{Lu}/u.test(t.word) ? 'A' : 'a'), { ...t, word: t.word.toLowerCase() });
      continue;
    }
    // "the lots of" → "a lot of": "lots of" takes no article, "lot of" takes "a".
    if (/^(the|a)$/.test(lc(t)) && t.post === '' && lc(next) === 'lots' && next.pre === '' && next.post === '' && lc(tokens[i + 2]) === 'of') {
      setWord(t, 'a');
      setWord(next, 'lot');
    }
    // "for long time" → "for a long time": a stretch of time after a preposition is counted.
    if (/^(long|short)$/.test(lc(t)) && t.pre === '' && t.post === '' && /^(time|while|period)$/.test(lc(next)) && i > 0 && tokens[i - 1].post === '' && /^(for|in|after|within)$/.test(lc(tokens[i - 1]))) {
      out.push(bareWord('a'));
    }
    out.push(t);
  }
  return out;
}
/** Words learners split that are always one word: "some thing" → "something", "him self" → "himself". */
const CLOSED_COMPOUNDS: ReadonlyMap<string, string> = new Map(
  ['something', 'anything', 'everything', 'someone', 'everybody', 'somebody', 'anybody', 'nobody', 'therefore', 'myself', 'himself',
    'herself', 'yourself', 'itself', 'ourselves', 'themselves', 'yourselves', 'without', 'everywhere', 'somewhere', 'anywhere',
    'sometimes', 'furthermore', 'moreover', 'instead', 'somehow', 'whatever', 'whenever'].map((w) => {
    const split = /^(some|any|every|no|there|my|him|her|your|it|our|them|with|further|more|in|what|when)(.+)$/.exec(w)!;
    return [`${split[1]} ${split[2]}`, w];
  }),
);
const LOT_BEFORE = new Set(['have', 'has', 'had', 'spend', 'spent', 'spends', 'take', 'takes', 'took', 'need', 'needs', 'needed', 'with', 'for', 'are', 'is', 'was', 'were', 'be', 'been', 'there', 'get', 'got', 'gets', 'learn', 'learned', 'make', 'makes', 'made', 'give', 'gives', 'gave', 'save', 'saves', 'saved', 'cost', 'costs', 'earn', 'earns', 'earned', 'do', 'does', 'did', 'eat', 'ate', 'know', 'knows', 'knew', 'and', 'in', 'about', 'read', 'see', 'saw']);

/** Superlatives and "same" need "the": "is most important" → "is the most important", "at same time", "is not same", "have same" → "… the same"; "most of people" → "most people". */
function superlativeArticles(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const w = lc(t);
    const prev = lc(tokens[i - 1]);
    const joined = i > 0 && tokens[i - 1].post === '' && t.pre === '';
    // Only before a noun: a predicative "most kind" (= very) or "it is best to" needs no article.
    const noun = (k: number): boolean => isSingularNoun(lc(tokens[k])) || isPluralNoun(lc(tokens[k]));
    const superlative = (w === 'most' && has(lc(tokens[i + 1]), 'Adjective') && t.post === '' && tokens[i + 1].post === '' && noun(i + 2)) || ((w === 'best' || w === 'worst') && t.post === '' && noun(i + 1));
    // A superlative noun phrase opening a clause before its verb: "best way is" → "the best way is".
    const subject = (w === 'best' || w === 'worst') && t.post === '' && t.pre === '' && clauseStart(tokens, i) && (noun(i + 1) || COUNTABLE.has(lc(tokens[i + 1])) || lc(tokens[i + 1]) === 'way') && tokens[i + 1].post === '' && MAIN_VERBS.has(lc(tokens[i + 2]));
    if ((joined && ((BE.has(prev) && superlative && lc(tokens[i + 1]) !== 'of') || (w === 'same' && (BE.has(prev) || ['at', 'in', 'of', 'on', 'for', 'with', 'not', 'have', 'has', 'had'].includes(prev))))) || subject) {
      out.push({ pre: t.pre, word: /^\p{Lu}/u.test(t.word) ? 'The' : 'the', post: '', space: ' ' });
      if (subject) {
        out.push({ ...t, pre: '', word: t.word.toLowerCase() });
        continue;
      }
    }
    if (w === 'of' && prev === 'most' && joined && t.post === '' && (lc(tokens[i + 1]) === 'people' || isPluralNoun(lc(tokens[i + 1])))) continue;
    out.push(t);
  }
  return out;
}

/** Verbs whose bare singular countable complement needs "a": "she is teacher", "I have car", "without tour guide". */
const A_TRIGGERS = new Set(['is', 'was', 'be', 'been', 'become', 'becomes', 'became', 'have', 'has', 'had', 'having', 'without']);
/** Verbs whose object may be a mass noun ("buy milk", "get help"), so they take "a" only before a noun that is always counted (COUNTABLE, or a person). */
const OBJECT_TRIGGERS = new Set(['get', 'gets', 'got', 'bring', 'brings', 'brought', 'buy', 'buys', 'bought', 'find', 'finds', 'found', 'need', 'needs', 'want', 'wants']);
/** Common countable nouns compromise's lexicon does not list as nouns, for the article rule. */
const COUNTABLE = new Set(['chance', 'guide', 'job', 'idea', 'situation', 'country', 'company', 'computer', 'decision', 'opportunity', 'product', 'dog', 'cat', 'problem', 'question', 'reason', 'plan', 'result', 'solution', 'member', 'doctor', 'lawyer', 'engineer', 'nurse', 'scientist', 'artist', 'writer', 'singer', 'player', 'leader']);
const QUANTIFIERS = new Set(['many', 'much', 'few', 'more', 'most', 'less', 'least', 'other', 'another', 'same', 'such', 'enough', 'own', 'whole', 'next', 'last', 'first', 'best', 'worst']);

/** The word at k can head a noun phrase that takes "a": a counted singular noun (the lexicon's or COUNTABLE), not one used bare ("have time"). */
const countedHead = (tokens: readonly Token[], k: number): boolean => !!tokens[k] && tokens[k].pre === '' && /^\p{Ll}+$/u.test(tokens[k].word) && (isSingularNoun(tokens[k].word) || COUNTABLE.has(tokens[k].word)) && !BARE_NOUNS.has(tokens[k].word) && !TIME_NOUNS.has(tokens[k].word);

/** "she is teacher" → "she is a teacher", "it will be good situation" → "… a good situation": a/an before a bare singular countable noun phrase. */
function indefiniteArticle(tokens: Token[]): Token[] {
  return insertAfter(tokens, (i) => {
    const trigger = lc(tokens[i]);
    const objectVerb = OBJECT_TRIGGERS.has(trigger);
    if (!(A_TRIGGERS.has(trigger) || objectVerb) || tokens[i].post !== '' || i + 1 >= tokens.length) return undefined;
    // The noun phrase: optional "very", adjectives, then the head noun, which must end the phrase.
    let k = i + 1;
    // "is still hope": an adverb after the verb, not an adjective of the noun.
    if (FREQUENCY_ADVERBS.has(lc(tokens[k]))) return undefined;
    if (lc(tokens[k]) === 'very' && tokens[k].post === '') k++;
    // A comparative counts as an adjective here: "have better chance" → "have a better chance".
    while (k < tokens.length && (PURE_ADJECTIVE(lc(tokens[k])) || has(lc(tokens[k]), 'Comparative')) && tokens[k].post === '' && tokens[k].pre === '') k++;
    const head = tokens[k];
    if (!countedHead(tokens, k) || (objectVerb && !COUNTABLE.has(head.word) && !has(head.word, 'Actor'))) return undefined;
    // Right after "is" or "be", a participle spelt like its verb is passive: "is set to", "be run by"
    // (but "is set of tools" wants "a set").
    if (k === i + 1 && /^(is|was|be|been)$/.test(trigger) && BARE_PARTICIPLES.has(head.word) && lc(tokens[k + 1]) !== 'of') return undefined;
    if (lc(tokens[i + 1]) === 'very' && k === i + 2) return undefined;
    // A compound of two counted nouns ends at the second: "without tour guide".
    if (head.post === '' && countedHead(tokens, k + 1)) k++;
    const next = lc(tokens[k + 1]);
    if (!endsPhrase(tokens, k) && !A_FOLLOWERS.has(next)) return undefined;
    if (tokens.slice(i + 1, k).some((t) => QUANTIFIERS.has(lc(t)))) return undefined;
    const first = lc(tokens[i + 1]);
    const an = /^[aeio]/.test(first) || (/^u/.test(first) && !/^(uni|use|usu|ut|ur)/.test(first)) || /^(hour|honest|honou?r|heir)/.test(first);
    return an ? 'an' : 'a';
  });
}

/** Verbs whose past is spelt as their base: after "he" or "she" they are as likely past as not. */
const SAME_PAST = new Set(['read', 'put', 'cut', 'hit', 'let', 'set', 'hurt', 'cost', 'quit', 'shut', 'spread', 'split', 'cast']);

/** Past participles spelt like their verb's base, which the lexicon may know only as nouns. */
const BARE_PARTICIPLES = new Set(['set', 'run', 'put', 'cut', 'hit', 'let', 'read', 'spread', 'shut', 'cost', 'hurt', 'split', 'quit', 'upset', 'cast', 'broadcast', 'forecast', 'reset', 'output', 'input']);

/** Verbs after which the word between "this" and them is its noun ("this books are"). */
const VERBS_AFTER_NOUN = new Set(['is', 'are', 'was', 'were', 'have', 'has', 'will', 'can']);

/** The "this" at i determines a plural noun, and so should be "these". */
function thisBeforePlural(tokens: readonly Token[], i: number): boolean {
  const [noun, after] = [tokens[i + 1], lc(tokens[i + 2])];
  // "how much this costs": the subject of a question inside the sentence.
  if (/^(much|many|what|where|when|why|how|whether|if)$/.test(lc(tokens[i - 1]))) return false;
  // "this" may be a pronoun before a verb ("this makes"), so only after a preposition and ending its phrase: "for this reasons,".
  const afterPreposition = i > 0 && tokens[i - 1].post === '' && has(lc(tokens[i - 1]), 'Preposition') && endsPhrase(tokens, i + 1);
  const verbAfter = VERBS_AFTER_NOUN.has(after);
  // A clause-opening "this" is its subject ("This helps when …", the -s word its verb) unless a verb follows the -s word.
  if (!afterPreposition && !verbAfter && clauseStart(tokens, i)) return false;
  if (noun.pre !== '' || !(purePlural(noun.word) || (afterPreposition && verbOnlyPlural(lc(noun))))) return false;
  return endsPhrase(tokens, i + 1) || (A_FOLLOWERS.has(after) && after !== 'that') || notNominal(after) || verbAfter;
}

/** "this animals" → "these animals"; "a slow movements", "every details" → "a slow movement", "every detail": the determiner and the noun disagree in number. */
function determinerNumber(tokens: Token[]): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const d = lc(tokens[i]);
    if (tokens[i].post !== '') continue;
    if (d === 'this' && thisBeforePlural(tokens, i)) {
      setWord(tokens[i], 'these');
      continue;
    }
    // "each" and "another" opening a clause are pronouns ("and another helps").
    if (!/^(a|an|every|each|another)$/.test(d) || (/^(each|another)$/.test(d) && clauseStart(tokens, i))) continue;
    let k = i + 1;
    while (k < tokens.length && PURE_ADJECTIVE(lc(tokens[k])) && !QUANTIFIERS.has(lc(tokens[k])) && !['great', 'good', 'few'].includes(lc(tokens[k])) && tokens[k].post === '' && tokens[k].pre === '') k++;
    const head = tokens[k];
    // "every" and "a" are never pronouns, so a verb-only word in -s after them is a plural noun ("every details").
    if (!head || head.pre !== '' || !(purePlural(head.word) || (/^(a|an|every)$/.test(d) && verbOnlyPlural(lc(head))))) continue;
    if (!endsPhrase(tokens, k) && !A_FOLLOWERS.has(lc(tokens[k + 1])) && !notNominal(lc(tokens[k + 1]))) continue;
    const one = singular(head.word);
    // Only a plural the lexicon knows, or whose singular it knows: an unknown word may be a misspelling ("a succes").
    if (one && one !== head.word && (has(head.word, 'Plural') || isCommonWord(one) || COUNTABLE.has(one))) setWord(head, one);
  }
}

const SUBORDINATORS = new Set(['if', 'when', 'although', 'though', 'because', 'since', 'while', 'after', 'before', 'once', 'unless', 'whenever']);
const MAIN_SUBJECTS = new Set(['i', 'he', 'she', 'we', 'they', 'you']);
const MAIN_VERBS = new Set(['am', 'is', 'are', 'was', 'were', 'have', 'has', 'had', 'will', 'would', 'can', 'could', 'should', 'must', 'may', 'might', 'do', 'did', "don't", "didn't", "can't", "won't", 'cannot', "wouldn't", "couldn't", "shouldn't"]);
/** Words after which a subject pronoun starts a clause inside the first one ("if I think they", "when he said we"). */
const CLAUSE_TAKERS = /^(that|and|or|but|because|if|when|think|thought|know|knew|say|said|says|believe|feel|felt|hope|see|saw|find|found|mean|means|realize|realized|so|than|as|where|how|what|why|who|which|like|let|make|made|help|want|wanted|wants|tell|told|ask|asked|until|since|while|before|after|whether)$/;

/**
 * Written text only: "If it rains we stay home" → "If it rains, we stay home", when the main clause surely starts at a
 * subject pronoun and a modal or auxiliary, or at a contracted one ("it's", "we'll"); the subordinator may follow "And"/"But"/"So" or "even".
 */
function subordinateClauseComma(tokens: Token[]): void {
  const c = leadingConjunction(tokens) ? 1 : 0;
  // "Even though", "even if", "even when": the subordinator may follow an "even".
  const s = lc(tokens[c]) === 'even' && tokens[c].post === '' && /^(though|if|when)$/.test(lc(tokens[c + 1])) ? c + 1 : c;
  if (!SUBORDINATORS.has(lc(tokens[s])) || tokens[s].post !== '') return;
  for (let j = s + 2; j + 1 < tokens.length; j++) {
    if (tokens[j - 1].post !== '') return;
    const w = lc(tokens[j]);
    const personal = MAIN_SUBJECTS.has(w) && MAIN_VERBS.has(lc(tokens[j + 1]));
    if (j < s + 3 || tokens[j].pre !== '' || !(personal || itClause(tokens, j))) continue;
    const prev = lc(tokens[j - 1]);
    // "like that" ends a phrase: its "that" is a pronoun, not the start of a clause ("When they think like that it is").
    const likeThat = prev === 'that' && lc(tokens[j - 2]) === 'like';
    // "told me I should rest": the clause is the object of a verb and its person.
    const toldMe = OBJECT_PRONOUNS.has(prev) && /^(tell|tells|told|ask|asks|asked|show|showed|shows|remind|reminded|promise|promised|warn|warned|assure|assured|convince|convinced|teach|taught)$/.test(lc(tokens[j - 2]));
    if ((CLAUSE_TAKERS.test(prev) && !likeThat) || toldMe || MAIN_VERBS.has(prev) || MODALS.has(prev) || has(prev, 'Preposition')) {
      if (personal) return;
      continue;
    }
    tokens[j - 1].post = ',';
    return;
  }
}

/**
 * "it is" or a contracted subject and verb ("it's", "we'll") at j, after a word that cannot take it as its clause: not a
 * verb, nor a word right after a subject ("you notice it is"), nor an object pronoun ("show them it is"), nor an adverb ("then").
 */
function itClause(tokens: readonly Token[], j: number): boolean {
  const w = lc(tokens[j]);
  const clause = (w === 'it' && MAIN_VERBS.has(lc(tokens[j + 1]))) || /^(i|you|he|she|it|we|they)['’](m|s|re|ll|ve|d)$/.test(w);
  const prev = lc(tokens[j - 1]);
  const verbSlot = SUBJECT_PRONOUNS.has(lc(tokens[j - 2])) || (OBJECT_PRONOUNS.has(prev) && prev !== 'it');
  return clause && !verbSlot && !tags(prev).some((x) => VERB_TAGS.has(x) || x === 'Adverb');
}

/** "i think i'm" → "I think I'm" (not "(i)" numbering). Ours rather than Harper's so most sentences need one Harper pass. */
function personalPronoun(tokens: Token[]): void {
  for (const t of tokens) {
    if (/^i(?:['’](?:m|ve|ll|d))?$/.test(t.word) && t.pre === '' && !t.post.startsWith(')')) t.word = 'I' + t.word.slice(1);
  }
}

/** Subjects, sports and skills one is good at. */
const SKILLS = /^(math|maths|mathematics|english|french|spanish|german|chinese|languages?|science|physics|chemistry|biology|history|geography|sports?|football|soccer|tennis|basketball|swimming|cooking|drawing|painting|singing|dancing|music|writing|reading|school|computers?|it)$/;

/** Words that take one preposition, and the ones learners put instead: "focus in" → "focus on". */
const COLLOCATIONS: readonly [RegExp, RegExp, string][] = [
  [/^(focus|focuses|focused|focusing|focussed|depend|depends|depended|depending|dependent|rely|relies|relied|relying)$/, /^(in|of|from|at|to)$/, 'on'],
  [/^(interested|interest)$/, /^(on|about|for|at)$/, 'in'],
  [/^(married)$/, /^(with)$/, 'to'],
  [/^(afraid|proud|scared|fond|aware|capable|ashamed|jealous|tired)$/, /^(from|for|about|on)$/, 'of'],
  [/^(responsible)$/, /^(of|about)$/, 'for'],
  [/^(allergic)$/, /^(of|for|with|on)$/, 'to'],
  [/^(congratulations)$/, /^(for)$/, 'on'],
  [/^(different)$/, /^(of)$/, 'from'],
  [/^(dream|dreams|dreamed|dreamt|dreaming)$/, /^(with)$/, 'about'],
  [/^(good|bad|better|worse|best|great|terrible)$/, /^(in)$/, 'at'],
  [/^(care|cares|caring|cared)$/, /^(about)$/, 'of'],
  [/^(similar)$/, /^(with|as)$/, 'to'],
  [/^(rude)$/, /^(with)$/, 'to'],
  [/^(delayed)$/, /^(of)$/, 'by'],
];

/** "depend of" → "depend on", "interested about" → "interested in", "married with" → "married to". */
function prepositions(tokens: Token[]): void {
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i].post !== '' || tokens[i + 1].pre !== '') continue;
    const [head, prep] = [lc(tokens[i]), lc(tokens[i + 1])];
    // "take care about" is "take care of"; "care about" alone is right.
    if (/^car(e|es|ing|ed)$/.test(head) && !/^(take|takes|took|taking|taken)$/.test(lc(tokens[i - 1]))) continue;
    // "good in math", not "good in the oven": a skill is good at, a subject or a sport.
    if (/^(good|bad|better|worse|best|great|terrible)$/.test(head) && !SKILLS.test(lc(tokens[i + 2])) && !(/ing$/.test(lc(tokens[i + 2])) && has(lc(tokens[i + 2]), 'Gerund'))) continue;
    // "married with two kids" is married, and with children.
    if (head === 'married' && (NUMBER_WORDS.test(lc(tokens[i + 2])) || /^(\d+|kids|children|no)$/.test(lc(tokens[i + 2])) || (lc(tokens[i + 2]) === 'a' && /^(kid|child|baby|son|daughter)$/.test(lc(tokens[i + 3]))))) continue;
    const rule = COLLOCATIONS.find(([h, wrong]) => h.test(head) && wrong.test(prep));
    // "interest" is a noun in "interest for …" only after a determiner: keep that one to the verb form.
    if (rule && !(head === 'interest' && DETERMINERS.has(lc(tokens[i - 1])))) setWord(tokens[i + 1], rule[2]);
  }
}

/** Words that take "each other" only through a preposition, and that preposition: "connected to each other", "communicate with each other". */
const RECIPROCAL_PREPOSITIONS: readonly [RegExp, string][] = [
  [/^(connected|related|linked|attached|close|closer|similar|married|talk|talks|talked|talking|listen|listens|listened|listening)$/, 'to'],
  [/^(communicate|communicates|communicated|communicating|interact|interacts|interacted|interacting|cooperate|cooperates|cooperated|cooperating|compete|competes|competed|competing|agree|agrees|agreed|agreeing)$/, 'with'],
];

/** "they are connected each other" → "they are connected to each other" (not "each other's", which is a possessive these words may take). */
function eachOtherPreposition(tokens: Token[]): Token[] {
  return insertAfter(tokens, (i) => {
    const [e, o] = [tokens[i + 1], tokens[i + 2]];
    if (!o || tokens[i].post !== '' || lc(e) !== 'each' || e.pre !== '' || e.post !== '' || lc(o) !== 'other') return undefined;
    const rule = RECIPROCAL_PREPOSITIONS.find(([w]) => w.test(lc(tokens[i])));
    return rule?.[1];
  });
}

/** "I agree the statement" → "I agree with the statement": "agree" takes a noun phrase through "with" (a clause it takes bare: "I agree the plan works"). */
function agreeWith(tokens: Token[]): Token[] {
  return insertAfter(tokens, (i) => {
    if (!/^(dis)?agree[sd]?$/.test(lc(tokens[i])) || tokens[i].post !== '' || !/^(the|this|these|those|his|her|their|my|your|our|some|most)$/.test(lc(tokens[i + 1]))) return undefined;
    let k = i + 2;
    while (k < tokens.length && tokens[k - 1].post === '' && PURE_ADJECTIVE(lc(tokens[k]))) k++;
    // The noun phrase must end at its head noun: anything else may be the verb of a clause.
    if (!tokens[k] || tokens[k - 1].post !== '' || tokens[k].pre !== '' || !(phraseEnds(tokens, k))) return undefined;
    return 'with';
  });
}

/**
 * "they know already the rules" → "they already know the rules": a frequency adverb goes before a
 * verb other than "be", an auxiliary or a modal, never between the verb and its object.
 */
function adverbBeforeObject(tokens: Token[]): void {
  for (let i = 1; i + 2 < tokens.length; i++) {
    const [v, a, d] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (v.post !== '' || a.post !== '' || a.pre !== '' || d.pre !== '' || !/^(always|already|usually|often|never|sometimes|rarely|seldom|now)$/.test(lc(a))) continue;
    if (!/^(the|a|an|my|his|their|our|your|its|another|some|this|these|those|less|more|many|much)$/.test(lc(d))) continue;
    const t = tags(lc(v));
    const lexical = /^(have|has|had)$/.test(lc(v)) || (t.length > 0 && t.every((x) => x === 'Infinitive' || x === 'PresentTense' || x === 'PastTense'));
    if (lexical && /^\p{Ll}/u.test(v.word)) [v.word, a.word] = [a.word, v.word];
  }
}

/** "almost people know" → "most people know": "almost" cannot quantify a bare plural subject ("almost all people" is the other fix). */
function almostPlural(tokens: Token[]): void {
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [a, n] = [tokens[i], tokens[i + 1]];
    if (lc(a) !== 'almost' || a.post !== '' || n.pre !== '' || !clauseStart(tokens, i) || endsPhrase(tokens, i + 1)) continue;
    if (lc(n) === 'people' || purePlural(n.word)) setWord(a, 'most');
  }
}

/** "on may subjects" → "on many subjects": the modal "may" cannot follow a preposition and precede a plural noun. */
function mayMany(tokens: Token[]): void {
  for (let i = 1; i + 1 < tokens.length; i++) {
    const [p, m, n] = [tokens[i - 1], tokens[i], tokens[i + 1]];
    if (lc(m) === 'may' && p.post === '' && m.post === '' && n.pre === '' && OPENING_PREPOSITIONS.has(lc(p)) && purePlural(n.word)) setWord(m, 'many');
  }
}

/** "hackers in internet and" → "hackers on the internet and": the internet is one network, reached "on" it and named with "the" (not as a modifier: "internet users"). */
function theInternet(tokens: Token[]): Token[] {
  return insertAfter(tokens, (i) => {
    const [p, n] = [tokens[i], tokens[i + 1]];
    if (!n || lc(n) !== 'internet' || p.post !== '' || n.pre !== '' || !/^(in|on|from|through|via|over|to|about)$/.test(lc(p))) return undefined;
    if (!endsPhrase(tokens, i + 1) && !A_FOLLOWERS.has(lc(tokens[i + 2]))) return undefined;
    if (lc(p) === 'in') setWord(p, 'on');
    return 'the';
  });
}

/** "shopping in weekend" → "shopping on the weekend", "in weekends" → "on weekends": weekends take "on" (not a modifier: "in weekend traffic"). */
function onWeekends(tokens: Token[]): Token[] {
  return insertAfter(tokens, (i) => {
    const [p, n] = [tokens[i], tokens[i + 1]];
    if (!n || lc(p) !== 'in' || p.post !== '' || n.pre !== '' || !/^weekends?$/.test(lc(n))) return undefined;
    if (!endsPhrase(tokens, i + 1) && !A_FOLLOWERS.has(lc(tokens[i + 2]))) return undefined;
    setWord(p, 'on');
    return lc(n) === 'weekend' ? 'the' : undefined;
  });
}

/**
 * "more important than other" → "more important than the other": after "than", an "other" that heads
 * no noun stands for one thing and takes "the" ("than other people" keeps its noun).
 */
function thanTheOther(tokens: Token[]): Token[] {
  return insertAfter(tokens, (i) => {
    const [t, o] = [tokens[i], tokens[i + 1]];
    if (!o || lc(t) !== 'than' || lc(o) !== 'other' || t.post !== '' || o.pre !== '') return undefined;
    return endsPhrase(tokens, i + 1) || CONJUNCTIONS.has(lc(tokens[i + 2])) || /^(why|how|what)$/.test(lc(tokens[i + 2])) ? 'the' : undefined;
  });
}

/** "we all are" → "we are all": a floating "all"/"both" follows a form of "be", it does not precede it. */
function floatingQuantifier(tokens: Token[]): void {
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [s, q, v] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (!/^(we|you|they)$/.test(lc(s)) || !/^(all|both)$/.test(lc(q)) || !/^(are|were)$/.test(lc(v)) || s.post !== '' || q.post !== '' || q.pre !== '' || v.pre !== '') continue;
    // "who we all are": after a wh-word "be" ends the clause and the order stays.
    if (/^(who|what|how|where|whatever)$/.test(lc(tokens[i - 1]))) continue;
    [q.word, v.word] = [v.word, q.word];
    [q.post, v.post] = [v.post, q.post];
  }
}

/** A word that makes a later "their" singular ("everyone … their life"). */
const SINGULAR_ANTECEDENT = /^(each|every|everyone|everybody|someone|somebody|anyone|anybody|nobody|person|one|whoever)$/;

/** "enjoy their life" → "enjoy their lives": many people have many lives (not a compound: "their life insurance"). */
function pluralLives(tokens: Token[]): void {
  for (let i = 1; i < tokens.length; i++) {
    if (lc(tokens[i]) !== 'life' || !/^(our|their)$/.test(lc(tokens[i - 1])) || tokens[i - 1].post !== '' || tokens[i].pre !== '') continue;
    if (lc(tokens[i - 1]) === 'their' && tokens.slice(0, i).some((t) => SINGULAR_ANTECEDENT.test(lc(t)))) continue;
    if (phraseEnds(tokens, i)) setWord(tokens[i], 'lives');
  }
}

/** "a person who are" → "a person who is", "people who is" → "people who are", "people who thinks" → "think": a relative pronoun takes its noun's number. */
function relativeAgreement(tokens: Token[]): void {
  for (let i = 1; i + 1 < tokens.length; i++) {
    const v = tokens[i + 1];
    const n = lc(tokens[i - 1]);
    if (!/^(who|that)$/.test(lc(tokens[i])) || tokens[i - 1].post !== '' || tokens[i].post !== '') continue;
    // A plural noun's clause takes a verb's base too: "people who thinks so" → "think".
    const [third, plural] = [TO_THIRD[lc(v)], TO_PLURAL[lc(v)] ?? (lc(tokens[i]) === 'who' ? baseOfThirdPerson(tokens, i + 1) ?? PERSON_VERB_BY_THIRD.get(lc(v)) : undefined)];
    if (third && i > 1 && tokens[i - 2].post === '' && /^(a|an|each|every)$/.test(lc(tokens[i - 2])) && isSingularNoun(n) && !COLLECTIVE_NOUNS.has(n)) setWord(v, third);
    // "an array of patterns that was used": the clause may belong to the noun before "of".
    // Not after a quantity, whose noun the clause is about: "a lot of people who thinks" → "think".
    const ofPhrase = ((i > 2 && lc(tokens[i - 2]) === 'of') || (i > 3 && lc(tokens[i - 3]) === 'of' && tokens[i - 2].post === '')) && !/^(lot|lots|plenty)$/.test(lc(tokens[lc(tokens[i - 2]) === 'of' ? i - 3 : i - 4]));
    if (plural && (purePlural(n) || n === 'people' || n === 'children') && !verbObject(tokens, i - 1) && !ofPhrase) setWord(v, plural);
  }
}

/** The noun at i, with its determiners and adjectives, follows a verb: a "that" or "who" after it may open the verb's clause ("told the students that is wrong", "asked the children who is"). */
function verbObject(tokens: readonly Token[], i: number): boolean {
  let k = i;
  while (k > 0 && tokens[k - 1].post === '' && (PLURAL_DETERMINERS.has(lc(tokens[k - 1])) || PURE_ADJECTIVE(lc(tokens[k - 1])))) k--;
  const before = lc(tokens[k - 1]);
  return CLAUSE_TAKERS.test(before) || tags(before).some((x) => VERB_TAGS.has(x));
}
const VERB_TAGS = new Set(['Verb', 'Infinitive', 'PresentTense', 'PastTense', 'Gerund', 'Participle', 'Copula', 'Modal', 'Auxiliary']);

/** The suffix an ordinal number takes: 1st, 2nd, 3rd, 11th–13th, 21st. */
function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/**
 * Harper fixes our lexicon knows better, given the text before the fixed span, the span, the
 * replacement and the text after: its MassNouns taking the article from a noun we read as counted
 * and our list of mass nouns lacks ("like a thief" → "like thief"), and its PronounVerbAgreement
 * reading an adverb as the verb when a past verb follows ("he last chose" → "he lasts chose"), and its
 * CorrectNumberSuffix reading the last digits of a number written with a space ("1 2th", twelfth) as the number;
 * its "effect" → "affect" where "effect" heads a noun phrase a verb follows ("the placebo effect works");
 * its agreement reading "guys" in "you guys have" as a verb;
 * and its joins and splits of words into words our word lists do not know.
 */
export function vetoesHarperFix(before: string, original: string, replacement: string, after: string): boolean {
  const letters = (x: string): string => x.replace(/[\s-]/g, '');
  const next = /^ (\p{Ll}+)/u.exec(after)?.[1];
  // Its AnA reading the "a" of "a.m." as an article: "at 10 a.m." is not "an.m.".
  if (/^a$/i.test(original) && /^\.m\./i.test(after)) return true;
  if (original !== replacement && letters(original) === letters(replacement)) {
    // A hyphen taken out or put in is a spelling both ways: "pre-conditions", "re-read", "non-uniform".
    if (original.replace(/-/g, '') === replacement.replace(/-/g, '')) return true;
    // A part of a hyphenated name or a word with an inner capital stays whole: "node-addon-api", "forEach".
    if (/-$/.test(before) || /^-/.test(after) || /\p{Ll}\p{Lu}/u.test(original)) return true;
    // A join or split must give words we know ("bug fixes" → "bugfixes", "presigner's" → "pre
    // signer's" do not), or the spelling corrector would change them on the next pass. Nor may it
    // split one we know as a single word ("runtime" → "run time") or join two into a computing word
    // ("file system" → "filesystem"): both spellings are fine there.
    const parts = replacement.split(/[\s-]+/);
    return (/^\p{L}+$/u.test(original) && isKnownWord(original)) || (parts.length === 1 && isTechnicalWord(replacement)) || parts.some((w) => /\p{L}/u.test(w) && !isKnownWord(w));
  }
  // Its base verb after "to" where the participle describes the noun or gerund after it: "an
  // alternative to prescribed burning", "references to destroyed namespaces".
  const participle = /^to \p{Ll}+ed$/u.test(original);
  if (participle && /^to \p{Ll}+$/u.test(replacement) && next && (/ing$/.test(next) || purePlural(next) || isPluralNoun(next))) return true;
  // Its "there is" agreement reading a mass noun as a plural: "there is data" → "are data".
  const be = /^(is|was) (\p{Ll}+)$/iu.exec(original);
  if (be && /^(are|were) /i.test(replacement) && (isUncountable(be[2]) || MASS_NOUNS.has(be[2]))) return true;
  const digits = /\d+ (\d+)$/.exec(before);
  if (digits && /^(st|nd|rd|th)$/.test(original)) return original === ordinalSuffix(Number(digits[0].replace(' ', '')));
  const noun = /^an? (\p{Ll}+)$/iu.exec(original)?.[1];
  if (noun !== undefined && replacement === noun) return countedNoun(noun) && !MASS_NOUNS.has(noun);
  // Its possessive "your" before a number or a time: "you two should", "thinking about you yesterday".
  if (/^you$/i.test(original) && /^your$/i.test(replacement) && next !== undefined && (NUMBER_WORDS.test(next) || /^(both|all|yesterday|today|tomorrow|tonight|now|again|later|lately|earlier|before|too|guys)$/.test(next))) return true;
  // Its agreement rule reading a plural noun after "you" or "we" as the verb: "do you guys have".
  if (/\b(you|we) $/i.test(before) && isPluralNoun(original) && replacement === singular(original)) return true;
  if (/^effects?$/i.test(original) && /^affects?$/i.test(replacement)) return next !== undefined && readsAsVerbAfterNoun(next) && /\b(the|a|an|this|that|its|their|his|her|our|your|my)( \p{Ll}+)? $/iu.test(before);
  return /\b(he|she|it) $/i.test(before) && replacement === `${original}s` && next !== undefined && has(next, 'PastTense');
}

/** Applies every rule in order; each works on tokens so punctuation and spacing are preserved. */
function applyRulesOnce(sentence: string, options: { readonly written?: boolean }): string {
  let tokens = tokenize(sentence);
  if (tokens.length === 0) return sentence;
  personalPronoun(tokens);
  // Words first ("there fore" → "therefore"), then commas: the clause starts they mark are what the
  // agreement rules look for.
  tokens = eachOtherPreposition(thanTheOther(onWeekends(theInternet(infinitiveTo(agreeWith(fixedPhrases(considerAs(modalTo(learnerWordChoices(learnerVerbPatterns(wordForms(tokens))))))))))));
  tokens = learnerPhrases(learnerPrepositions(tokens));
  prepositions(tokens);
  forWithAdjective(tokens);
  floatingQuantifier(tokens);
  almostPlural(tokens);
  mayMany(tokens);
  if (options.written) {
    commas(tokens);
    adverbCommas(tokens);
    subordinateClauseComma(tokens);
    introductoryPhraseComma(tokens);
  }
  tokens = dummyIt(adjectiveThing(personSubjectArticle(indefiniteArticle(superlativeArticles(beAfterModal(missingCopula(tokens)))))));
  determinerNumber(tokens);
  pluralAfterQuantifier(tokens);
  pluralLives(tokens);
  bareNounSubject(tokens);
  finiteBe(tokens);
  pronounAgreement(tokens);
  thereIsPlural(tokens);
  relativeAgreement(tokens);
  nounSubjectAgreement(tokens);
  doQuestion(tokens);
  tokens = perfectSince(perfectWithPastTime(tokens));
  pastWithTimeWords(tokens);
  baseAfterModal(tokens);
  // Last, so the agreement rules saw the verb next to its subject ("companies that has already the").
  adverbBeforeObject(tokens);
  return render(tokens);
}

/** Rule passes before giving up on a fixed point; one word fix can reveal a comma ("For these reason we" → "reasons" → the opener "For these reasons,"). */
const RULE_PASSES = 3;

/** Applies the rules until they change nothing, so correcting corrected text is a no-op. */
export function applyRules(sentence: string, options: { readonly written?: boolean } = {}): string {
  let text = sentence;
  for (let pass = 0; pass < RULE_PASSES; pass++) {
    const next = applyRulesOnce(text, options);
    if (next === text) break;
    text = next;
  }
  return text;
}

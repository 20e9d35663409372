/**
 * Rules for patterns learners carry over from their first language, each narrow and held to the
 * precision sets: verb patterns ("I am agree", "he said me"), word choices ("did a mistake", "borrow
 * me"), prepositions ("in Monday", "listen music") and phrases a word or two long ("during I was", "if I
 * would have", "like very much the horror movies").
 */
import { afterPunctuation, BARE_NOUNS, bareWord, baseOfVerbForm, baseVerbForms, BE, clauseStart, COMPLEMENT_STARTS, CONJUNCTIONS, COPULA, DETERMINERS, DO_FORMS, endsPhrase, HAVE_OF, HEAD_FOLLOWERS, lc, MODALS, NOMINAL_TAGS, NUMBER_WORDS, NUMBERS, OBJECT_PRONOUNS, PEOPLE, PERSON_NOUNS, PERSON_VERB_BY_THIRD, PERSON_VERBS, PHRASE_ENDERS, phraseEnds, PURE_ADJECTIVE, purePlural, readsAsVerbAfterNoun, setWord, SUBJECT_PRONOUNS, table, TO_TAKERS, TO_THIRD, verbAfterTo, wordRule, wordRulePass, type RuleSite, type Token } from './common';
import { conjugate, gerundBase, has, ingBase, isBaseVerb, isPluralNoun, isSingularNoun, isUncountable, known, participle, singular, tags, verbForms } from './lexicon';

/** What the verb-pattern and word-choice rules read about a token: its neighbours and the word before it. */
interface VerbSite extends RuleSite {
  readonly next: Token | undefined;
  readonly third: Token | undefined;
  /** The word before, in lower case ("" at the start). */
  readonly subject: string;
}

const verbSite = (tokens: Token[], i: number, out: Token[]): VerbSite => ({ tokens, i, out, t: tokens[i], w: lc(tokens[i]), next: tokens[i + 1], third: tokens[i + 2], subject: lc(tokens[i - 1]) });

/** A "be" or "have" right after a personal subject pronoun: "I am", "he has". */
const afterSubject = ({ tokens, i, subject }: VerbSite): boolean => i > 0 && tokens[i - 1].post === '' && personalBe(subject) !== undefined;

/** Drops the token at i, giving its spacing before to the next ("we lack of time"): the rule has dealt with it. */
function dropThis({ tokens, i, t }: RuleSite): number {
  const next = tokens[i + 1];
  next.pre = t.pre + next.pre;
  return i;
}

/** Keeps the token at i and drops the one after it ("went to shopping" → "went shopping"): the rule has dealt with both. */
function dropNext({ tokens, i, out, t }: RuleSite): number {
  const [next, third] = [tokens[i + 1], tokens[i + 2]];
  out.push(t);
  third.pre = next.pre + third.pre;
  return i + 1;
}

/**
 * Verb patterns learners carry over from their first language:
 * "I am agree" → "I agree" ("he is agree" → "he agrees"), "I have 20 years old" → "I am 20 years old",
 * "he said me that" → "he told me that", "look forward to see you" → "to seeing you".
 */
export function learnerVerbPatterns(tokens: Token[]): Token[] {
  return VERB_PATTERNS(tokens);
}

const VERB_PATTERNS = wordRulePass<VerbSite>(
  [
    // "I am agree": "agree" is a verb, so the "be" before it goes; "I'm agree" keeps its subject.
    wordRule((w) => /^(am|is|are)$/.test(w) || CONTRACTED_SUBJECT.test(w), (at) => {
      const { t, w, next, subject } = at;
      if (!(next && t.post === '' && /^(dis)?agree$/.test(lc(next)) && (/^(am|is|are)$/.test(w) ? afterSubject(at) : CONTRACTED_SUBJECT.test(w)))) return undefined;
      const who = w.replace(/['’].*$/, '');
      if (w !== who) setWord(t, who);
      const person = w === who ? subject : who;
      if (/^(he|she)$/.test(person)) setWord(next, `${lc(next)}s`);
      if (w === who) {
        return dropThis(at);
      }
      return undefined;
    }),
    // "we is ready", "he are happy", "you was right" → "we are", "he is", "you were": "be" agrees with a
    // pronoun opening its clause (not "what I told you is true", where "you" is an object, nor "if I
    // were you").
    wordRule('am is are was were', ({ tokens, i, t, w, subject }) => {
      // Not the second of two joined by "and": "He and I are", "my husband and I are".
      if (!/^(i|you|he|she|it|we|they)$/.test(subject) || tokens[i - 1].post !== '' || !clauseStart(tokens, i - 1) || /^(and|or|nor)$/.test(lc(tokens[i - 2])) || (t.post !== '' && !/^[,.!?]$/.test(t.post))) return;
      const right = /^(was|were)$/.test(w) ? (/^(i|he|she|it)$/.test(subject) ? 'was' : 'were') : COPULA[subject]!;
      // "If I were you", "I wish it were": a singular's "were" is a subjunctive, and stays.
      if (right !== w && w !== 'were') setWord(t, right);
    }),
    // "I am born in Mumbai": a birth is past.
    wordRule('am is are', (at) => {
      const { t, next, third, subject } = at;
      if (afterSubject(at) && t.post === '' && lc(next) === 'born' && next!.post === '' && /^(in|on|at)$/.test(lc(third))) {
        setWord(t, /^(you|we|they)$/.test(subject) ? 'were' : 'was');
      }
    }),
    // "In my city there have many restaurants": what there is, is.
    wordRule('have has', ({ tokens, i, t, next, third, subject }) => {
      if (subject === 'there' && tokens[i - 1].post === '' && t.post === '' && next) {
        const be = /^(a|an|one|much)$/.test(lc(next)) && !/^(lot|few|couple)$/.test(lc(third)) ? 'is' : /^(many|several|lots|two|three|four|five|six|seven|eight|nine|ten)$/.test(lc(next)) ? 'are' : undefined;
        if (be) setWord(t, be);
      }
    }),
    // "I have 20 years old": an age is what one is.
    wordRule('have has had', (at) => {
      const { tokens, i, t, w, next, third, subject } = at;
      if (afterSubject(at) && t.post === '' && next && (/^\d+$/.test(next.word) || NUMBER_WORDS.test(lc(next))) && lc(third) === 'years' && third!.post === '' && lc(tokens[i + 3]) === 'old' && (endsPhrase(tokens, i + 3) || HEAD_FOLLOWERS.has(lc(tokens[i + 4])))) {
        setWord(t, w === 'had' ? (/^(you|we|they)$/.test(subject) ? 'were' : 'was') : personalBe(subject)!);
      }
    }),
    // "My son has six years", "i have twenty eight years and": an age is what one is, and "old".
    // Only a person's ("we have two years left" stays), ending its clause.
    wordRule('have has is am are', ({ tokens, i, out, t, w, subject }) => {
      const person = /^(i|he|she)$/.test(subject) ? subject : i > 1 && tokens[i - 2].post === '' && POSSESSIVE.test(lc(tokens[i - 2])) && (has(subject, 'Actor') || PERSON_NOUNS.has(subject)) ? 'he' : undefined;
      if (!person || tokens[i - 1].post !== '' || t.post !== '') return undefined;
      let k = i + 1;
      if (NUMBER_WORDS.test(lc(tokens[k])) && NUMBER_WORDS.test(lc(tokens[k + 1])) && tokens[k].post === '') k++;
      const age = tokens[k] && (/^\d{1,3}$/.test(tokens[k].word) || NUMBER_WORDS.test(lc(tokens[k]))) && tokens[k].post === '' && lc(tokens[k + 1]) === 'years';
      if (!age || !(endsPhrase(tokens, k + 1) || /^(and|but|so)$/.test(lc(tokens[k + 2])))) return undefined;
      if (/^(have|has)$/.test(w)) setWord(t, personalBe(person)!);
      out.push(...tokens.slice(i, k + 2), bareWord('old'));
      const years = tokens[k + 1];
      out[out.length - 1].post = years.post;
      out[out.length - 1].space = years.space;
      years.post = '';
      years.space = ' ';
      return k + 1;
    }),
    // "he said me that": one says something to someone, and tells someone.
    wordRule((w) => SAY_TO_TELL[w] !== undefined, ({ t, w, next }) => {
      if (t.post === '' && next && next.pre === '' && /^(me|him|us|them)$/.test(lc(next))) setWord(t, SAY_TO_TELL[w]!);
    }),
    // "She wants going to Paris" → "wants to go": these verbs take "to" and the verb's base, not a
    // gerund; only where the gerund takes a complement ("want swimming lessons" stays), and not
    // "need", whose gerund is a passive ("the car needs cleaning"), nor "forget", whose gerund is a
    // memory ("I'll never forget seeing the ocean").
    wordRule(TO_TAKERS, ({ tokens, i, out, t, w, next, third }) => {
      if (!/^(need|forg)/.test(w) && t.post === '' && next && next.pre === '' && next.post === '' && /ing$/.test(lc(next)) && (!third || COMPLEMENT_STARTS.has(lc(third)) || endsPhrase(tokens, i + 1))) {
        const base = ingBase(lc(next));
        if (base) {
          out.push(t, { ...bareWord('to'), pre: '' });
          setWord(next, base);
          return i;
        }
      }
      return undefined;
    }),
    // "I'm thinking to buy a house" → "thinking of buying".
    wordRule('thinking', ({ t, next, third }) => {
      if (t.post === '' && lc(next) === 'to' && next!.post === '' && third && verbAfterTo(lc(third))?.Gerund) {
        setWord(next!, 'of');
        setWord(third, verbAfterTo(lc(third))!.Gerund);
      }
    }),
    // "gave up to smoke" → "gave up smoking".
    wordRule('up', (at) => {
      const { t, next, third, subject } = at;
      if (/^(give|gives|gave|given|giving)$/.test(subject) && t.post === '' && lc(next) === 'to' && next!.post === '' && third && verbAfterTo(lc(third))?.Gerund) {
        setWord(third, verbAfterTo(lc(third))!.Gerund);
        return dropNext(at);
      }
      return undefined;
    }),
    // "I enjoy to swim": these verbs take a gerund, never "to" and a verb.
    // Not in the passive ("are considered to have been") nor where the word is a noun ("the finish to").
    wordRule((w) => GERUND_TAKERS.test(w) || /^(mind|minds|miss|misses|missed|suggest|suggests|suggested|practise|practises|practised|practice|practices|practiced)$/.test(w), (at) => {
      const { t, w, next, third, subject } = at;
      const takesGerund = GERUND_TAKERS.test(w) || (/^(mind|minds)$/.test(w) && /^(do|does|don't|doesn't|didn't|would|i|you|we|they|not)$/.test(subject)) || (/^(miss|misses|missed|suggest|suggests|suggested|practise|practises|practised|practice|practices|practiced)$/.test(w) && (SUBJECT_PRONOUNS.has(subject) || /^(always|often|really|still|never)$/.test(subject)));
      if (takesGerund && t.post === '' && lc(next) === 'to' && next!.post === '' && third && !BE.has(lc(third)) && !BE.has(subject) && !DETERMINERS.has(subject)) {
        const gerund = verbAfterTo(lc(third))?.Gerund;
        if (gerund) {
          setWord(third, gerund);
          return dropNext(at);
        }
      }
      return undefined;
    }),
    // "I am study English", "my father is work in a bank": after "be" an everyday verb the lexicon files
    // as a noun is its -ing form (the other verbs' Harper mends: "she is go" → "going"). Not an
    // adjective ("they are clean") nor "cook" or "hope", which "be" takes as nouns.
    wordRule('am is are was were', (at) => {
      const { tokens, i, t, next, subject } = at;
      const person = i > 1 && tokens[i - 1].post === '' && tokens[i - 2].post === '' && (PEOPLE.has(subject) || PEOPLE.has(singular(subject))) && /^(my|his|her|our|their|your|the)$/.test(lc(tokens[i - 2]));
      if ((afterSubject(at) || person) && t.post === '' && next && PERSON_VERBS.has(lc(next)) && !/^(cook|hope)$/.test(lc(next)) && !has(lc(next), 'Adjective') && !endsPhrase(tokens, i + 1)) {
        setWord(next, conjugate(lc(next)).Gerund);
      }
    }),
    // "I no like it": "no" does not negate a verb; "do not" does.
    wordRule('no', (at) => {
      const { t, next, subject } = at;
      if (t.post === '' && afterSubject(at) && next && baseVerbForms(lc(next)) && !/^(one|longer|more|less|matter|doubt)$/.test(lc(next))) {
        setWord(t, /^(he|she)$/.test(subject) ? "doesn't" : "don't");
      }
    }),
    // "I not understand", "my brother not have a car": English negates a verb through "do".
    // "He not is at home": "not" follows "be" and the modals.
    wordRule('not', ({ tokens, i, out, t, next }) => {
      if (t.post === '' && next && next.pre === '' && i > 0 && tokens[i - 1].post === '') {
        const does = negatedSubject(tokens, i - 1);
        const nw = lc(next);
        if (does !== undefined && (BE.has(nw) || MODALS.has(nw))) {
          [t.word, next.word] = [next.word, t.word];
        } else if (does !== undefined && nw !== 'be' && (baseVerbForms(nw) || nw === 'have')) {
          out.push({ ...bareWord(does ? 'does' : 'do'), pre: t.pre });
          t.pre = '';
        }
      }
    }),
    // "I am not understand": a stative verb after "be not" is negated through "do".
    wordRule('am is are', ({ tokens, i, t, next, third }) => {
      if (t.post === '' && lc(next) === 'not' && next!.post === '' && third && STATIVE_VERBS.test(lc(third)) && i > 0 && tokens[i - 1].post === '') {
        const does = negatedSubject(tokens, i - 1);
        if (does !== undefined) setWord(t, does ? 'does' : 'do');
      }
    }),
    // "he told that he would be late", "my friend told she was moving": one tells someone, and says that.
    wordRule('told', ({ t, next, third }) => {
      if (t.post === '' && next && ((lc(next) === 'that' && /^(i|he|she|we|they)$/.test(lc(third))) || (/^(he|she|we|they)$/.test(lc(next)) && third && (BE.has(lc(third)) || MODALS.has(lc(third)) || /^(had|has|have|was)$/.test(lc(third)))))) {
        setWord(t, 'said');
      }
    }),
    // "she told to me a story": "tell" takes its person without "to" (not the passive "was told to").
    wordRule('told', (at) => {
      const { t, next, third, subject } = at;
      if (t.post === '' && lc(next) === 'to' && next!.post === '' && third && /^(me|him|her|us|them|my|his|our|their|your)$/.test(lc(third)) && !BE.has(subject) && subject !== 'got') {
        return dropNext(at);
      }
      return undefined;
    }),
    // "look forward to see you": the "to" is a preposition, so the verb after it is a gerund.
    wordRule('look looks looked looking', ({ tokens, i, t, next, third }) => {
      if (lc(next) === 'forward' && lc(third) === 'to' && t.post === '' && next!.post === '' && third!.post === '' && tokens[i + 3]) {
        const gerund = baseVerbForms(lc(tokens[i + 3]))?.Gerund;
        if (gerund) setWord(tokens[i + 3], gerund);
      }
    }),
  ],
  verbSite,
);

/** A subject pronoun contracted with "be": "i'm", "we're", "she's". */
const CONTRACTED_SUBJECT = /^(i|we|you|they|he|she)['’](m|re|s)$/;

/**
 * Words and prepositions learners choose after their first language: "did a mistake" → "made",
 * "borrow me" → "lend", "I very like" → "really", "explain me" → "explain to me", "went to shopping",
 * "during three years" → "for", "the movie was bored" → "boring", "went in Italy" → "to", "my
 * husband and me are" → "and I", "because is too small" → "because it is".
 */
export function learnerWordChoices(tokens: Token[]): Token[] {
  return WORD_CHOICE_RULES(tokens);
}

const WORD_CHOICE_RULES = wordRulePass<VerbSite>(
  [
    // "the woman which helped me": a person is "who".
    wordRule('which', ({ tokens, i, t, next, subject }) => {
      // "the woman which helped me", "the woman which I told you about".
      if (i > 0 && tokens[i - 1].post === '' && (PEOPLE.has(subject) || PEOPLE.has(singular(subject))) && next && (/^\p{Ll}+$/u.test(next.word) || next.word === 'I') && (BE.has(lc(next)) || MODALS.has(lc(next)) || /^(i|you|we|they|he|she)$/.test(lc(next)) || tags(lc(next)).some((x) => x === 'PastTense' || x === 'PresentTense') || (isPluralNoun(subject) && (has(lc(next), 'Infinitive') || PERSON_VERBS.has(lc(next)))))) {
        setWord(t, 'who');
      }
    }),
    // One makes mistakes and asks questions; one lends to someone and teaches someone; one tells a joke.
    wordRule((w) => WORD_CHOICES.some(([verbs]) => verbs[w] !== undefined), ({ tokens, i, t, w, next, subject }) => {
      if (t.post !== '' || next === undefined || DETERMINERS.has(subject)) return;
      const ahead = tokens.slice(i + 1, i + 5).map((x) => lc(x)).join(' ');
      const swap = WORD_CHOICES.find(([verbs, objects]) => verbs[w] !== undefined && objects.test(ahead));
      if (swap) setWord(t, swap[0][w]!);
    }),
    // "I very like it" → "I really like it": "very" does not modify a verb.
    wordRule('very', ({ t, next, subject }) => {
      if (t.post === '' && next && /^(like|love|want|enjoy|hate|need|miss|appreciate)$/.test(lc(next)) && SUBJECT_PRONOUNS.has(subject)) setWord(t, 'really');
    }),
    // "explain me" → "explain to me": "explain" takes the person through "to".
    wordRule('explain explains explained explaining', ({ i, out, t, next }) => {
      if (t.post === '' && next && /^(me|him|us|them)$/.test(lc(next))) {
        out.push(t, bareWord('to'));
        return i;
      }
      return undefined;
    }),
    // "went to shopping" → "went shopping": an activity one goes to do takes no "to" (nor "to the").
    wordRule('go goes going went gone', (at) => {
      const { tokens, i, out, t, next, third } = at;
      const the = lc(third) === 'the' && third!.post === '' ? 1 : 0;
      const activity = tokens[i + 2 + the];
      if (t.post === '' && lc(next) === 'to' && next!.post === '' && activity && GO_ACTIVITIES.test(lc(activity)) && (endsPhrase(tokens, i + 2 + the) || COMPLEMENT_STARTS.has(lc(tokens[i + 3 + the])) || PHRASE_ENDERS.has(lc(tokens[i + 3 + the])))) {
        if (!the) return dropNext(at);
        out.push(t);
        activity.pre = next!.pre + activity.pre;
        return i + 2;
      }
      return undefined;
    }),
    // "I suggest you to go" → "I suggest you go". Not after "me", "him" …: "recommended me rest" is no
    // better, and the mend ("that I rest") changes the pronoun.
    wordRule('suggest suggests suggested recommend recommends recommended', ({ tokens, i, out, t, next, third }) => {
      if (t.post === '' && next && lc(next) === 'you' && next.post === '' && lc(third) === 'to' && third!.post === '' && tokens[i + 3] && isBaseVerb(lc(tokens[i + 3]))) {
        out.push(t, next);
        tokens[i + 3].pre = third!.pre + tokens[i + 3].pre;
        return i + 2;
      }
      return undefined;
    }),
    // "don't forget buying milk" → "to buy": a reminder is of what is still to do.
    wordRule('forget', ({ tokens, i, out, t, next, subject }) => {
      // Not "I'll never forget seeing the ocean", a memory.
      if ((subject === "don't" || (subject === 'not' && lc(tokens[i - 2]) === 'do')) && t.post === '' && next && /ing$/.test(lc(next))) {
        const base = gerundBase(lc(next));
        if (base) {
          out.push(t, bareWord('to'));
          setWord(next, base);
          return i;
        }
      }
      return undefined;
    }),
    // "My English is not enough good" → "good enough".
    wordRule('enough', ({ tokens, i, t, next, third }) => {
      if (t.post === '' && next && PURE_ADJECTIVE(lc(next)) && (endsPhrase(tokens, i + 1) || /^(for|to)$/.test(lc(third)))) {
        [t.word, next.word] = [next.word, t.word];
      }
    }),
    // "This phone costed me" → "cost": "costed" is an estimate's past, not a price's.
    wordRule('costed', ({ t, next }) => {
      if (next && /^(me|him|her|us|them|you|a|about|around|only|over|nearly|almost|\$?\d.*)$/.test(lc(next))) setWord(t, 'cost');
    }),
    // "I need others shoes" → "other shoes": "other" before a noun has no plural.
    wordRule('others', ({ t, next }) => {
      if (t.post === '' && next && (isPluralNoun(lc(next)) || purePlural(lc(next)))) setWord(t, 'other');
    }),
    // "during three years" → "for three years": "during" names when, "for" how long.
    wordRule('during', ({ t, next, third }) => {
      if (t.post === '' && next && (NUMBERS.has(lc(next)) || /^\d+$/.test(next.word) || /^(a|one)$/.test(lc(next))) && /^(years?|months?|weeks?|days?|hours?|minutes?)$/.test(lc(third))) setWord(t, 'for');
    }),
    // "Although it was raining, but we went": one clause is joined once ("Because I was tired, so I…").
    wordRule('but so', (at) => {
      const { tokens, i, w, next } = at;
      if (i > 1 && /,$/.test(tokens[i - 1].post) && CONCESSIVE_OPENER[w].test(lc(tokens[0])) && tokens[0].post === '' && next && SUBJECT_PRONOUNS.has(lc(next))) {
        return dropThis(at);
      }
      return undefined;
    }),
    // "Is very cold today" → "It's very cold today": English needs the subject it.
    wordRule('is', ({ tokens, i, t, next, third }) => {
      const sentenceStart = i === 0 || /[.!?]/.test(tokens[i - 1].post);
      if (sentenceStart && t.post === '' && next && (/^(very|so|too|really|quite)$/.test(lc(next)) ? PURE_ADJECTIVE(lc(third)) : PURE_ADJECTIVE(lc(next)) && /^(today|now|here|outside|tonight)$/.test(lc(third))) && !asksAt(tokens, i)) {
        setWord(t, "it's");
      }
    }),
    // "money for buy a car": a purpose takes "to" and the verb (not "a regression for code that").
    wordRule('for', ({ t, next, third }) => {
      if (t.post === '' && next && isBaseVerb(lc(next)) && !has(lc(next), 'Singular') && next.post === '' && third && ((DETERMINERS.has(lc(third)) && !/^(that|this)$/.test(lc(third))) || OBJECT_PRONOUNS.has(lc(third)) || /^(some|any|more)$/.test(lc(third)))) setWord(t, 'to');
    }),
    // "The movie was so bored": a thing is boring, a person bored.
    wordRule((w) => THING_FEELINGS[w] !== undefined, ({ tokens, i, t, w, subject }) => {
      if (i <= 1) return;
      const b2 = /^(very|so|too|really|quite|extremely)$/.test(subject) ? i - 2 : i - 1;
      if (/^(is|was|are|were)$/.test(lc(tokens[b2])) && THINGS.test(lc(tokens[b2 - 1])) && /^(the|this|that|a|an|my|his|her|our|their|your)$/.test(lc(tokens[b2 - 2]))) setWord(t, THING_FEELINGS[w]!);
    }),
    // "all the night" → "all night", "go to the bed" → "go to bed".
    wordRule('all', (at) => {
      const { tokens, i, t, next, third } = at;
      if (t.post === '' && lc(next) === 'the' && next!.post === '' && /^(night|day|morning|afternoon|evening|week|weekend)$/.test(lc(third)) && (endsPhrase(tokens, i + 2) || PHRASE_ENDERS.has(lc(tokens[i + 3])) || COMPLEMENT_STARTS.has(lc(tokens[i + 3])))) return dropNext(at);
      return undefined;
    }),
    wordRule('to in', (at) => {
      const { tokens, i, t, next, third, subject } = at;
      if (t.post === '' && lc(next) === 'the' && next!.post === '' && lc(third) === 'bed' && /^(go|goes|going|went|stay|stays|staying|stayed|get|got|lie|lying|be)$/.test(subject) && (endsPhrase(tokens, i + 2) || (!tags(lc(tokens[i + 3])).some((x) => NOMINAL_TAGS.has(x)) && lc(tokens[i + 3]) !== 'of'))) return dropNext(at);
      return undefined;
    }),
    // "went in Italy" → "went to Italy": one goes to a place.
    wordRule('in', ({ t, next, subject }) => {
      if (/^(go|goes|going|went)$/.test(subject) && t.post === '' && next && /^\p{Lu}\p{Ll}+$/u.test(next.word) && !WEEKDAYS.test(lc(next)) && !/^(january|february|march|april|may|june|july|august|september|october|november|december)$/.test(lc(next))) setWord(t, 'to');
    }),
    // "I am knowing excel" → "I know": verbs of knowing have no progressive.
    wordRule('am is are', (at) => {
      const { i, t, next, subject } = at;
      if (t.post === '' && next && /^(knowing|understanding|owning)$/.test(lc(next)) && i > 0 && SUBJECT_PRONOUNS.has(subject)) {
        const base = lc(next).replace(/ing$/, '');
        setWord(next, /^(he|she|it)$/.test(subject) ? conjugate(base).PresentTense : base);
        return dropThis(at);
      }
      return undefined;
    }),
    // "My husband and me are going" → "and I": a subject takes "I".
    wordRule('me', ({ tokens, i, t, next, subject }) => {
      if (subject === 'and' && i > 2 && t.post === '' && next && (BE.has(lc(next)) || MODALS.has(lc(next)) || /^(have|had|went|go|live|lived|got|get|like|love|want|were)$/.test(lc(next))) && !/^(to|with|for|from|about|between|of|at|by|like)$/.test(lc(tokens[i - 3])) && !/^(to|with|for|from|about|between|of|at|by|like)$/.test(lc(tokens[i - 4]))) {
        setWord(t, 'I');
      }
    }),
    // "two thousands dollars" → "two thousand dollars".
    wordRule('hundreds thousands millions', ({ tokens, i, t, w, next, subject }) => {
      if (i > 0 && (NUMBERS.has(subject) || /^\d+$/.test(tokens[i - 1].word)) && next && (isPluralNoun(lc(next)) || purePlural(lc(next)) || /^(dollars|euros|pounds|people|years)$/.test(lc(next)))) setWord(t, w.slice(0, -1));
    }),
    // "three times in a week" → "three times a week".
    wordRule('in', ({ i, next, third, subject }) => {
      if (subject === 'times' && lc(next) === 'a' && /^(day|week|month|year)$/.test(lc(third))) return i;
      return undefined;
    }),
    // "a ten-years-old daughter" → "ten-year-old".
    wordRule(/-years-old$/, ({ t, w }) => setWord(t, w.replace(/-years-old$/, '-year-old'))),
    // "told me to don't eat" → "not to eat".
    wordRule('to', ({ t, next, third }) => {
      if (t.post === '' && /^(don't|do not)$/.test(lc(next)) && third && isBaseVerb(lc(third))) {
        setWord(t, 'not');
        setWord(next!, 'to');
      }
    }),
    // "her is Italian" → "she is": after "and"/"but" a clause's subject takes "she".
    wordRule('her', ({ t, next, subject }) => {
      if (/^(and|but)$/.test(subject) && t.post === '' && next && /^(is|was)$/.test(lc(next))) setWord(t, 'she');
    }),
    // "he works as engineer" → "as an engineer": a job is counted.
    wordRule('as', ({ i, out, t, next, subject }) => {
      if (/^(work|works|worked|working)$/.test(subject) && t.post === '' && next && ((has(lc(next), 'Actor') && tags(lc(next)).length === 1) || JOBS.test(lc(next))) && !/s$/.test(lc(next))) {
        out.push(t, bareWord(/^[aeiou]/.test(lc(next)) ? 'an' : 'a'));
        return i;
      }
      return undefined;
    }),
    // "i knocked the door" → "knocked on the door".
    wordRule('knock knocks knocked knocking', ({ i, out, t, next, third }) => {
      if (t.post === '' && next && /^(the|my|his|her|our|their|your)$/.test(lc(next)) && /^(door|window)$/.test(lc(third))) {
        out.push(t, bareWord('on'));
        return i;
      }
      return undefined;
    }),
    // "I wish I can" → "could": a wish is unreal.
    wordRule('can', ({ tokens, i, t, subject }) => {
      if (SUBJECT_PRONOUNS.has(subject) && /^(wish|wishes|wished)$/.test(lc(tokens[i - 2]))) setWord(t, 'could');
    }),
    // "I can't sleep in the night" → "at night" (not "in the night sky").
    wordRule('in', (at) => {
      const { tokens, i, t, next, third } = at;
      if (t.post === '' && lc(next) === 'the' && next!.post === '' && lc(third) === 'night' && (endsPhrase(tokens, i + 2) || PHRASE_ENDERS.has(lc(tokens[i + 3])) || COMPLEMENT_STARTS.has(lc(tokens[i + 3])) || HEAD_FOLLOWERS.has(lc(tokens[i + 3])))) {
        setWord(t, 'at');
        return dropNext(at);
      }
      return undefined;
    }),
    // "it was so beautiful day" → "such a beautiful day": "so" does not come before a noun.
    wordRule('so', ({ i, out, t, next, third, subject }) => {
      if (/^(is|was)$/.test(subject) && t.post === '' && next && PURE_ADJECTIVE(lc(next)) && next.post === '' && third && (isSingularNoun(lc(third)) || (tags(lc(third)).length > 0 && tags(lc(third)).every((x) => x === 'Duration')))) {
        out.push({ ...t, word: t.word.replace(/so/i, 'such') }, bareWord(/^[aeiou]/.test(lc(next)) ? 'an' : 'a'));
        return i;
      }
      return undefined;
    }),
    // "the most beautiful girl of the class" → "in the class": a superlative's group is what it is in.
    wordRule('of', ({ tokens, i, t, next, third }) => {
      if (t.post === '' && lc(next) === 'the' && /^(class|team|world|family|school|city|country|group|office|company)$/.test(lc(third)) && i > 2 && (has(lc(tokens[i - 2]), 'Superlative') || lc(tokens[i - 3]) === 'most' || lc(tokens[i - 2]) === 'best')) setWord(t, 'in');
    }),
    // "go to somewhere" → "go somewhere": these adverbs are already a direction.
    wordRule('to', (at) => {
      const { next, subject } = at;
      if (/^(go|goes|going|went|gone|come|comes|coming|came|travel|traveled|move|moved)$/.test(subject) && next && /^(somewhere|anywhere|everywhere|nowhere|abroad|downtown|upstairs|downstairs|overseas)$/.test(lc(next))) {
        return dropThis(at);
      }
      return undefined;
    }),
    // "a little of German" → "a little German" (not "a little of the cake").
    wordRule('of', (at) => {
      const { tokens, i, next, subject } = at;
      if (subject === 'little' && lc(tokens[i - 2]) === 'a' && next && !DETERMINERS.has(lc(next)) && !OBJECT_PRONOUNS.has(lc(next)) && !/^(what|everything|both|each|all)$/.test(lc(next))) {
        return dropThis(at);
      }
      return undefined;
    }),
    // "before or after to eat" → "after eating": a preposition takes a gerund.
    wordRule('to', (at) => {
      const { t, next, subject } = at;
      if (/^(before|after|without)$/.test(subject) && t.post === '' && next && isBaseVerb(lc(next))) {
        const gerund = verbForms(lc(next))?.Gerund;
        if (gerund) {
          setWord(next, gerund);
          return dropThis(at);
        }
      }
      return undefined;
    }),
    // "because is too small" → "because it is": a clause needs its subject.
    wordRule('is', ({ out, t, next, third, subject }) => {
      if (/^(because|if|when|since)$/.test(subject) && t.post === '' && next && (PURE_ADJECTIVE(lc(next)) || (/^(very|so|too|really|quite)$/.test(lc(next)) && PURE_ADJECTIVE(lc(third))))) {
        out.push(bareWord('it'));
      }
    }),
  ],
  verbSite,
);
/**
 * Whether the subject ending at j takes "does" (true) or "do" (false), or undefined when it is not a
 * subject opening its clause: a personal pronoun, or a determiner and a noun ("my brother", "the kids").
 * Not after "that" or a verb of suggesting, whose clause may be a subjunctive ("insist that he not go").
 */
function negatedSubject(tokens: readonly Token[], j: number): boolean | undefined {
  const w = lc(tokens[j]);
  const start = SUBJECT_PRONOUNS.has(w) ? j : j - 1;
  if (start < 0 || (start > 0 && (/^(that|suggest|suggests|suggested|insist|insists|insisted|demand|recommend|ask|asked)$/.test(lc(tokens[start - 1])) || !/[.!?,;:]/.test(tokens[start - 1].post) && !/^(and|but|so|because|if|when)$/.test(lc(tokens[start - 1]))))) return undefined;
  if (SUBJECT_PRONOUNS.has(w)) return /^(he|she|it)$/.test(w);
  if (!/^(my|his|her|our|their|your|the|this|that|these|those)$/.test(lc(tokens[j - 1])) || tokens[j - 1].post !== '') return undefined;
  if (isSingularNoun(w) && !/^(these|those)$/.test(lc(tokens[j - 1]))) return true;
  return isPluralNoun(w) || purePlural(w) || w === 'people' || w === 'children' ? false : undefined;
}
/** Verbs of knowing and wanting learners negate with "be": "I am not understand". */
const STATIVE_VERBS = /^(know|understand|want|need|believe|remember|care|agree|think|mean)$/;

/**
 * Verbs learners swap for another that takes these objects: "do a mistake" → "make", "make a
 * question" → "ask", "borrow me" → "lend", "learned me" → "taught", "say jokes" → "tell", "make me
 * know" → "let". Each row: the wrong verb's forms with their replacements, and what must follow.
 */
const WORD_CHOICES: readonly [Readonly<Record<string, string | undefined>>, RegExp][] = [
  [table({ do: 'make', does: 'makes', did: 'made', doing: 'making', done: 'made' }), /^(?:(?:a|many|some|no|few|a few|a lot of|lots of|so many|too many|the same|small|big|stupid|silly|careless|any) )*mistakes?\b/],
  [table({ make: 'ask', makes: 'asks', made: 'asked', making: 'asking' }), /^(?:(?:a|any|some|many|a lot of|lots of|more|another|a few) )*questions?\b/],
  [table({ borrow: 'lend', borrows: 'lends', borrowed: 'lent', borrowing: 'lending' }), /^(me|him|us|them)\b/],
  [table({ learn: 'teach', learns: 'teaches', learned: 'taught', learnt: 'taught', learning: 'teaching' }), /^(me|him|us|them)\b/],
  [table({ say: 'tell', says: 'tells', said: 'told', saying: 'telling' }), /^(jokes|a joke|lies|a lie|the truth|stories|a story)\b/],
  [table({ make: 'let', makes: 'lets', made: 'let' }), /^(me|us) know\b/],
  [table({ make: 'do', makes: 'does', made: 'did', making: 'doing' }), /^(?:(?:my|his|her|your|our|their|the) )?homework\b/],
  [table({ remember: 'remind', remembers: 'reminds', remembered: 'reminded' }), /^(me|him|her|us|them) to\b/],
  [table({ make: 'have', makes: 'has', made: 'had', making: 'having' }), /^a (?:(?:big|small|surprise|birthday|little) )*party\b/],
  [table({ do: 'have', does: 'has', did: 'had', doing: 'having' }), /^a (?:(?:big|small|surprise|birthday|little) )*party\b/],
  [table({ rob: 'steal', robs: 'steals', robbed: 'stole', robbing: 'stealing' }), /^(?:my|his|her|your|our|their|the|a) (?:phone|wallet|bag|money|car|bike|bicycle|purse|passport|laptop|watch|camera)\b/],
  [table({ see: 'watch', sees: 'watches', saw: 'watched', seeing: 'watching', seen: 'watched' }), /^(?:tv|television)\b/],
  [table({ make: 'take', makes: 'takes', made: 'took', making: 'taking' }), /^(?:(?:a|some|many|a lot of|lots of|more|a few|so many) )?(?:photos?|pictures?|selfies?)\b/],
  [table({ make: 'take', makes: 'takes', made: 'took', making: 'taking' }), /^a (?:(?:short|long|quick|little|hot|cold) )?(?:break|shower|walk|nap|bath)\b/],
  [table({ make: 'do', makes: 'does', made: 'did', making: 'doing' }), /^(?:(?:some|a lot of|more|much) )?(?:sports?|exercises?|yoga)\b/],
  [table({ do: 'make', does: 'makes', did: 'made', doing: 'making', done: 'made' }), /^(?:(?:a|an|the|this|that|my|our|your|his|her|their|some|more|any|much|no|good|bad|big|small|important|final|great|real|new|right|wrong|best|difficult|hard|quick) )*(?:decisions?|efforts?|progress|noise|friends|money|plans)\b/],
  [table({ open: 'turn on', opens: 'turns on', opened: 'turned on', opening: 'turning on', close: 'turn off', closes: 'turns off', closed: 'turned off', closing: 'turning off' }), /^the lights?\b/],
];

/** The openers whose clause "but" or "so" must not join again. */
const CONCESSIVE_OPENER: Readonly<Record<string, RegExp>> = { but: /^(although|though)$/, so: /^(because|since|as)$/ };

/** A thing's feeling is its -ing form: "the movie was so bored" → "boring". */
const THING_FEELINGS = table({ bored: 'boring', surprised: 'surprising', interested: 'interesting', excited: 'exciting', confused: 'confusing', disappointed: 'disappointing', tired: 'tiring', frightened: 'frightening', annoyed: 'annoying', embarrassed: 'embarrassing', amazed: 'amazing' });
/** Things, not people or animals, that bore or surprise: what such a feeling describes. */
const THINGS = /^(movie|film|book|lesson|class|game|trip|party|news|story|show|match|lecture|concert|meeting|weekend|course|speech|documentary|series|episode|ending|end|museum|play|talk|presentation|exam|test|job|day|flight|journey|novel|song|video|program|programme)$/;

/** Jobs the lexicon files as verbs or not as people ("engineer", "cook"). */
const JOBS = /^(engineer|nurse|lawyer|accountant|manager|designer|developer|programmer|waiter|waitress|cook|chef|driver|cashier|secretary|receptionist|mechanic|electrician|plumber|architect|journalist|photographer|translator|interpreter|consultant|volunteer|assistant|cleaner|guide)$/;

/** What one goes doing: "go shopping", "went swimming". */
const GO_ACTIVITIES = /^(shopping|swimming|fishing|dancing|jogging|hiking|skiing|camping|running|sightseeing|sailing|surfing|cycling|bowling|skating|climbing)$/;

/** Words before a question inside a sentence: "I don't know what", "tell me where", "I wonder why". */
const EMBEDDING = /^(know|knows|knew|understand|understands|understood|wonder|wondering|sure|idea|remember|forgot|forget|explain|ask|asked|me|us|him|her|them)$/;

/** A capitalised word (a name: "the Louvre") or a common noun the lexicon lacks, inside a noun phrase. */
const countedWordOrName = (t: Token): boolean => /^\p{Lu}\p{Ll}+$/u.test(t.word) || (/^\p{Ll}+$/u.test(t.word) && !known(t.word));

/** A possessive determiner. */
const POSSESSIVE = /^(my|his|her|our|their|your)$/;



/** The subjects an age or "agree" follows, and the "be" that goes with each: a person's ("it" has no age). */
const personalBe = (subject: string): string | undefined => (subject === 'it' ? undefined : COPULA[subject]);

/** Verbs that take a gerund and never "to" and a verb: "enjoy swimming", "finish writing" (not "practice", "mind" or "risk", often nouns before "to"). */
const GERUND_TAKERS = /^(enjoy|enjoys|enjoyed|enjoying|avoid|avoids|avoided|avoiding|finish|finishes|finished|finishing|quit|quits|quitting|imagine|imagines|imagined|deny|denies|denied|keep|keeps|kept|keeping|consider|considers|considered|considering|postpone|postpones|postponed)$/;
const SAY_TO_TELL = table({ say: 'tell', says: 'tells', said: 'told', saying: 'telling' });

/**
 * Prepositions of time, place and the verbs that need one, as learners miss them: "in Monday" → "on
 * Monday", "born at 1995" → "born in 1995", "listen music" → "listen to music", "waiting you" →
 * "waiting for you", "going to home" → "going home", "arrived to the airport" → "arrived at".
 */
export function learnerPrepositions(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const [t, next, after] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    const [w, n, before] = [lc(t), lc(next), lc(tokens[i - 1])];
    const joined = t.post === '' && next !== undefined && next.pre === '';
    if (joined && /^(in|at)$/.test(w) && WEEKDAYS.test(n)) setWord(t, 'on');
    if (joined && /^(at|on)$/.test(w) && before === 'born' && /^(1[89]|20)\d\d$/.test(n)) setWord(t, 'in');
    // "going to home": "home" is where one goes, without "to" (not "to home page").
    if (joined && w === 'to' && n === 'home' && TO_HOME_VERBS.test(before) && (endsPhrase(tokens, i + 1) || !tags(lc(after)).some((x) => NOMINAL_TAGS.has(x)))) continue;
    if (joined && w === 'to' && /^(arrive|arrives|arrived|arriving)$/.test(before) && /^(the|my|his|her|our|their|your|a|an|this|that)$/.test(n)) setWord(t, 'at');
    out.push(t);
    // Not "you", "this" … at a transcript's start: "listen you need to go" is a call, not its object.
    if (joined && /^(listen|listens|listened|listening)$/.test(w) && (n === 'music' || n === 'radio' || /^(me|him|her|us|them|my|his|our|their|your)$/.test(n) || (i > 0 && /^(you|this|that)$/.test(n)))) out.push(bareWord('to'));
    else if (joined && /^(wait|waits|waited|waiting)$/.test(w) && /^(me|him|her|us|them|you)$/.test(n) && lc(after) !== 'to') out.push(bareWord('for'));
  }
  return out;
}

/** What the phrase rules read about a token: its neighbours' words, and whether it is joined to them. */
interface PhraseSite extends RuleSite {
  readonly next: Token | undefined;
  /** The next word, the one after it, the one before and the one before that, in lower case ("" if none). */
  readonly n: string;
  readonly third: string;
  readonly before: string;
  readonly twoBefore: string;
  /** No punctuation between the token and a next word in lower case. */
  readonly joined: boolean;
  /** No punctuation between the word before and the token. */
  readonly joinedBefore: boolean;
}

function phraseSite(tokens: Token[], i: number, out: Token[]): PhraseSite {
  const [t, next] = [tokens[i], tokens[i + 1]];
  return {
    tokens, i, out, t, next,
    w: lc(t), n: lc(next), third: lc(tokens[i + 2]), before: lc(tokens[i - 1]), twoBefore: lc(tokens[i - 2]),
    joined: t.post === '' && next !== undefined && next.pre === '' && /^\p{Ll}/u.test(next.word),
    joinedBefore: i > 0 && tokens[i - 1].post === '' && t.pre === '',
  };
}

/**
 * Learner phrases a few words long, each started from one word and each held to the near-miss sets.
 * Clauses: "during I was" → "while", "if I would have" → "if I had", "a girl who want" → "wants",
 * "I'm used to wake" → "waking", "he very tired" → "he is", "my father he works", "Do you can", "Why
 * you didn't call me?", "I don't know what does it mean", "where is the post office" inside a
 * question. Words: "in love of", "by foot", "very shorts", "very danger", "with bus", "the same phone
 * like mine", "as good like", "calling for ask you", "don't know nothing", "said to her to", "paid the
 * coffee", "play the football", "had a lunch", "want that you come", "like very much the movies",
 * "drives very careful", "it will make cold", "we lack of time", "I will back soon".
 */
export function learnerPhrases(tokens: Token[]): Token[] {
  return PHRASE_RULES(tokens);
}

const PHRASE_RULES = wordRulePass<PhraseSite>(
  [
    wordRule('during', ({ t, next, n }) => {
      if (t.post === '' && next?.pre === '' && /^(i|he|she|we|they)$/.test(n)) setWord(t, 'while');
    }),
    // "if I would have more time": the condition is "had"; "would" goes.
    wordRule('would', (at) => {
      const { tokens, i, next, n, joined, joinedBefore, before, twoBefore } = at;
      if (joined && n === 'have' && joinedBefore && SUBJECT_PRONOUNS.has(before) && twoBefore === 'if' && tokens[i - 2].post === '') {
        setWord(next!, 'had');
        return dropThis(at);
      }
      return undefined;
    }),
    wordRule('of', ({ tokens, i, t, joinedBefore, before, twoBefore }) => {
      if (joinedBefore && before === 'love' && twoBefore === 'in' && tokens[i - 2].post === '') setWord(t, 'with');
    }),
    wordRule('by', ({ tokens, i, t, n, joined }) => {
      if (joined && n === 'foot' && phraseEnds(tokens, i + 1)) setWord(t, 'on');
    }),
    wordRule('very so too', ({ tokens, i, w, next, n, joined }) => {
      if (!joined) return;
      // An adjective takes no plural: "the days are very shorts" (not "shorts" the garment after "the").
      const stem = n.replace(/s$/, '');
      if (stem !== n && PURE_ADJECTIVE(stem) && !PURE_ADJECTIVE(n) && phraseEnds(tokens, i + 1)) setWord(next!, stem);
      if (w === 'very' && n === 'hardly') setWord(next!, 'hard');
    }),
    // "the same phone like mine", "not as good like yours": the comparison is "as".
    wordRule('like', ({ tokens, i, t, joinedBefore, before, twoBefore }) => {
      if (t.pre !== '') return;
      const sameBefore = [1, 2, 3].some((k) => lc(tokens[i - k]) === 'same' && lc(tokens[i - k - 1]) === 'the' && tokens.slice(i - k - 1, i).every((x) => x.post === ''));
      const asBefore = joinedBefore && twoBefore === 'as' && tokens[i - 2].post === '' && PURE_ADJECTIVE(before);
      if (sameBefore || asBefore) setWord(t, 'as');
    }),
    // "I'm calling for ask you": a purpose is "to".
    wordRule('for', ({ t, n, third, joined }) => {
      if (joined && (isBaseVerb(n) || n === 'ask') && /^(you|him|her|them|me|us|if|about)$/.test(third)) setWord(t, 'to');
    }),
    // "a girl who want to dance": "who" after one person is singular.
    wordRule('who', ({ next, n, third, before, joined, joinedBefore }) => {
      if (joined && joinedBefore && PEOPLE.has(before) && !isPluralNoun(before)) {
        const target = TO_THIRD[n] ?? (isBaseVerb(n) || PERSON_VERBS.has(n) ? baseVerbForms(n)?.PresentTense : undefined);
        if (target && next!.post === '' && third !== '' && !/^(you|i|we|they|he|she|it)$/.test(third)) setWord(next!, target);
      }
    }),
    // "My hobby is watch movies and play games": a hobby is an activity.
    wordRule('is', ({ tokens, i, before, joined, joinedBefore }) => {
      if (joined && joinedBefore && /^(hobby|hobbies)$/.test(before)) gerunds(tokens, i + 1);
    }),
    // "I'm used to wake up early": used to a habit, which is a noun or gerund (not "it is used to set").
    wordRule('to', ({ tokens, i, next, n, before, twoBefore, joined, joinedBefore }) => {
      if (joined && joinedBefore && before === 'used' && (/^(i|we|you|they)['’](m|re)$/.test(twoBefore) || (/^(am|are|was|were|get|got)$/.test(twoBefore) && SUBJECT_PRONOUNS.has(lc(tokens[i - 3]))))) {
        const gerund = isBaseVerb(n) || PERSON_VERBS.has(n) ? baseVerbForms(n)?.Gerund : undefined;
        if (gerund) setWord(next!, gerund);
      }
    }),
    // "he very tired after work": the "be" is missing.
    wordRule('very', ({ tokens, i, out, n, before, joined, joinedBefore }) => {
      if (joined && joinedBefore && /^(i|he|she|we|they)$/.test(before) && clauseStart(tokens, i - 1) && PURE_ADJECTIVE(n) && phraseEnds(tokens, i + 1)) {
        out.push(bareWord(personalBe(before)!));
      }
    }),
    // "a very danger road", "very intelligence": "very" qualifies the adjective.
    // Not "the very danger we feared", where "very" means "exact".
    wordRule('very so too', ({ next, n, before, joined }) => {
      if (joined && VERY_NOUNS[n] && !/^(the|this|that|these|those|its|his|her|their|my|your|our)$/.test(before)) setWord(next!, VERY_NOUNS[n]!);
    }),
    // "go to work with bus": a vehicle with no article is how one goes.
    wordRule('with', ({ tokens, i, t, n, third, joined }) => {
      if (joined && VEHICLES.test(n) && (phraseEnds(tokens, i + 1) || /^(every|from|to)$/.test(third))) setWord(t, 'by');
    }),
    wordRule('on', ({ t, n, before, joined }) => {
      if (joined && before === 'angry' && /^(me|him|her|us|them|you)$/.test(n)) setWord(t, 'with');
    }),
    wordRule('in', ({ tokens, i, t, n, third, before, joined, joinedBefore }) => {
      if (!joined) return;
      // "we talked about it in the phone"; "in sale" → "on sale".
      const talked = (): boolean => tokens.slice(Math.max(0, i - 4), i).some((x) => /^(talk|talks|talked|talking|speak|speaks|spoke|speaking|chat|chats|chatted|chatting)$/.test(lc(x)));
      if ((n === 'the' && third === 'phone' && talked()) || (n === 'sale' && phraseEnds(tokens, i + 1))) setWord(t, 'on');
      // "I'm thinking in changing jobs" → "of"; "thinking in my family" → "about" ("think in English" stays).
      if (joinedBefore && /^(think|thinks|thinking|thought)$/.test(before)) {
        if (/ing$/.test(n) && ingBase(n)) setWord(t, 'of');
        else if (POSSESSIVE.test(n) && (PEOPLE.has(third) || PEOPLE.has(singular(third)) || /^(family|kids|children)$/.test(third))) setWord(t, 'about');
      }
    }),
    // "Do you can drive?" → "Can you drive?": the modal asks.
    wordRule('do does did', ({ tokens, i, out, t, next, n, third, joined }) => {
      if (afterPunctuation(tokens, i) && joined && SUBJECT_PRONOUNS.has(n) && MODALS.has(third) && next!.post === '' && tokens[i + 2].post === '') {
        setWord(t, third);
        out.push(t, next!);
        return i + 2;
      }
      return undefined;
    }),
    // "I don't know nothing" → "anything"; "we haven't never been" → "have never". Not "do not do
    // nothing", which may mean what it says.
    wordRule('nothing nobody nowhere', ({ tokens, i, t, w, before }) => {
      if (t.pre === '' && [1, 2].some((k) => NEGATIONS.test(lc(tokens[i - k])) && tokens.slice(i - k, i).every((x) => x.post === '')) && !has(before, 'Preposition') && before !== 'do') {
        setWord(t, w.replace('no', 'any'));
      }
    }),
    wordRule('never', ({ out, before, joinedBefore }) => {
      if (joinedBefore && /^(haven't|hasn't|hadn't)$/.test(before)) setWord(out[out.length - 1], before.replace("n't", ''));
    }),
    wordRule((w) => SAY_TO_TELL[w] !== undefined, (at) => {
      const { tokens, i, t, w, next, n, third, joined } = at;
      if (!joined) return undefined;
      // "I said to her to wait" → "told her to wait".
      if (n === 'to' && /^(me|him|her|us|them)$/.test(third) && lc(tokens[i + 3]) === 'to' && tokens[i + 2].post === '') {
        setWord(t, SAY_TO_TELL[w]!);
        return dropNext(at);
      }
      // "Did he say you when he's coming back?" → "tell you".
      if (/^(you|me|him|her|us|them)$/.test(n) && next!.post === '' && /^(when|where|what|why|how|if)$/.test(third)) setWord(t, SAY_TO_TELL[w]!);
      return undefined;
    }),
    // "I paid the coffee": one pays for what one buys.
    wordRule('pay pays paid paying', ({ tokens, i, out, t, n, third, joined }) => {
      if (joined && /^(the|my|our|your|his|her|their)$/.test(n) && /^(coffee|coffees|drinks|dinner|lunch|breakfast|meal|food|beer|beers|pizza|tickets?)$/.test(third) && phraseEnds(tokens, i + 2)) {
        out.push(t, bareWord('for'));
        return i;
      }
      return undefined;
    }),
    // "I wash my hairs", "my hairs is wet": the hair on one's head is not counted.
    wordRule('hairs', ({ t, before }) => {
      if (POSSESSIVE.test(before)) setWord(t, 'hair');
    }),
    wordRule('helps', ({ tokens, i, t, before }) => {
      if (POSSESSIVE.test(before) && tokens.slice(Math.max(0, i - 3), i).some((x) => lc(x) === 'for')) setWord(t, 'help');
    }),
    wordRule('works', ({ t, n, third, joined }) => {
      if (joined && n === 'to' && third === 'do') setWord(t, 'work');
    }),
    // "we will meet on the evening" → "in" (not "on the evening of May 5" or "the evening news").
    wordRule('on', ({ tokens, i, t, n, third, joined }) => {
      if (joined && n === 'the' && /^(morning|afternoon|evening)$/.test(third) && phraseEnds(tokens, i + 2)) setWord(t, 'in');
    }),
    // "on third floor" → "on the third floor".
    wordRule('on', ({ i, out, t, n, third, joined }) => {
      if (joined && /^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|top|ground)$/.test(n) && third === 'floor') {
        out.push(t, bareWord('the'));
        return i;
      }
      return undefined;
    }),
    // "goes to the work by bus" → "to work"; "play the football" → "play football"; "had a lunch" → "had lunch".
    wordRule('to play plays played playing have has had having eat eats ate eating', (at) => {
      const { tokens, i, w, next, n, third, before, joined } = at;
      const dropped =
        (w === 'to' && n === 'the' && third === 'work' && /^(go|goes|went|going|gone|come|comes|came|coming|get|gets|got)$/.test(before) && (phraseEnds(tokens, i + 2) || /^(every|early|late)$/.test(lc(tokens[i + 3])))) ||
        (/^(play|plays|played|playing)$/.test(w) && n === 'the' && SPORTS.test(third) && (phraseEnds(tokens, i + 2) || /^(every|together|today|yesterday|again)$/.test(lc(tokens[i + 3])))) ||
        (/^(have|has|had|having|eat|eats|ate|eating)$/.test(w) && n === 'a' && /^(breakfast|lunch|dinner)$/.test(third) && (phraseEnds(tokens, i + 2) || /^(together|today|yesterday|early|late)$/.test(lc(tokens[i + 3]))));
      if (dropped && joined && next!.post === '') {
        return dropNext(at);
      }
      return undefined;
    }),
    // "I want that you come" → "I want you to come".
    wordRule('want wants wanted', ({ tokens, i, out, t, next, n, third, joined }) => {
      if (joined && n === 'that' && OBJECT_OF[third] && tokens[i + 3] && tokens[i + 2].post === '' && next!.post === '') {
        const verb = lc(tokens[i + 3]);
        const base = isBaseVerb(verb) || PERSON_VERBS.has(verb) ? verb : baseOfVerbForm(verb);
        if (base && /^\p{Ll}+$/u.test(tokens[i + 3].word)) {
          tokens[i + 2].word = OBJECT_OF[third]!;
          setWord(tokens[i + 3], base);
          out.push(t, tokens[i + 2], bareWord('to'));
          return i + 2;
        }
      }
      return undefined;
    }),
    // "My father he works in a factory": the subject is said once.
    wordRule('he she they', (at) => {
      const { tokens, i, next, n, before, twoBefore, joinedBefore } = at;
      if (i > 1 && joinedBefore && tokens[i - 2].post === '' && /^(my|our|his|her|their|your)$/.test(twoBefore) && clauseStart(tokens, i - 2) && (PEOPLE.has(before) || PEOPLE.has(singular(before))) && next && (BE.has(n) || MODALS.has(n) || readsAsVerbAfterNoun(n) || tags(n).some((x) => x === 'PresentTense' || x === 'PastTense'))) return dropThis(at);
      return undefined;
    }),
    // "I am having two brothers": having what one has is "have".
    wordRule('having', (at) => {
      const { out, n, third, before, twoBefore, joined, joinedBefore } = at;
      if (joinedBefore && /^(am|is|are)$/.test(before) && /^(i|you|we|they|he|she)$/.test(twoBefore) && joined && /^(a|an|one|two|three|four|five|no|many)$/.test(n) && /^(brothers?|sisters?|children|kids?|sons?|daughters?|cousins?|pets?|dogs?|cats?|cars?|house|bike|bicycle|apartment|flat|job|boyfriend|girlfriend|husband|wife|phone|laptop|computer|garden)$/.test(third)) {
        setWord(out[out.length - 1], /^(he|she)$/.test(twoBefore) ? 'has' : 'have');
        return dropThis(at);
      }
      return undefined;
    }),
    wordRule('why where when what how who', ({ tokens, i, out }) => {
      const reordered = questionOrder(tokens, i) ?? embeddedQuestion(tokens, i);
      if (reordered) {
        out.push(...reordered.push);
        return reordered.last;
      }
      return undefined;
    }),
    // "How do you call this in English?" → "What".
    wordRule('how', ({ tokens, i, t, n, third }) => {
      if (afterPunctuation(tokens, i) && n === 'do' && third === 'you' && lc(tokens[i + 3]) === 'call' && /^(this|that|it|these|those)$/.test(lc(tokens[i + 4])) && lc(tokens[i + 5]) === 'in') setWord(t, 'what');
    }),
    // "Tomorrow it will make very cold" → "be"; "it makes cold" → "is".
    wordRule('make makes made', ({ tokens, i, t, w, n, before, twoBefore, joinedBefore }) => {
      if ((before === 'it' || (before === 'will' && twoBefore === 'it')) && joinedBefore) {
        const k = /^(very|so|really|too)$/.test(n) ? i + 2 : i + 1;
        if (WEATHER.test(lc(tokens[k])) && (phraseEnds(tokens, k) || /^(today|tomorrow|tonight|outside|here|there)$/.test(lc(tokens[k + 1])))) setWord(t, w === 'make' ? 'be' : w === 'makes' ? 'is' : 'was');
      }
    }),
    // Words the verb already holds: "we lack of time" (not "due to lack of"), "I feel myself tired"; "go
    // to abroad", "let's to go", "been to there"; and "so much expensive" (not "so much better", an
    // adjective the lexicon lacks counting by its ending), "I pay the half of my salary".
    wordRule('much the of to myself himself herself ourselves themselves yourself', (at) => {
      const { tokens, i, w, next, n, third, before, twoBefore, joined, joinedBefore } = at;
      const adjective = (x: string): boolean => PURE_ADJECTIVE(x) || (tags(x).length === 0 && /(ive|ous|ful|able|ible|ent|ant|ic|al)$/.test(x));
      const redundant =
        (w === 'much' && joinedBefore && /^(so|too|very)$/.test(before) && joined && adjective(n) && !has(n, 'Comparative') && phraseEnds(tokens, i + 1)) ||
        (w === 'the' && joined && n === 'half' && third === 'of' && next!.post === '' && /^(my|his|her|our|their|your|the|it|them)$/.test(lc(tokens[i + 3]))) ||
        (w === 'of' && joinedBefore && /^(lack|lacks|lacked)$/.test(before) && SUBJECT_PRONOUNS.has(twoBefore)) ||
        (/^(myself|himself|herself|ourselves|themselves|yourself)$/.test(w) && joinedBefore && /^(feel|feels|felt|feeling)$/.test(before) && joined && PURE_ADJECTIVE(n)) ||
        (w === 'to' && joined && ((n === 'abroad' && /^(go|goes|went|going|gone|travel|travels|traveled|traveling|move|moved|moving)$/.test(before)) || (n === 'there' && /^(been|go|goes|went|going|gone|come|comes|came|coming|get|got)$/.test(before)))) ||
        (w === 'to' && joined && joinedBefore && before === "let's" && isBaseVerb(n));
      if (redundant && next) return dropThis(at);
      return undefined;
    }),
    // "it's depend on you" → "it depends on you"; "it's seems fine" → "it seems".
    wordRule("it's", ({ t, next, n, joined }) => {
      if (joined && /^(depend|depends|seem|seems)$/.test(n)) {
        setWord(t, t.word.slice(0, 2));
        setWord(next!, n.endsWith('s') ? n : `${n}s`);
      }
    }),
    // "In the other hand, …" → "On the other hand," (not "in the other hand he held a cup").
    wordRule('in', ({ tokens, i, t, n, third, joined }) => {
      if (afterPunctuation(tokens, i) && joined && n === 'the' && third === 'other' && lc(tokens[i + 3]) === 'hand' && tokens[i + 3].post === ',') setWord(t, 'on');
    }),
    // "The most of the people" → "Most of the people".
    wordRule('the', (at) => {
      const { tokens, i, t, next, n, third, joined } = at;
      if (afterPunctuation(tokens, i) && joined && n === 'most' && third === 'of' && next!.post === '' && /^(the|my|your|his|her|our|their|these|those|them|us)$/.test(lc(tokens[i + 3]))) {
        setWord(next!, /^\p{Lu}/u.test(t.word) ? 'Most' : 'most');
        return dropThis(at);
      }
      return undefined;
    }),
    // "He told me go home" → "told me to go": telling and asking take "to" (not "asks me question").
    wordRule('tell tells told ask asks asked', ({ tokens, i, out, t, next, n, third, joined }) => {
      if (joined && /^(me|him|her|us|them)$/.test(n) && next!.post === '' && ((isBaseVerb(third) && !has(third, 'Noun') && !has(third, 'Singular')) || PERSON_VERBS.has(third)) && !/^(question|questions|favor|favour)$/.test(third) && tokens[i + 2].pre === '') {
        out.push(t, next!, bareWord('to'));
        return i + 1;
      }
      return undefined;
    }),
    // "I put too much salts in the soup" → "salt": what "much" measures has no plural (not "how much
    // years", which counts, nor "bath salts" after another word).
    wordRule('much', ({ i, out, t, next, n, joined }) => {
      const one = singular(n);
      if (joined && one !== n && n === `${one}s` && isUncountable(one) && !known(n)) {
        out.push(t);
        setWord(next!, one);
        return i;
      }
      return undefined;
    }),
    // "How much years", "there are too much people" → "many": "much" does not count. Not "How much
    // costs this jacket?", where the plural is the verb (a mass noun's plural is mended above).
    wordRule('much', ({ t, n, third, before, joined, joinedBefore }) => {
      if (!joined || !joinedBefore) return;
      const how = before === 'how' && (purePlural(n) || /^(people|times|children|years|months|weeks|days|hours|minutes)$/.test(n)) && !/^(this|that|these|those|the|it|a|an|my|your|his|her|our|their)$/.test(third);
      const too = /^(too|so|very)$/.test(before) && (n === 'people' || n === 'children' || (purePlural(n) && !isUncountable(singular(n))));
      if (how || too) setWord(t, 'many');
    }),
    // "I prefer coffee than tea" → "to tea" (not "rather than").
    wordRule('than', ({ tokens, i, t, before, joinedBefore }) => {
      if (joinedBefore && before !== 'rather' && t.pre === '') {
        const k = [2, 3, 4].find((d) => /^(prefer|prefers|preferred)$/.test(lc(tokens[i - d])));
        if (k && lc(tokens[i - k + 1]) !== 'to' && tokens.slice(i - k, i).every((x) => x.post === '')) setWord(t, 'to');
      }
    }),
    // "This is the first time I visit London" → "I have visited": a first time is in the perfect.
    wordRule('time', ({ tokens, i, out, t, next, n, before, twoBefore, joinedBefore }) => {
      if (!(joinedBefore && before === 'first' && twoBefore === 'the' && /^(is|it's|this's)$/.test(lc(tokens[i - 3])) && t.post === '')) return undefined;
      const at = n === 'that' && next!.post === '' ? i + 2 : i + 1;
      const [subject, verb] = [tokens[at], tokens[at + 1]];
      const sw = lc(subject);
      const vw = lc(verb);
      const base = verb && (isBaseVerb(vw) || PERSON_VERBS.has(vw) ? vw : PERSON_VERB_BY_THIRD.get(vw) ?? (verbForms(vw)?.PresentTense === vw ? verbForms(vw)?.Infinitive : undefined));
      if (subject && base && HAVE_OF[sw] && subject.post === '' && subject.pre === '' && verb.pre === '' && !BE.has(vw) && !MODALS.has(vw) && !DO_FORMS.has(vw) && !/^(do|have|has|had)$/.test(vw)) {
        setWord(verb, participle(base));
        out.push(t, ...tokens.slice(i + 1, at + 1), bareWord(HAVE_OF[sw]!));
        return at;
      }
      return undefined;
    }),
    // "I will back soon" → "I will be back soon" (not "I'll back you up").
    wordRule('back', ({ out, next, n, before, joinedBefore }) => {
      if (joinedBefore && (before === 'will' || /['’]ll$/.test(before)) && (!next || /^(soon|later|in|at|tomorrow|tonight|home|by|after|before)$/.test(n))) out.push(bareWord('be'));
    }),
    // "Tomorrow will rain" → "Tomorrow it will rain".
    wordRule('will', ({ tokens, i, out, n, before }) => {
      if (i > 0 && /^(tomorrow|today|tonight)$/.test(before) && afterPunctuation(tokens, i - 1) && /^(rain|snow)$/.test(n)) out.push(bareWord('it'));
    }),
    // "I like very much the horror movies" → "I like the horror movies very much".
    wordRule((w) => ADVERB_VERBS.test(w), ({ tokens, i, out, t }) => {
      const moved = t.post === '' ? adverbAfterObject(tokens, i) : undefined;
      if (moved) {
        out.push(t, ...moved.object, ...moved.adverb);
        return moved.end - 1;
      }
      return undefined;
    }),
    // "my wife doesn't like it too" → "either": a negative agrees with "either".
    wordRule('too', ({ tokens, i, t, next, before }) => {
      if (t.pre === '' && /[.!?,]|^$/.test(t.post + (next ? 'x' : '')) && !NEGATIONS.test(before) && tokens.slice(Math.max(0, i - 6), i).some((x, k, all) => NEGATIONS.test(lc(x)) && all.slice(k).every((y) => !/[.!?,;]/.test(y.post)))) setWord(t, 'either');
    }),
    // "two pills in the same time" → "at the same time" (not "in the same time as").
    wordRule('in', ({ tokens, i, t, n, third, joined }) => {
      if (joined && n === 'the' && third === 'same' && lc(tokens[i + 3]) === 'time' && !/^(as|that|it)$/.test(lc(tokens[i + 4]))) setWord(t, 'at');
    }),
    // "I have hunger" → "I am hungry"; "I have cold, can you close the window?" → "I am cold": a person
    // is hungry, thirsty, cold or hot (not "I have a cold", "cold hands").
    wordRule('have has', ({ tokens, i, t, next, n, before, joined, joinedBefore }) => {
      if (!joined || !joinedBefore) return;
      if (/^(hunger|thirst)$/.test(n) && personalBe(before)) {
        setWord(t, personalBe(before)!);
        setWord(next!, n === 'hunger' ? 'hungry' : 'thirsty');
      } else if (/^(cold|hot)$/.test(n) && /^(i|he|she|we|they)$/.test(before) && endsPhrase(tokens, i + 1)) setWord(t, personalBe(before)!);
    }),
    // "I went there two years before." → "ago" (not "had been there two years before").
    wordRule('before', ({ tokens, i, t, next, before, twoBefore }) => {
      if (/^(years|months|weeks|days)$/.test(before) && (NUMBER_WORDS.test(twoBefore) || /^(a|\d+)$/.test(twoBefore) || twoBefore === 'few') && /[.!?]/.test(t.post + '.') && (!next || /[.!?]/.test(t.post)) && !tokens.slice(0, i).some((x) => /^(had|'d)$/.test(lc(x)))) setWord(t, 'ago');
    }),
    // "nobody didn't answer" → "nobody answered"; "Nobody don't know" → "Nobody knows".
    wordRule('nobody nothing', (at) => {
      const { tokens, i, next, n, joined } = at;
      if (joined && /^(didn't|don't|doesn't)$/.test(n) && tokens[i + 2] && next!.post === '') {
        const base = lc(tokens[i + 2]);
        const forms = isBaseVerb(base) || PERSON_VERBS.has(base) ? baseVerbForms(base) : base === 'answer' ? conjugate(base) : undefined;
        const past = n === "didn't" ? forms?.PastTense : forms?.PresentTense;
        if (past) {
          setWord(tokens[i + 2], past);
          return dropNext(at);
        }
      }
      return undefined;
    }),
    // "The company changed it's name" → "its name": after a verb or a preposition, before a noun.
    wordRule("it's", ({ t, n, before, joined, joinedBefore }) => {
      if (joined && joinedBefore && (tags(before).includes('PastTense') || /^(of|in|on|for|with|to|from|by|about|into)$/.test(before)) && (isSingularNoun(n) || isPluralNoun(n)) && !tags(n).some((x) => x === 'Adjective' || x === 'Verb' || x === 'Gerund') && !BARE_NOUNS.has(n)) setWord(t, 'its');
    }),
    // "He drives very careful" → "carefully": how one does something is an adverb.
    wordRule((w) => MANNER_ADVERBS[w] !== undefined, ({ tokens, i, t, w, before, joinedBefore }) => {
      if (t.pre === '' && i > 0 && phraseEnds(tokens, i)) {
        const k = /^(very|really|so|too|quite)$/.test(before) && joinedBefore ? i - 2 : i - 1;
        if (k >= 0 && tokens[k].post === '' && ACTION_VERBS.test(lc(tokens[k]))) setWord(t, MANNER_ADVERBS[w]!);
      }
    }),
    // "the museum was close on Monday" → "closed".
    wordRule('close', ({ t, n, before, joined, joinedBefore }) => {
      if (joined && joinedBefore && /^(is|was|are|were)$/.test(before) && /^(on|today|tomorrow|tonight|until|for|during|now)$/.test(n)) setWord(t, 'closed');
    }),
    // "What means this word?" → "What does this word mean?", "How much costs this jacket?", "At what
    // time closes the pharmacy?": a question about a thing asks with "do". Only these verbs after
    // these openers ("What makes this word special?" keeps its subject "what"), with a question mark.
    wordRule((w) => QUESTION_VERB_BASE[w] !== undefined, ({ tokens, i, out, t, w }) => {
      const [b1, b2] = [lc(tokens[i - 1]), lc(tokens[i - 2])];
      const opener = w === 'means' ? (b1 === 'what' ? 1 : 0) : /^costs?$/.test(w) ? (b1 === 'much' && b2 === 'how' ? 2 : 0) : b1 === 'time' && b2 === 'what' ? 2 : 0;
      const start = opener > 0 && lc(tokens[i - opener - 1]) === 'at' ? i - opener - 1 : i - opener;
      if (opener === 0 || !afterPunctuation(tokens, start) || !asksAt(tokens, i) || !tokens.slice(start, i + 1).every((x) => x.post === '')) return undefined;
      // The thing asked about: a determiner and a noun or two, then the question's end or a preposition.
      const head = tokens[i + 1];
      if (!head || !/^(this|that|these|those|the|your|my|our|his|her|their)$/.test(lc(head)) || head.post !== '') return undefined;
      const noun = (k: number): boolean => tokens[k] !== undefined && /^\p{Ll}+$/u.test(tokens[k].word) && (isSingularNoun(lc(tokens[k])) || isPluralNoun(lc(tokens[k])) || purePlural(lc(tokens[k])) || countedWordOrName(tokens[k]));
      let end = i + 2;
      if (!noun(end)) return undefined;
      if (tokens[end].post === '' && noun(end + 1)) end++;
      const last = tokens[end];
      if (!(/[?]/.test(last.post) || (last.post === '' && /^(on|at|in|for|to|every|today|tonight|tomorrow|now)$/.test(lc(tokens[end + 1]))))) return undefined;
      const plural = /^(these|those)$/.test(lc(head)) || (isPluralNoun(lc(last)) && !isSingularNoun(lc(last))) || purePlural(lc(last));
      out.push({ ...t, word: plural ? 'do' : 'does' }, ...tokens.slice(i + 1, end), { ...last, post: '', space: ' ' }, { ...bareWord(QUESTION_VERB_BASE[w]!), post: last.post, space: last.space });
      return end;
    }),
    // "I was responsible of social media" → "for".
    wordRule('of', ({ t, before, joinedBefore }) => {
      if (joinedBefore && before === 'responsible') setWord(t, 'for');
    }),
    // "the movie is based in a true story" → "based on" (not "based in a small town", "based in the
    // real estate district").
    wordRule('in', ({ tokens, i, t, n, before, joined, joinedBefore }) => {
      if (!joined || !joinedBefore || before !== 'based') return;
      const source = (k: number): boolean => /^(story|stories|book|books|novel|play|legend|comic|film|movie|events|facts|life)$/.test(lc(tokens[k]));
      const told = (k: number): boolean => source(k) || (/^(true|real)$/.test(lc(tokens[k])) && source(k + 1));
      if ((/^(a|the|his|her|their)$/.test(n) && told(i + 2)) || told(i + 1)) setWord(t, 'on');
    }),
    // "the prices are raising every month" → "rising": what goes up by itself rises (not "raising prices", "raising money").
    wordRule('raising', ({ tokens, i, t, before, twoBefore, joinedBefore }) => {
      if (joinedBefore && /^(is|are|was|were|keep|keeps|kept)$/.test(before) && /^(prices|price|costs|cost|rents|rent|taxes|temperatures|temperature|numbers|sales|bills|levels|rates|cases)$/.test(twoBefore) && (endsPhrase(tokens, i) || /^(every|again|fast|quickly|so|too|very|each|all|and|because|since|by)$/.test(lc(tokens[i + 1])))) setWord(t, 'rising');
    }),
    // "I have to assist to a meeting" → "attend a meeting": one attends an event.
    wordRule('assist assists assisted assisting', (at) => {
      const { tokens, i, t, w, next, n, third, joined } = at;
      if (joined && n === 'to' && next!.post === '' && /^(a|an|the|my|his|her|our|their|this|that)$/.test(third) && /^(meeting|class|classes|conference|course|lecture|wedding|party|event|session|concert|ceremony|seminar|workshop|funeral|interview)$/.test(lc(tokens[i + 3]))) {
        setWord(t, w.replace('assist', 'attend'));
        return dropNext(at);
      }
      return undefined;
    }),
    // "i broke the arm" → "I broke my arm": one's own body part takes the possessive.
    wordRule('broke broken hurt cut burned burnt twisted sprained injured bruised', ({ tokens, i, n, third, before, joined, joinedBefore }) => {
      const owner = POSSESSIVE_OF[before] ?? (/^(have|has|had)$/.test(before) ? POSSESSIVE_OF[lc(tokens[i - 2])] : undefined);
      if (owner && joined && joinedBefore && n === 'the' && BODY_PARTS.test(third) && (phraseEnds(tokens, i + 2) || /^(when|while|yesterday|last|playing|in|at|during)$/.test(lc(tokens[i + 3])))) setWord(tokens[i + 1], owner);
    }),
    // "I worked there since 2018 until last year" → "from 2018": a span with an end starts "from".
    // Only a point in time between them (not "since I'm free until Friday", "since" meaning "because").
    wordRule('since', ({ tokens, i, t }) => {
      const until = tokens.slice(i + 1, i + 7).findIndex((x) => /^(until|till)$/.test(lc(x)));
      const between = tokens.slice(i + 1, i + 1 + until);
      if (t.post === '' && until > 0 && tokens.slice(i, i + 1 + until).every((x) => x.post === '') && between.every((x) => TIME_WORD.test(lc(x)) || NUMBER_WORDS.test(lc(x)))) setWord(t, 'from');
    }),
    // "Do you know to cook?", "I don't know to swim" → "know how to". Only asked or denied: "the kids
    // know to wait" (know that they should) and "know to be careful" stay.
    wordRule('know knows knew', ({ tokens, i, out, t, n, third, before, joined }) => {
      const asked = SUBJECT_PRONOUNS.has(before) && /^(do|does|did)$/.test(lc(tokens[i - 2]));
      if (joined && n === 'to' && third !== 'be' && (isBaseVerb(third) || PERSON_VERBS.has(third)) && (asked || /^(don't|doesn't|didn't|not)$/.test(before))) {
        out.push(t, bareWord('how'));
        return i;
      }
      return undefined;
    }),
    // "Can you look the kids for an hour?" → "look after the kids": "look" takes no object.
    // Not "look the kids in the eye".
    wordRule('look looks', ({ tokens, i, out, t, n, third, joined }) => {
      if (joined && /^(the|my|your|our|his|her|their)$/.test(n) && /^(kids|children|child|baby|babies|dog|dogs|cat|cats|plants|house|grandmother|grandfather|brother|sister)$/.test(third) && lc(tokens[i + 3]) !== 'in') {
        out.push(t, bareWord('after'));
        return i;
      }
      return undefined;
    }),
    // "I'm with a headache" → "I have a headache": an illness is had.
    wordRule('with', (at) => {
      const { tokens, i, out, n, third, before, joined, joinedBefore } = at;
      // The illness ends its phrase ("with a cold drink" is not one), or is "a sore" part.
      const after = lc(tokens[i + 3]);
      const illness = third === 'sore' ? /^(throat|back|head|leg|arm|foot|eye|eyes|neck|knee|stomach)$/.test(after) : /^(headache|fever|cold|cough|flu|toothache|stomachache|backache)$/.test(third) && (phraseEnds(tokens, i + 2) || /^(so|today|now|again|since|all|this|right)$/.test(after));
      if (!joined || !joinedBefore || n !== 'a' || !illness) return undefined;
      const contracted = /^(i|you|he|she|we|they)['’](m|s|re)$/.exec(before);
      const subject = contracted ? contracted[1] : /^(am|is|are)$/.test(before) ? lc(tokens[i - 2]) : undefined;
      const have = subject && subject !== 'it' ? HAVE_OF[subject] : undefined;
      if (!subject || !have) return undefined;
      const last = out[out.length - 1];
      if (contracted) {
        setWord(last, last.word.slice(0, subject.length));
        out.push(bareWord(have));
      } else setWord(last, have);
      return dropThis(at);
    }),
    // "I spent all my salary in clothes" → "on clothes": money is spent on things (not "in Paris").
    wordRule('in', ({ tokens, i, t, n, joined }) => {
      if (joined && /^(clothes|shoes|food|books|games|toys|gifts|presents|drinks|snacks|candy|coffee|gas|rent|taxis|things|stuff|makeup|furniture)$/.test(n) && tokens.slice(Math.max(0, i - 5), i).some((x) => /^(spend|spends|spent|spending|waste|wastes|wasted|wasting)$/.test(lc(x)))) setWord(t, 'on');
    }),
    // "I think it goes to rain" → "it is going to rain".
    wordRule('goes', ({ i, out, t, n, third, before, joined, joinedBefore }) => {
      if (joined && joinedBefore && before === 'it' && n === 'to' && /^(rain|snow|be)$/.test(third)) {
        setWord(t, 'is');
        out.push(t, bareWord('going'));
        return i;
      }
      return undefined;
    }),
    // "I became a present from my boss" → "got": one becomes what one is, and gets what one is given.
    wordRule('became', ({ t, n, third, joined }) => {
      if (joined && /^(a|an)$/.test(n) && /^(present|gift|letter|message|email|call|package|parcel|answer|reply|postcard|bonus|raise|ticket)$/.test(third)) setWord(t, 'got');
    }),
    // "if the weather will be good" → "is good": a condition is in the present (not "if you will",
    // a request, nor after "know if", "see if", where "if" asks whether, nor "as if").
    wordRule('will', (at) => {
      const { tokens, i, next, n, third } = at;
      const ifAt = lc(tokens[i - 2]) === 'if' ? i - 2 : lc(tokens[i - 3]) === 'if' && lc(tokens[i - 2]) === 'the' ? i - 3 : -1;
      const subject = lc(tokens[i - 1]);
      if (ifAt < 0 || n !== 'be' || !/^(good|nice|sunny|rainy|bad|cold|hot|warm|fine|ready|free|available|open|closed|late|busy|cloudy|windy)$/.test(third) || /^(know|knows|knew|see|ask|asked|wonder|sure|check|tell|whether|as)$/.test(lc(tokens[ifAt - 1]))) return undefined;
      const be = ifAt === i - 3 ? (/^(weather|traffic|meeting|store|shop|restaurant|bus|train|flight|food)$/.test(subject) ? 'is' : undefined) : subject === 'you' ? undefined : COPULA[subject];
      if (!be || !tokens.slice(ifAt, i + 1).every((x) => x.post === '')) return undefined;
      setWord(next!, be);
      return dropThis(at);
    }),
    // "I will call you when I will arrive" → "when I arrive": a time clause about the future is in the
    // present. Only after a future or a request ("call me when", "I'll text you after"), and not
    // inside a question ("I don't know when he will arrive", "tell me when you will be ready").
    wordRule('will', (at) => {
      const { tokens, i, t, next, n, before, joinedBefore } = at;
      const k = /^(when|after|before|until|once)$/.test(lc(tokens[i - 2])) ? i - 2 : lc(tokens[i - 2]) === 'as' && lc(tokens[i - 3]) === 'soon' && lc(tokens[i - 4]) === 'as' ? i - 4 : -1;
      if (k < 1 || !joinedBefore || !/^(i|you|he|she|we|they|it)$/.test(before) || !next || t.post !== '' || !tokens.slice(k, i).every((x) => x.post === '')) return undefined;
      const asker = lc(tokens[k - 1]);
      const asked = /^(know|knew|ask|asked|wonder|wondering|sure|idea|tell|told|remember|forget|forgot|decide|see|check|unclear|clear|certain)$/.test(asker) || (OBJECT_PRONOUNS.has(asker) && /^(tell|told|ask|asked|show|let|remind)$/.test(lc(tokens[k - 2])));
      const future = tokens.slice(0, k).some((x) => /^(will|won't|shall|going|please|let's)$|['’]ll$/.test(lc(x))) || /^(call|text|tell|wait|come|send|give|bring|take|remember|don't|ring|email|message)$/.test(lc(tokens[0]));
      if (asked || !future || tokens.slice(0, k).some((x) => /[.!?;]/.test(x.post))) return undefined;
      const verb = n === 'be' ? COPULA[before] : isBaseVerb(n) || PERSON_VERBS.has(n) ? (/^(he|she|it)$/.test(before) ? baseVerbForms(n)?.PresentTense : n) : undefined;
      if (!verb) return undefined;
      setWord(next, verb);
      return dropThis(at);
    }),
    // "she has a long hairs" → "she has long hair": hair on a head is not counted (not "he has a grey
    // hair", which may be one).
    wordRule('a', (at) => {
      const { tokens, i, next, n, third, before, joined } = at;
      if (joined && /^(have|has|had)$/.test(before) && /^(long|short|black|blond|blonde|brown|curly|straight|red|dark|beautiful|grey|gray|white|thick|thin)$/.test(n) && next!.post === '' && third === 'hairs') {
        setWord(tokens[i + 2], 'hair');
        return dropThis(at);
      }
      return undefined;
    }),
    // "he doesn't have no money" → "any money": English negates once.
    wordRule('no', ({ tokens, i, t, n, before, joinedBefore }) => {
      if (joinedBefore && t.post === '' && /^(have|has|had|want|need|see|get|got|find|buy|eat|drink|make|take|give|know|hear|mean)$/.test(before) && NEGATIONS.test(lc(tokens[i - 2])) && tokens[i - 2].post === '' && (isSingularNoun(n) || isPluralNoun(n) || isUncountable(n) || purePlural(n) || /^(time|money|idea|problem|problems|friends|more|way)$/.test(n))) setWord(t, 'any');
    }),
    // "we are arrived at the hotel" → "we have arrived": arriving is done, not been (not "it is
    // returned", a passive).
    wordRule('arrived', ({ tokens, i, out, before, twoBefore, joinedBefore }) => {
      if (joinedBefore && /^(am|is|are)$/.test(before) && /^(i|you|we|they|he|she|it)$/.test(twoBefore) && tokens[i - 2].post === '' && (endsPhrase(tokens, i) || /^(at|in|home|here|there|from|to|safely|yesterday|today|now|back)$/.test(lc(tokens[i + 1])))) {
        setWord(out[out.length - 1], HAVE_OF[twoBefore]!);
      }
    }),
    // "she is a very good cooker" → "cook": a cooker is a stove.
    wordRule('cooker cookers', ({ tokens, i, t, w, before }) => {
      if (/^(good|great|bad|excellent|terrible|amazing|wonderful|fantastic|better|best|awful)$/.test(before) && /^(a|an|very|really|such|the|so)$/.test(lc(tokens[i - 2]))) setWord(t, w === 'cookers' ? 'cooks' : 'cook');
    }),
    // "she married with him last year" → "she married him": one marries someone (but "is married to").
    wordRule('married', (at) => {
      const { next, n, third, before, joined, joinedBefore } = at;
      if (joined && joinedBefore && n === 'with' && next!.post === '' && (SUBJECT_PRONOUNS.has(before) || PEOPLE.has(before)) && /^(him|her|them|me|us|my|his|her|their|a|an|the)$/.test(third)) {
        return dropNext(at);
      }
      return undefined;
    }),
    // "he is graduated from Harvard" → "he graduated": graduating is done, not been.
    wordRule('graduated', ({ tokens, i, out, n, before, twoBefore, joinedBefore }) => {
      if (joinedBefore && /^(is|was|am|are|were)$/.test(before) && /^(i|you|he|she|we|they)$/.test(twoBefore) && tokens[i - 2].post === '' && /^(from|in|last|two|three|four|five|\d+)$/.test(n)) {
        const be = out.pop()!;
        tokens[i].pre = be.pre + tokens[i].pre;
      }
    }),
    // "he asked to me a question" → "asked me": one asks someone.
    wordRule('asked', (at) => {
      const { tokens, i, next, n, third, before, joined } = at;
      if (joined && n === 'to' && next!.post === '' && /^(me|him|her|us|them)$/.test(third) && !BE.has(before) && /^(a|the|some|many|about|if|why|what|how|when|where)$/.test(lc(tokens[i + 3]))) {
        return dropNext(at);
      }
      return undefined;
    }),
    // "Could you please to help me?" → "please help": a request's verb takes no "to".
    wordRule('please', (at) => {
      const { tokens, i, next, n, third, before, joined, joinedBefore } = at;
      if (joined && joinedBefore && n === 'to' && next!.post === '' && before === 'you' && MODALS.has(lc(tokens[i - 2])) && (isBaseVerb(third) || PERSON_VERBS.has(third))) {
        return dropNext(at);
      }
      return undefined;
    }),
    // "I didn't used to like it", "Did you used to live here?" → "use to": "did" carries the past.
    wordRule('used', ({ tokens, i, t, n, before, joined, joinedBefore }) => {
      const did = before === "didn't" || ((before === 'not' || SUBJECT_PRONOUNS.has(before)) && /^(did|didn't)$/.test(lc(tokens[i - 2])));
      if (joined && joinedBefore && n === 'to' && did) setWord(t, 'use');
    }),
    // "My wife is a nurse, he works at night" → "she works": the pronoun takes the person's sex.
    wordRule('he she', ({ tokens, i, t, w, n }) => {
      if (i < 3 || !/,$/.test(tokens[i - 1].post) || !POSSESSIVE.test(lc(tokens[0])) || tokens[0].post !== '' || !(BE.has(n) || MODALS.has(n) || readsAsVerbAfterNoun(n))) return undefined;
      // Only after the person is described ("is a nurse"): "My sister is married, he is a doctor" may be her husband.
      if (!/^(is|was)$/.test(lc(tokens[2])) || !/^(a|an)$/.test(lc(tokens[3]))) return undefined;
      const person = lc(tokens[1]);
      const sex = FEMALE.test(person) ? 'she' : MALE.test(person) ? 'he' : undefined;
      const others = tokens.slice(2, i).some((x) => FEMALE.test(lc(x)) || MALE.test(lc(x)) || /^(he|she|him|her|his)$/.test(lc(x)));
      if (sex && sex !== w && !others && tokens[1].post === '') setWord(t, sex);
      return undefined;
    }),
    // "We won them three to one" → "beat them": one wins a game and beats a team.
    wordRule('won', ({ tokens, i, t, n, joined }) => {
      if (joined && /^(them|us|him|her|you)$/.test(n) && (NUMBER_WORDS.test(lc(tokens[i + 2])) || /^\d+$/.test(tokens[i + 2]?.word ?? '')) && /^(to|-)$/.test(lc(tokens[i + 3]))) setWord(t, 'beat');
    }),
    // "she asked me where was i going" → "where I was going": a question inside a sentence keeps a statement's order.
    wordRule('where what when why how', ({ tokens, i, out, t, next, n, third, joined }) => {
      const verb = tokens[i + 3];
      if (!joined || i === 0 || !/^(asked|ask|asks|wondered|wonder|know|knew|tell|told)$/.test(lc(tokens[i - 1])) && !/^(me|him|her|us|them)$/.test(lc(tokens[i - 1])) || !/^(was|were|is|are|am)$/.test(n) || !SUBJECT_PRONOUNS.has(third) || !verb || !/ing$/.test(lc(verb)) || asksAt(tokens, i)) return undefined;
      if (next!.post !== '' || tokens[i + 2].post !== '' || lc(tokens[i - 1]) === 'me' && !/^(asked|ask|asks|tell|told)$/.test(lc(tokens[i - 2]))) return undefined;
      out.push(t, { ...tokens[i + 2], pre: next!.pre }, { ...next!, pre: tokens[i + 2].pre });
      return i + 2;
    }),
  ],
  phraseSite,
);

/** What a rule that rewrites several tokens leaves: the tokens to push, and the last index it read. */
interface Rewrite {
  readonly push: readonly Token[];
  readonly last: number;
}

/**
 * "Why you didn't call me?" → "Why didn't you call me?", "When I can start?", "Where you bought these
 * shoes?" → "Where did you buy", "How long it takes?" → "How long does it take": a question puts its
 * auxiliary before the subject. Only at a sentence's start, and with its question mark.
 */
function questionOrder(tokens: Token[], i: number): Rewrite | undefined {
  const [t, next] = [tokens[i], tokens[i + 1]];
  const [w, n] = [lc(t), lc(next)];
  if (!/^(why|where|when|what|how)$/.test(w) || !afterPunctuation(tokens, i) || !asksAt(tokens, i)) return undefined;
  const s0 = /^(long|much|many|often|far|old)$/.test(n) && w === 'how' && next.post === '' ? i + 2 : i + 1;
  const [subject, verb] = [tokens[s0], tokens[s0 + 1]];
  const sw = lc(subject);
  if (!subject || !verb || !SUBJECT_PRONOUNS.has(sw) || subject.post !== '' || !tokens.slice(i, s0).every((x) => x.post === '') || !/^[\p{Ll}'’]+$/u.test(verb.word)) return undefined;
  const vw = lc(verb);
  const third = /^(he|she|it)$/.test(sw);
  if (/^(don't|doesn't|didn't|can't|won't|isn't|aren't|wasn't|weren't)$/.test(vw) || MODALS.has(vw) || (BE.has(vw) && vw !== 'be')) {
    return { push: [t, ...tokens.slice(i + 1, s0), { ...verb, word: vw, pre: subject.pre, post: '', space: ' ' }, { ...subject, pre: '', post: verb.post, space: verb.space }], last: s0 + 1 };
  }
  const past = !BE.has(vw) && !MODALS.has(vw) && tags(vw).includes('PastTense') ? verbForms(vw)?.Infinitive : undefined;
  const present = !past && !BE.has(vw) && !MODALS.has(vw) && !DO_FORMS.has(vw) ? (third ? (PERSON_VERB_BY_THIRD.get(vw) ?? (verbForms(vw)?.PresentTense === vw ? verbForms(vw)?.Infinitive : undefined)) : isBaseVerb(vw) ? vw : undefined) : undefined;
  const auxiliary = past ? 'did' : present ? (third ? 'does' : 'do') : undefined;
  if (!auxiliary) return undefined;
  setWord(verb, (past ?? present)!);
  return { push: [t, ...tokens.slice(i + 1, s0), bareWord(auxiliary)], last: s0 - 1 };
}

/**
 * "I don't know what does it mean" → "what it means", "tell me where did you go" → "where you went",
 * "Do you know where is the post office?" → "where the post office is": a question inside a sentence
 * (after know, wonder, tell me …) keeps the order of a statement.
 */
function embeddedQuestion(tokens: Token[], i: number): Rewrite | undefined {
  const [t, next] = [tokens[i], tokens[i + 1]];
  const [w, n, third] = [lc(t), lc(next), lc(tokens[i + 2])];
  const joined = t.post === '' && next !== undefined && next.pre === '' && /^\p{Ll}/u.test(next.word);
  if (!joined || i === 0 || !EMBEDDING.test(lc(tokens[i - 1])) || tokens[i - 1].post !== '' || t.pre !== '') return undefined;
  if (/^(what|where|when|why|how)$/.test(w) && /^(do|does|did)$/.test(n)) {
    const [subject, verb] = [tokens[i + 2], tokens[i + 3]];
    const vw = lc(verb);
    // "mean" and "cost" the lexicon files as an adjective and a noun.
    const forms = !verb ? undefined : isBaseVerb(vw) || PERSON_VERBS.has(vw) ? baseVerbForms(vw) : /^(mean|cost)$/.test(vw) ? conjugate(vw) : verbForms(vw)?.Infinitive === vw ? verbForms(vw) : undefined;
    if (!subject || !forms || !SUBJECT_PRONOUNS.has(lc(subject)) || next.post !== '' || subject.post !== '') return undefined;
    setWord(verb, n === 'did' ? forms.PastTense : n === 'does' ? forms.PresentTense : vw);
    subject.pre = next.pre + subject.pre;
    return { push: [t], last: i + 1 };
  }
  if (!/^(what|where|when|who|how)$/.test(w) || !/^(is|are|was|were)$/.test(n) || !/^(the|my|your|his|her|our|their|this|that)$/.test(third)) return undefined;
  let end = i + 3;
  while (end < tokens.length && tokens[end - 1].post === '' && end - (i + 2) < 3 && tokens[end] && !/[,;:]/.test(tokens[end - 1].post) && (isSingularNoun(lc(tokens[end])) || isPluralNoun(lc(tokens[end])) || countedWordOrName(tokens[end]) || PURE_ADJECTIVE(lc(tokens[end])))) end++;
  const last = tokens[end - 1];
  if (end <= i + 3 || !(end === tokens.length || /[.!?]/.test(last.post))) return undefined;
  return { push: [t, ...tokens.slice(i + 2, end - 1), { ...last, post: '', space: ' ' }, { ...next, post: last.post, space: last.space }], last: end - 1 };
}

/** Verbs whose object learners put after "very much", "a lot" or "very well". */
const ADVERB_VERBS = /^(like|likes|liked|love|loves|loved|enjoy|enjoys|enjoyed|know|knows|knew|speak|speaks|spoke|understand|understands|understood|miss|misses|missed)$/;

/**
 * "like very much the horror movies", "enjoyed a lot the trip", "speaks very well English": the
 * object, and then the adverb, when the object is a noun phrase ending its clause.
 */
function adverbAfterObject(tokens: readonly Token[], i: number): { object: Token[]; adverb: Token[]; end: number } | undefined {
  if (!ADVERB_VERBS.test(lc(tokens[i]))) return undefined;
  const adverb = /^(very much|a lot|very well|so much)$/.test(`${lc(tokens[i + 1])} ${lc(tokens[i + 2])}`) && tokens[i + 1]?.post === '' && tokens[i + 2]?.post === '' ? 2 : 0;
  if (!adverb) return undefined;
  const start = i + 1 + adverb;
  const head = lc(tokens[start]);
  if (!tokens[start] || !(DETERMINERS.has(head) || /^(these|those|some|english|spanish|french|german|chinese|japanese|korean|italian|portuguese|russian|arabic)$/.test(head))) return undefined;
  // The noun phrase runs to the clause's end: punctuation, the sentence's end, or a conjunction (but
  // "your company and its values" is one object).
  const coordinated = (k: number): boolean => /^(and|or)$/.test(lc(tokens[k])) && (DETERMINERS.has(lc(tokens[k + 1])) || /^(its|these|those)$/.test(lc(tokens[k + 1])));
  let end = start;
  while (end < tokens.length && end - start < 9 && tokens[end].post === '' && tokens[end + 1] && (!CONJUNCTIONS.has(lc(tokens[end + 1])) || coordinated(end + 1))) end++;
  if (end - start >= 9 || tokens.slice(start, end + 1).some((x) => x.pre !== '' || /^(that|to|if|how|what)$/.test(lc(x)))) return undefined;
  const object = tokens.slice(start, end + 1).map((x) => ({ ...x }));
  const adverbs = tokens.slice(i + 1, start).map((x) => ({ ...x }));
  // The object's last word gives its punctuation and spacing to the adverb, now last.
  const last = object[object.length - 1];
  adverbs[adverbs.length - 1] = { ...adverbs[adverbs.length - 1], post: last.post, space: last.space };
  object[object.length - 1] = { ...last, post: '', space: ' ' };
  if (/^\p{Lu}/u.test(adverbs[0].word) && !/^(English|Spanish|French|German|Chinese|Japanese|Korean|Italian|Portuguese|Russian|Arabic)$/.test(adverbs[0].word)) adverbs[0] = { ...adverbs[0], word: adverbs[0].word.toLowerCase() };
  return { object, adverb: adverbs, end: end + 1 };
}

/** Adjectives learners use for how something is done, and their adverbs. */
const MANNER_ADVERBS = table({
  careful: 'carefully', natural: 'naturally', slow: 'slowly', quick: 'quickly', loud: 'loudly', quiet: 'quietly', clear: 'clearly', careless: 'carelessly',
  perfect: 'perfectly', fluent: 'fluently', correct: 'correctly', polite: 'politely', serious: 'seriously', calm: 'calmly', safe: 'safely', beautiful: 'beautifully',
  good: 'well',
});
/** Verbs of doing, after which a bare adjective is how it is done (not "look", "feel", "seem", "stay", which take adjectives). */
const ACTION_VERBS = /^(cook|cooks|cooked|cooking|sleep|sleeps|slept|sleeping|drive|drives|drove|driving|speak|speaks|spoke|speaking|talk|talks|talked|talking|act|acts|acted|acting|sing|sings|sang|singing|write|writes|wrote|writing|walk|walks|walked|walking|work|works|worked|working|play|plays|played|playing|dance|dances|danced|dancing|explain|explains|explained|explaining|answer|answers|answered)$/;

/** Nouns learners put after "very", and their adjectives. */
const VERY_NOUNS = table({
  danger: 'dangerous', intelligence: 'intelligent', beauty: 'beautiful', luck: 'lucky', health: 'healthy', wealth: 'wealthy', success: 'successful',
  comfort: 'comfortable', importance: 'important', difference: 'different', patience: 'patient', confidence: 'confident', crowd: 'crowded',
  noise: 'noisy', fame: 'famous', anger: 'angry', hunger: 'hungry', sadness: 'sad', happiness: 'happy', kindness: 'kind', honesty: 'honest',
  creativity: 'creative', tradition: 'traditional', expense: 'expensive', responsibility: 'responsible',
});
const VEHICLES = /^(bus|train|taxi|plane|subway|metro|car|bike|bicycle|boat|ship|tram)$/;
const SPORTS = /^(football|soccer|tennis|basketball|golf|volleyball|baseball|hockey|rugby|cricket|chess|badminton)$/;
const WEATHER = /^(cold|hot|warm|sunny|windy|chilly|freezing|humid|cool)$/;
const NEGATIONS = /^(don't|doesn't|didn't|can't|cannot|won't|not|never|isn't|aren't|wasn't|weren't|couldn't|wouldn't|haven't|hasn't|hadn't)$/;
/** The verbs a learner's question puts before its thing ("What means this word?"), and their base. */
const QUESTION_VERB_BASE = table({ means: 'mean', costs: 'cost', cost: 'cost', opens: 'open', closes: 'close', starts: 'start', begins: 'begin', ends: 'end', leaves: 'leave', arrives: 'arrive', departs: 'depart' });
/** Words of a point in time: "2018", "two thousand eighteen", "last march", "the end of may". */
const TIME_WORD = /^(\d+(st|nd|rd|th|am|pm)?|hundred|thousand|and|the|of|last|next|this|early|late|mid|end|beginning|start|morning|afternoon|evening|night|noon|midnight|o'clock|am|pm|week|month|year|summer|winter|spring|fall|autumn|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/;
/** A subject pronoun's possessive. */
const POSSESSIVE_OF = table({ i: 'my', you: 'your', he: 'his', she: 'her', we: 'our', they: 'their' });
const BODY_PARTS = /^(arm|leg|hand|finger|foot|ankle|wrist|knee|back|nose|elbow|shoulder|toe|neck|head|thumb)$/;
/** People by sex, for the pronoun that refers back to them. */
const FEMALE = /^(wife|mother|mom|mum|sister|daughter|girlfriend|aunt|grandmother|grandma|niece|boss's wife)$/;
const MALE = /^(husband|father|dad|brother|son|boyfriend|uncle|grandfather|grandpa|nephew)$/;
/** A subject pronoun's object form. */
const OBJECT_OF = table({ i: 'me', you: 'you', he: 'him', she: 'her', we: 'us', they: 'them' });

/** The base verb at i and one joined to it by "and" become gerunds: "watch movies and play games". */
function gerunds(tokens: readonly Token[], i: number): void {
  const first = baseVerbForms(lc(tokens[i]))?.Gerund;
  if (!first || !(isBaseVerb(lc(tokens[i])) || PERSON_VERBS.has(lc(tokens[i])))) return;
  setWord(tokens[i], first);
  for (let k = i + 1; k < tokens.length - 1 && tokens[k - 1].post === ''; k++) {
    if (lc(tokens[k]) !== 'and') continue;
    const second = lc(tokens[k + 1]);
    const gerund = isBaseVerb(second) || PERSON_VERBS.has(second) ? baseVerbForms(second)?.Gerund : undefined;
    if (gerund) setWord(tokens[k + 1], gerund);
    return;
  }
}


const TO_HOME_VERBS = /^(go|goes|going|went|gone|come|comes|coming|came|get|gets|got|getting|return|returns|returned|returning|walk|walked|drive|drove)$/;
const WEEKDAYS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?$/;

/** Whether the sentence holding token i ends with a question mark. */
const asksAt = (tokens: readonly Token[], i: number): boolean => tokens.slice(i).find((x) => /[.!?]/.test(x.post))?.post.includes('?') ?? false;

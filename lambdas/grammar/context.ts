import { remember } from './cache';
import { scoreSpan, type LanguageModel } from './language-model';
import type { WordChooser } from './spelling';
import { COLLECTIVE_NOUNS } from './rules/common';
import { has, isPluralNoun, isSingularNoun, isUncountable, known, plural, singular, tags, verbForms } from './rules/lexicon';

/**
 * Choices the rules cannot make alone, made by a language model: of a sentence and its variants
 * that differ in one word — a noun's number, a verb's form, an added article, a commonly confused
 * word — the likelier wins, but only by a margin (precision first). What the rules decide by grammar ("two book" → "two
 * books") this decides by usage ("to understand certain thing" → "things", "need car" → "need a car").
 * Prepositions are left alone: on JFLEG and on technical prose the model's choices were as often
 * wrong as right (it favours "of" everywhere).
 */

/** The kinds of variant: another number for a noun, another form for a verb, an added article, a commonly confused word. */
export type VariantKind = 'number' | 'verb' | 'article' | 'confusion';

/**
 * Margins (log10 likelihood ratios), tuned on JFLEG dev and checked on its corrected references and
 * on README prose: lower margins fixed more on dev and changed as much correct text (confusions at
 * 1.5 already turned "than" into "then").
 */
export const KINDS: Readonly<Record<VariantKind, number>> = { number: 1.5, verb: 1, article: 1, confusion: 2 };

/** How many variants one sentence may take: each is the best of its round. */
const MAX_CHOICES = 4;

/** Prepositions take no article and are not nouns or adjectives, whatever else the lexicon says. */
const PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'on', 'at', 'to', 'for', 'of', 'with', 'about', 'from', 'by', 'into', 'before', 'after', 'without']);

/** Words that open a new phrase: the word before them ends its own. */
const PHRASE_OPENERS: ReadonlySet<string> = new Set(['and', 'or', 'but', 'that', 'which', 'because', 'so']);

/** Auxiliaries: their agreement is the rules' job, and the model confuses their forms too often. */
const AUXILIARIES: ReadonlySet<string> = new Set(['be', 'is', 'are', 'am', 'was', 'were', 'been', 'being', 'have', 'has', 'had', 'having', 'do', 'does', 'did', 'done', 'doing']);

/** Words after which no article goes: determiners, possessives, quantifiers, numbers, "of"-less heads. */
const NO_ARTICLE_AFTER: ReadonlySet<string> = new Set(
  ('the a an this that these those my your his her its our their some any no every each many much more most all both few ' +
    'several one two three another other such what which whose very so too how').split(' '),
);

interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

interface Variant {
  readonly kind: VariantKind;
  /** Replaces words [from, to) by `words` (to === from inserts). */
  readonly from: number;
  readonly to: number;
  readonly words: readonly string[];
}

/**
 * The sentence with the variants the model prefers by their kind's margin, best first, each
 * judged in the sentence the previous ones made. Deterministic and stable: a variant that won
 * loses if tried backwards, so correcting the output again changes nothing.
 */
export function chooseByContext(lm: LanguageModel, sentence: string, margins: Readonly<Record<VariantKind, number>> = KINDS): string {
  let text = sentence;
  for (let round = 0; round < MAX_CHOICES; round++) {
    const words = wordsOf(text);
    const ids = [lm.start, ...words.map((w) => idOf(lm, w.text)), lm.end];
    let best: { variant: Variant; gain: number } | undefined;
    for (const variant of variants(text, words)) {
      const gain = gainOf(lm, ids, variant) - margins[variant.kind];
      if (gain > 0 && (!best || gain > best.gain)) best = { variant, gain };
    }
    if (!best) break;
    text = apply(text, words, best.variant);
  }
  return text;
}

/** How much likelier (log10) a misspelling's alternative must be per point of spelling score it trails by. */
const SPELLING_WEIGHT = 0.3;
/** And how much likelier than the pick by word class, besides (tuned with README prose: "zeroes" is not "heroes"). */
const SPELLING_MARGIN = 0.5;
/**
 * The spelling score already counts how common a word is; the model would count it again ("with
 * heroes" is likelier than "with zeros" mostly because "heroes" is commoner). Half of each word's
 * own log probability is taken back out.
 */
const WORD_PRIOR = 0.5;

/**
 * A spelling chooser (see correctSpelling) that weighs how likely each alternative makes the words
 * around it against how close its spelling is: "throught" → "through" before "the", "thought" after "I".
 * The pick by word class stays unless another alternative is likelier in context by a margin, or
 * when the model does not know it (it cannot judge).
 */
export function spellingByContext(lm: LanguageModel): WordChooser {
  return (options, sentence, start, end, fallback) => {
    const before = wordsOf(sentence.slice(0, start)).slice(-2);
    const left = [...(before.length < 2 && !/\p{L}/u.test(sentence.slice(0, before[0]?.start ?? start)) ? [lm.start] : []), ...before.map((w) => idOf(lm, w.text))];
    const right = wordsOf(sentence.slice(end)).slice(0, 2).map((w) => idOf(lm, w.text));
    const value = (word: string, score: number): number => {
      const ids = word.split(' ').map((w) => idOf(lm, w));
      if (ids.some((id) => id < 0)) return -Infinity;
      const all = [...left, ...ids, ...right];
      const prior = ids.reduce((sum, id) => sum + lm.logProb(id, -1, -1), 0);
      return scoreSpan(lm, all, left.length, all.length) - WORD_PRIOR * prior - SPELLING_WEIGHT * (score - options[0].score);
    };
    let best = fallback;
    let bestValue = value(fallback, options.find((o) => o.word === fallback)?.score ?? options[0].score) + SPELLING_MARGIN;
    if (bestValue === -Infinity) return fallback;
    for (const o of options) {
      const v = value(o.word, o.score);
      if (v > bestValue) [best, bestValue] = [o.word, v];
    }
    return best;
  };
}

/**
 * How much likelier (log10) the model finds a word after another than alone, for a run-on's split to
 * count as two words: "a lot" 1.65, "in fact" 1.40, "old age" 1.54, "in many" 0.36; "make file"
 * -0.91, "get text" -0.84, "core files" -0.37.
 */
const SPLIT_LIFT = 0.3;

/** Whether a run-on's two words go together by the model (see SpellingHelpers.splits); unknown words do not. */
export function splitByContext(lm: LanguageModel): (head: string, tail: string) => boolean {
  return (head, tail) => {
    const [h, t] = [idOf(lm, head), idOf(lm, tail)];
    return h >= 0 && t >= 0 && lm.logProb(t, h, -1) - lm.logProb(t, -1, -1) >= SPLIT_LIFT;
  };
}

/**
 * How much likelier (log10) the model must find two words joined in their sentence than apart:
 * "do my home work every day" → "homework" 4.4, "protect wild life in" 4.1, "safety in the work
 * place is" 1.6, "every one likes it" 3.1; "the red one or" → "redone" -2.5, "moved out last week"
 * → "outlast" -6.5, "every one of them" -0.1.
 */
const JOIN_LIFT = 0.5;

/**
 * Whether the model prefers the two words of [start, end) of the sentence joined into one; a word
 * it does not know, joined or around the pair, makes it keep them apart ("trash cans", "head teacher").
 */
export function joinByContext(lm: LanguageModel): (sentence: string, start: number, end: number, joined: string) => boolean {
  return (sentence, start, end, joined) => {
    const words = wordsOf(sentence);
    const from = words.findIndex((w) => w.start === start);
    if (from < 0 || words[from + 1]?.end !== end) return false;
    const ids = [lm.start, ...words.map((w) => idOf(lm, w.text)), lm.end];
    return gainOf(lm, ids, { kind: 'confusion', from, to: from + 2, words: [normalised(joined)] }) >= JOIN_LIFT;
  };
}

/** A word as the model and the auxiliary sets spell it: lowercase, with a straight apostrophe. */
const normalised = (word: string): string => word.toLowerCase().replace(/’/g, "'");
const idOf = (lm: LanguageModel, word: string): number => lm.id(normalised(word));

/** How much likelier (log10) the variant makes the sentence; -Infinity when the model cannot judge. */
function gainOf(lm: LanguageModel, ids: readonly number[], v: Variant): number {
  // ids has the start mark first: word k is ids[k + 1]. A word's score depends on the two before
  // it, so the change reaches two words past itself: only that window is scored.
  // The model judges only what it can see: the words replaced and their neighbours must be known to it.
  for (let k = v.from; k < v.to + 2 && k < ids.length; k++) if (ids[k] < 0) return -Infinity;
  const history = ids.slice(Math.max(0, v.from - 1), v.from + 1);
  const following = ids.slice(v.to + 1, v.to + 3);
  const replaced = v.words.map((w) => lm.id(w));
  if (replaced.some((id) => id < 0)) return -Infinity;
  const before = [...history, ...ids.slice(v.from + 1, v.to + 1), ...following];
  const after = [...history, ...replaced, ...following];
  return scoreSpan(lm, after, history.length, after.length) - scoreSpan(lm, before, history.length, before.length);
}

function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Determiners of one thing, after which a plural is likely a slip ("every people", "that times"). */
const SINGULAR_DETERMINERS: ReadonlySet<string> = new Set(['a', 'an', 'one', 'every', 'each', 'another', 'this', 'that', 'either', 'neither']);
/**
 * Words learners write for one another: homophones and near-spellings that are all real words, so
 * the spell checker passes them ("I sad yes", "the placebo affect", "by braking out"). Left out:
 * pairs whose words both fit the same places often ("form/from": "children form habits"), and the
 * commonest function words ("to/too", "of/off"), where the model's slips would cost most.
 */
const CONFUSION_SETS =
  'then/than loose/lose quite/quiet advice/advise affect/effect were/where chose/choose lose/loss live/life save/safe ' +
  'thing/think whether/weather accept/except though/thought/through hear/here past/passed breaking/braking cloth/clothes ' +
  'principal/principle weak/week wander/wonder later/latter price/prize felt/fell leave/live desert/dessert lead/led ' +
  'bored/board sad/said no/know write/right whole/hole piece/peace meat/meet sea/see role/roll plane/plain course/coarse ' +
  'site/sight weight/wait wear/where waist/waste steal/steel threw/through dose/does lack/luck fill/feel fell/fill fell/feel ' +
  'cheep/cheap loosing/losing board/broad decease/disease adds/ads dairy/diary quit/quite costumer/customer cloths/clothes ' +
  'brake/break breath/breathe conscience/conscious farther/further formally/formerly personal/personnel taught/thought ' +
  'tough/though tried/tired worse/worst sense/since thinks/things custom/costume rise/raise heard/hard ever/every beside/besides';
const MODALS: ReadonlySet<string> = new Set(['will', 'would', 'can', 'could', 'shall', 'should', 'may', 'might', 'must']);
const HAVE: ReadonlySet<string> = new Set(['have', 'has', 'had', 'having', "haven't", "hasn't", "hadn't"]);
/** Forms of "be", contracted ones included ("it's suppose to" is "it is supposed to"; as "it has" it takes a participle too). */
const BE: ReadonlySet<string> = new Set([
  ...'be is are am was were been being'.split(' '),
  ..."isn't aren't wasn't weren't it's that's he's she's there's they're we're you're i'm".split(' '),
]);

/** A comparative word ("better", "more", "rather", "other", "taller") before word i. */
function comparesBefore(words: readonly { readonly text: string }[], i: number): boolean {
  return words.slice(0, i).some(({ text }) => {
    const w = text.toLowerCase().replace(/[^\p{L}]/gu, '');
    return /^(more|less|fewer|better|worse|rather|other|else|different|sooner|later)$/.test(w) || has(w, 'Comparative');
  });
}

/** Each word of CONFUSION_SETS with the words it is confused with. */
const CONFUSED: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const set of CONFUSION_SETS.split(' ')) {
    const words = set.split('/');
    for (const w of words) m.set(w, [...new Set([...(m.get(w) ?? []), ...words.filter((x) => x !== w)])]);
  }
  return m;
})();

/** Words between an auxiliary and its verb: "will not go", "have already seen". */
const BETWEEN_AUXILIARY_AND_VERB: ReadonlySet<string> = new Set(['not', 'never', 'also', 'already', 'always', 'just', 'still', 'really', 'only', 'even', 'ever', 'often']);

/** After these a verb takes its base: modals, their negations and "do". */
const BASE_AFTER: ReadonlySet<string> = new Set([
  ...MODALS,
  ...'can\'t cannot won\'t wouldn\'t couldn\'t shouldn\'t mustn\'t do does did don\'t doesn\'t didn\'t'.split(' '),
]);

/** The auxiliary governing word i, lowercase: the word before it, or the one before an adverb or "not" between them. */
function auxiliaryBefore(words: readonly Word[], i: number): string {
  const previous = normalised(words[i - 1]?.text ?? '');
  return BETWEEN_AUXILIARY_AND_VERB.has(previous) ? normalised(words[i - 2]?.text ?? '') : previous;
}

/** What the lexicon says of a word that matters here, worked out once per word. */
interface WordFacts {
  /** Its other number, and whether that is the plural. */
  readonly otherNumber?: { readonly word: string; readonly plural: boolean };
  /** Whether its number is guessed from its ending (guessedNumber), not the lexicon's. */
  readonly guessed: boolean;
  /** Its verb forms, when it is a verb and not an auxiliary. */
  readonly verb?: { readonly base: string; readonly participle: string; readonly gerund: string };
  /** A singular noun or an adjective: an article may go before it. */
  readonly takesArticle: boolean;
  readonly adjective: boolean;
  /** Any kind of noun, and never a verb. */
  readonly noun: boolean;
  /** A singular noun or a verb's base, which a plural before it may modify ("an options object"). */
  readonly head: boolean;
  /** A determiner, possessive or pronoun: what follows a verb, not a noun. */
  readonly determiner: boolean;
  /** A verb's third-person singular ("uses"), which agrees with a singular subject before it. */
  readonly thirdPerson: boolean;
}

const facts = new Map<string, WordFacts>();

const factsOf = (w: string): WordFacts => facts.get(w) ?? remember(facts, 20_000, w, factsUncached(w));

function factsUncached(w: string): WordFacts {
  const t = tags(w);
  const nounLike = !t.some((x) => x === 'Pronoun' || x === 'Determiner' || x === 'Value' || x === 'Possessive');
  const guessed = guessedNumber(w);
  const singularNoun = nounLike && (isSingularNoun(w) || guessed === 'singular');
  const pluralNoun = nounLike && (isPluralNoun(w) || guessed === 'plural');
  const otherNumber = singularNoun ? { word: plural(w), plural: true } : pluralNoun ? { word: singular(w), plural: false } : undefined;
  const forms = AUXILIARIES.has(w) ? undefined : verbForms(w);
  const verb = forms && {
    base: forms.Infinitive,
    participle: forms.Participle ?? forms.PastTense,
    gerund: forms.Gerund,
  };
  return {
    guessed: guessed !== undefined,
    otherNumber: otherNumber && otherNumber.word !== w && /^[a-z]+$/.test(otherNumber.word) ? otherNumber : undefined,
    verb: verb && Object.values(verb).every((f) => /^[a-z]+$/.test(f) && !AUXILIARIES.has(f)) ? verb : undefined,
    takesArticle: !PREPOSITIONS.has(w) && (singularNoun || t.includes('Adjective')),
    adjective: t.includes('Adjective'),
    noun: !forms && (singularNoun || pluralNoun || isUncountable(w)),
    head: singularNoun || t.includes('Infinitive'),
    determiner: t.some((x) => x === 'Determiner' || x === 'Possessive' || x === 'Pronoun'),
    thirdPerson: forms?.PresentTense === w,
  };
}

/**
 * Endings of adjectives, adverbs and verbs ("beautiful", "quickly", "realize", "depend", "somewhere"):
 * words with them are not taken for nouns when the lexicon does not know them.
 */
const NOT_NOUN_ENDING = /(ous|ful|ive|al|ic|able|ible|less|some|est|ish|ly|ing|ed|ize|ify|end|where)$/;

/**
 * The number of a word compromise's lexicon does not list: it lists few regular nouns ("passage",
 * "video", "truth" are missing) and all function words, so a word it lacks is read as a noun unless it
 * ends like another class; plural when it ends in a single "s" ("videos", not "status" or "basis") or
 * in "men" ("sportsmen").
 * A cheap stand-in for compromise's tagger, which guesses the same for nearly all such words.
 */
function guessedNumber(w: string): 'singular' | 'plural' | undefined {
  if (known(w) || w.length < 3 || NOT_NOUN_ENDING.test(w)) return undefined;
  return (/[^su]s$/.test(w) && !/[^aeiou]is$/.test(w)) || /men$/.test(w) ? 'plural' : 'singular';
}

/**
 * The variants worth asking the model about, each where grammar leaves the choice open:
 * - a singular noun's plural anywhere; a plural's singular only after a determiner of one thing
 *   ("that times"): elsewhere the model, blind to meaning, prefers the singular of abstract plurals.
 *   A noun whose number is guessed is not made plural after a determiner: the model's taste for
 *   "the resources" over "the resource" is trusted only on nouns the lexicon lists;
 * - a verb's base after a modal or "do", its participle after "have", its participle or "-ing"
 *   form after "be" (an adverb or "not" may come between), its "-ing" form after a preposition
 *   when an object follows: not its agreement or tense, which depend on words the model cannot see;
 * - "the" or "a"/"an" before a singular noun or an adjective no determiner precedes, not before a
 *   plural noun or a comma; also before a preposition's one-word object ("in future");
 * - a word's usual confusions (CONFUSION_SETS), by a larger margin.
 */
function* variants(text: string, words: readonly Word[]): Generator<Variant> {
  for (let i = 0; i < words.length; i++) {
    const word = words[i].text;
    // Names and acronyms keep their form; a capital opening the sentence is not a name.
    if (word !== word.toLowerCase() && !(i === 0 && word.slice(1) === word.slice(1).toLowerCase())) continue;
    const w = word.toLowerCase();
    if (!/^[a-z]+$/.test(w)) continue;
    const one = (kind: VariantKind, replacement: string): Variant => ({ kind, from: i, to: i + 1, words: [replacement] });
    // Part of a compound or a code-like token ("32-bit", "rule_set"): not a word to change.
    if (/[-_/.]/.test(text.charAt(words[i].start - 1)) || /[-_/]|\.\w/.test(text.slice(words[i].end, words[i].end + 2))) continue;
    const previous = i > 0 ? words[i - 1].text.toLowerCase() : '';
    const next = words[i + 1]?.text.toLowerCase() ?? '';
    const after = next ? factsOf(next) : undefined;
    const { otherNumber, verb, takesArticle, adjective, guessed } = factsOf(w);
    // A plural before a determiner is a verb ("this matches the"), before a noun a modifier ("an options
    // object"); a singular before a noun modifies it ("event emitters").
    if (otherNumber?.plural === false && SINGULAR_DETERMINERS.has(previous) && !after?.determiner && !after?.head) yield one('number', otherNumber.word);
    // Nor a singular before a verb agreeing with it, next or one word on ("Example below uses"; not
    // past a pronoun: "the employer ask me questions").
    const agreeing = after?.thirdPerson || (words[i + 2] !== undefined && !after?.determiner && factsOf(words[i + 2].text.toLowerCase()).thirdPerson);
    // Nor a group before a plural verb: "the team are playing" is British English, not "the teams".
    const groupAgreeing = COLLECTIVE_NOUNS.has(w) && /^(are|were|have|do|don't|aren't|weren't|haven't)$/.test(next);
    if (otherNumber?.plural && !SINGULAR_DETERMINERS.has(previous) && !after?.noun && !agreeing && !(guessed && determined(words, i)) && !afterJoinedSubject(words, i) && !groupAgreeing) yield one('number', otherNumber.word);
    // "than" stays where a comparison opened earlier in the sentence ("study better in the morning than
    // at night"), beyond the model's three words.
    for (const other of CONFUSED.get(w) ?? []) if (!(w === 'than' && comparesBefore(words, i))) yield one('confusion', other);
    if (verb) {
      const auxiliary = auxiliaryBefore(words, i);
      // After a preposition a verb with an object is a gerund: "before take a decision", "interested in learn it".
      const gerund = PREPOSITIONS.has(previous) && previous !== 'to' && w === verb.base && after?.determiner === true;
      const options = gerund ? [verb.gerund] : BASE_AFTER.has(auxiliary) ? [verb.base] : HAVE.has(auxiliary) ? [verb.participle] : BE.has(auxiliary) ? [verb.participle, verb.gerund] : [];
      for (const f of options) if (f !== w) yield one('verb', f);
    }
    // An article goes before a noun that does not modify another ("the system overhead"), or before
    // an adjective with a countable singular noun after it; not before the first of a list ("like thief, robber").
    const listed = text.startsWith(',', words[i].end);
    // A noun before a word that may be a noun and ends the phrase modifies it ("in car travel.").
    const headed = adjective ? next !== '' && isSingularNoun(next) : !after?.noun && !(after?.head && closesPhrase(text, words, i + 1));
    // Nor before a bare deadline: "by end of day", "by end of business" are how offices say it.
    const deadline = w === 'end' && next === 'of' && /^(day|business|play|year|month|week|quarter|term)$/i.test(words[i + 2]?.text ?? '');
    if (((takesArticle && headed) || nounByPosition(text, words, i)) && !listed && !determined(words, i) && !deadline) {
      yield { kind: 'article', from: i, to: i, words: ['the'] };
      yield { kind: 'article', from: i, to: i, words: [/^[aeiou]/.test(w) ? 'an' : 'a'] };
    }
  }
}

/**
 * Whether word i follows two noun phrases joined by "and" ("my sister and my brother work"), whose
 * verb it may be: its "-s" form would be a verb agreeing with the second alone, not a plural noun.
 */
function afterJoinedSubject(words: readonly Word[], i: number): boolean {
  // "the bus and the train both stop": "both" or "all" may stand between.
  const last = /^(both|all)$/i.test(words[i - 1]?.text ?? '') ? i - 2 : i - 1;
  const previous = words[last]?.text.toLowerCase() ?? '';
  if (!factsOf(previous).noun && !/^\p{Lu}\p{Ll}+$/u.test(words[last]?.text ?? '')) return false;
  for (let j = last - 1; j >= Math.max(1, last - 3); j--) {
    if (words[j].text.toLowerCase() !== 'and') continue;
    const first = words[j - 1].text;
    return factsOf(first.toLowerCase()).noun || /^\p{Lu}\p{Ll}+$/u.test(first) || /^(i|me|you|he|him|she|her|we|us|they|them)$/i.test(first);
  }
  return false;
}

/**
 * Whether word i already has a determiner or a name before it: right before it, or before a word
 * modifying it ("the reading passage", "the whole thing"), or a capitalised word mid-sentence ("Reading passage").
 */
function determined(words: readonly Word[], i: number): boolean {
  const previous = words[i - 1]?.text ?? '';
  if (i > 1 && /^\p{Lu}/u.test(previous)) return true;
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    const w = words[j].text.toLowerCase();
    if (NO_ARTICLE_AFTER.has(w)) return true;
    const { adjective, noun } = factsOf(w);
    if (!(adjective || noun || /ing$/.test(w))) return false;
  }
  return false;
}

/**
 * Whether word i, which the lexicon takes for a verb or an adjective only, is a noun by its place:
 * alone between a preposition (not "to", which takes verbs) and the end of its phrase ("at the time
 * of interview.", "in future."). Not an -ing or -ed form: those after a preposition are gerunds or
 * participles ("in learning", "in fragmented form").
 */
function nounByPosition(text: string, words: readonly Word[], i: number): boolean {
  const w = words[i].text.toLowerCase();
  const previous = words[i - 1]?.text.toLowerCase() ?? '';
  if (!PREPOSITIONS.has(previous) || previous === 'to' || /(ing|ed)$/.test(w)) return false;
  const { otherNumber, verb, adjective } = factsOf(w);
  if (otherNumber || !(verb || adjective)) return false;
  return closesPhrase(text, words, i);
}

/** Whether word i is the last of its phrase: punctuation (not a comma), a preposition or a conjunction follows, or nothing. */
function closesPhrase(text: string, words: readonly Word[], i: number): boolean {
  const next = words[i + 1]?.text.toLowerCase() ?? '';
  return next === '' || /^\s*[.;:!?)]/.test(text.slice(words[i].end)) || PREPOSITIONS.has(next) || PHRASE_OPENERS.has(next);
}

/** The text with a variant in place, keeping the case of the sentence's first letter. */
function apply(text: string, words: readonly Word[], v: Variant): string {
  const opening = v.from === 0 && /^\p{Lu}/u.test(words[0]?.text ?? '');
  if (v.to === v.from) {
    const at = words[v.from].start;
    const next = opening ? words[0].text.charAt(0).toLowerCase() + words[0].text.slice(1) : words[v.from].text;
    const article = opening ? capital(v.words.join(' ')) : v.words.join(' ');
    return text.slice(0, at) + article + ' ' + next + text.slice(words[v.from].end);
  }
  const replacement = opening ? capital(v.words.join(' ')) : v.words.join(' ');
  return text.slice(0, words[v.from].start) + replacement + text.slice(words[v.to - 1].end);
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

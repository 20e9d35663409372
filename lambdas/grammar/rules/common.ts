/**
 * What the rules share: the token a sentence is cut into, the helpers that read and change tokens,
 * and the word sets several rule families look for. No rule lives here.
 */
import { remember } from '../cache';
import { isKnownWord } from '../spelling';
import { conjugate, gerundBase, guessNounTags, isBaseVerb, isPluralNoun, known, tags, verbForms } from './lexicon';

export interface Token {
  pre: string;
  word: string;
  post: string;
  /** Whitespace that followed the token in the sentence. */
  space: string;
}

/**
 * A word-to-word table without Object's prototype, so a word such as "constructor" or "toString"
 * finds nothing instead of a function.
 */
export const table = (entries: Record<string, string>): Readonly<Record<string, string | undefined>> => Object.assign(Object.create(null) as Record<string, string>, entries);

export const lc = (t: Token | undefined): string => (t ? t.word.toLowerCase() : '');

/**
 * Keeps the original's capitalisation of the first letter. compromise conjugates British style
 * ("travelled"); the American form the word lists hold is used instead, as the spelling corrector
 * would make it on the next pass.
 */
export function setWord(t: Token, next: string): void {
  const single = next.replace(/ll(ed|ing)$/, 'l$1');
  const word = single !== next && !isKnownWord(next) && isKnownWord(single) ? single : next;
  t.word = /^\p{Lu}/u.test(t.word) ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/** Where a rule is looking: the token at i, and what has been pushed for the tokens before it. */
export interface RuleSite {
  readonly tokens: Token[];
  readonly i: number;
  readonly out: Token[];
  readonly t: Token;
  /** The token's word in lower case, as it was before any rule changed it. */
  readonly w: string;
}

/**
 * A rule that starts from some words. `apply` returns the index of the last token it has dealt with,
 * having pushed what replaces the tokens up to it, or nothing to leave the token to the next rule.
 */
export interface WordRule<At extends RuleSite> {
  readonly on: (word: string) => boolean;
  readonly apply: (at: At) => number | void;
}

/** A rule for the words listed (separated by spaces) or matching the pattern. */
export function wordRule<At extends RuleSite>(words: string | RegExp | ((word: string) => boolean), apply: (at: At) => number | void): WordRule<At> {
  if (typeof words === 'function') return { on: words, apply };
  if (words instanceof RegExp) return { on: (w) => words.test(w), apply };
  const set = new Set(words.split(' '));
  return { on: (w) => set.has(w), apply };
}

/** Words whose rules a pass keeps at hand: far more than a day of transcripts holds. */
const WORDS_KEPT = 20_000;

/**
 * One pass of a family of word rules over the tokens. A token meets only the rules that start from
 * its word, in the family's order, until one deals with it; a token no rule dealt with is kept as it
 * is. `site` reads what the family's rules share about a token, before any of them changes it. Small
 * rules found by word cost less than one loop testing every rule: V8 optimises only the rules that
 * run often, and a rule seeing a new case re-optimises itself alone.
 */
export function wordRulePass<At extends RuleSite>(rules: readonly WordRule<At>[], site: (tokens: Token[], i: number, out: Token[]) => At): (tokens: Token[]) => Token[] {
  const byWord = new Map<string, readonly WordRule<At>[]>();
  return (tokens) => {
    const out: Token[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const w = lc(tokens[i]);
      const mine = byWord.get(w) ?? remember(byWord, WORDS_KEPT, w, rules.filter((rule) => rule.on(w)));
      let last: number | void = undefined;
      if (mine.length > 0) {
        const at = site(tokens, i, out);
        for (const rule of mine) if ((last = rule.apply(at)) !== undefined) break;
      }
      if (typeof last === 'number') i = last;
      else out.push(tokens[i]);
    }
    return out;
  };
}

/** A word a rule adds, spaced like its neighbours. */
export const bareWord = (word: string): Token => ({ pre: '', word, post: '', space: ' ' });

/** A clause starts at the sentence start, after , ; : or after a conjunction. */
export const CONJUNCTIONS = new Set(['and', 'but', 'because', 'so', 'when', 'if', 'although', 'though', 'while', 'since', 'that', 'where', 'or']);

export function clauseStart(tokens: readonly Token[], i: number): boolean {
  if (i === 0) return true;
  const prev = tokens[i - 1];
  return /[,;:]/.test(prev.post) || CONJUNCTIONS.has(lc(prev));
}

/** The token at i opens the text or follows punctuation: where a sentence or a question may start. */
export const afterPunctuation = (tokens: readonly Token[], i: number): boolean => i === 0 || /[.!?,;:]/.test(tokens[i - 1].post);

/** Nothing joins the token to the next one (punctuation ends the phrase). */
export const endsPhrase = (tokens: readonly Token[], i: number): boolean => i === tokens.length - 1 || /[,.;:!?)]/.test(tokens[i].post);

export const NUMBERS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'twenty', 'thirty', 'fifty', 'hundred', 'thousand', 'many', 'several', 'various', 'numerous', 'both', 'these', 'those', 'few']);

export const HEAD_FOLLOWERS = new Set(['and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'from', 'during', 'by', 'but', 'that', 'which', 'who', 'are', 'were', 'have', 'can', 'will', 'because', 'than', 'ago', 'here', 'there', 'now', 'today', 'yesterday', 'every', 'when', 'must', 'should', 'could', 'would', 'may', 'do', 'did', 'like', 'need', 'want', 'such']);

export const SUBJECT_PRONOUNS = new Set(['i', 'you', 'we', 'they', 'he', 'she', 'it']);

export const DETERMINERS = new Set(['my', 'his', 'her', 'your', 'our', 'their', 'the', 'this', 'that', 'a', 'an', 'every', 'each']);

export const TO_THIRD = table({ have: 'has', do: 'does', "don't": "doesn't", are: 'is', were: 'was' });

/** Verbs a person does that the lexicon knows only as nouns or adjectives (compromise still conjugates them). */
export const PERSON_VERBS: ReadonlySet<string> = new Set([
  'cook', 'answer', 'watch', 'work', 'play', 'run', 'start', 'study', 'live', 'help', 'visit', 'walk', 'talk', 'call', 'look', 'sleep',
  'wait', 'stay', 'wash', 'clean', 'finish', 'miss', 'hate', 'hope', 'practice', 'practise', 'laugh', 'cry', 'kiss', 'return', 'move',
]);

export const PERSON_VERB_BY_THIRD: ReadonlyMap<string, string> = new Map([...PERSON_VERBS].map((v) => [conjugate(v).PresentTense, v]));

/** People nouns the lexicon does not tag as actors. */
export const PERSON_NOUNS = new Set(['student', 'cousin', 'kid']);

/** Words that open a verb's complement: determiners, object pronouns, prepositions, adverbs. */
export const COMPLEMENT_STARTS = new Set([
  'the', 'a', 'an', 'my', 'his', 'her', 'their', 'our', 'your', 'its', 'this', 'that', 'these', 'those', 'some', 'every', 'all', 'many', 'much', 'two', 'three',
  'me', 'him', 'us', 'them', 'it', 'you', 'people', 'to', 'in', 'at', 'on', 'with', 'for', 'from', 'about', 'after', 'before', 'by', 'into', 'out', 'up', 'off',
  'down', 'around', 'home', 'hard', 'well', 'very', 'really', 'always', 'often', 'late', 'early', 'fast', 'here', 'there', 'together', 'alone', 'too', 'again',
  'everyday', 'today', 'tonight', 'now', 'and', 'but', 'because',
]);

/** What may follow a plain object and end its phrase: "cook dinner every day", "watch tv at night". */
export const PHRASE_ENDERS = new Set(['every', 'each', 'on', 'at', 'in', 'with', 'for', 'after', 'before', 'and', 'but', 'because', 'when', 'today', 'tonight', 'now', 'together', 'well', 'very', 'too', 'again', 'sometimes', 'everyday']);

export const MODALS = new Set(['can', 'could', 'will', 'would', 'should', 'must', 'may', 'might', 'shall', "can't", "won't", "couldn't", "wouldn't", "shouldn't", 'cannot']);

export const DO_FORMS = new Set(['did', "didn't", 'does', "doesn't", "don't"]);

/** The base of a modal's wrong verb form: its -ing form ("will going") or a third person the lexicon files as a noun ("must finishes"). */
export const baseOfVerbForm = (w: string): string | undefined => gerundBase(w) ?? PERSON_VERB_BY_THIRD.get(w);

export const TO_TAKERS = /^(want|wants|wanted|decide|decides|decided|deciding|plan|plans|planned|planning|hope|hopes|hoped|expect|expects|expected|refuse|refuses|refused|manage|manages|managed|tend|tends|tended|seem|seems|seemed|intend|intends|intended|wish|wishes|wished|afford|agree|agrees|agreed|promise|promises|promised|forget|forgets|forgot)$/;

export const OBJECT_PRONOUNS = new Set(['me', 'you', 'him', 'her', 'it', 'us', 'them']);

export const NOMINAL_TAGS = new Set(['Noun', 'Singular', 'Plural', 'Uncountable', 'Adjective', 'Comparable', 'Determiner', 'Possessive', 'Value', 'Cardinal', 'Ordinal', 'Actor', 'Place', 'Country', 'City', 'ProperNoun', 'Date', 'Month', 'WeekDay', 'Demonym']);

export const BE = new Set(['is', 'was', 'are', 'were', 'be', 'am', "isn't", "wasn't", "aren't", "weren't"]);

/** Nouns used without an article after these verbs ("have time", "is home", "will be back", "have breakfast") or as quantities ("part of"). */
export const BARE_NOUNS = new Set(['time', 'home', 'back', 'school', 'work', 'breakfast', 'lunch', 'dinner', 'supper', 'bed', 'church', 'college', 'class', 'part', 'kind', 'sort', 'type', 'lot', 'number', 'half', 'fun', 'access', 'trouble', 'town', 'hospital', 'university', 'enough', 'plenty', 'control', 'experience', 'life', 'nothing', 'something', 'anything', 'everything', 'someone', 'anyone', 'everyone', 'nobody', 'somebody', 'anybody', 'everybody', 'today', 'tomorrow', 'yesterday', 'tonight',
  // Counted in some senses, often not: "knowledge is power", "they have hope", "it is art".
  'power', 'energy', 'art', 'faith', 'hope', 'practice', 'talent', 'death', 'room']);

/** What may follow the head noun, so it surely ends the phrase ("a teacher in", "a car and"). */
export const A_FOLLOWERS = new Set(['for', 'in', 'on', 'at', 'to', 'with', 'from', 'and', 'but', 'or', 'that', 'who', 'which', 'because', 'when', 'so', 'if', 'about', 'like', 'by', 'where', 'since', 'after', 'before', 'until', 'while']);

/** The phrase ends at k: nothing nominal follows, or a word that surely starts what comes next ("a teacher in"). */
export const phraseEnds = (tokens: readonly Token[], k: number): boolean => endsPhrase(tokens, k) || A_FOLLOWERS.has(lc(tokens[k + 1]));

export const PURE_ADJECTIVE = (w: string): boolean => tags(w).length > 0 && tags(w).every((t) => t === 'Adjective' || t === 'Comparable');

/** A plural noun the lexicon does not also know as a verb ("animals", "children"; not "means", "makes"). */
export function purePlural(w: string): boolean {
  if (/^\p{Ll}+[^s]s$/u.test(w) && !known(w) && guessNounTags(w).includes('Plural')) return true;
  return /^\p{Ll}+$/u.test(w) && isPluralNoun(w) && tags(w).every((t) => t === 'Plural' || t === 'Noun') && !NOT_PLAIN_PLURALS.has(w);
}

/** Words in -s that are singular, uncounted or irregular in agreement. */
export const NOT_PLAIN_PLURALS = new Set(['means', 'series', 'news', 'species', 'people', 'police', 'few', 'lots', 'thanks', 'physics', 'economics', 'mathematics', 'politics', 'glasses', 'clothes', 'goods', 'headquarters', 'times']);

/**
 * Whether a word after a noun phrase reads as its verb: an auxiliary or modal, or a word in -s that
 * is no pronoun or determiner ("works", which the lexicon files as a plural noun; not "us").
 */
export function readsAsVerbAfterNoun(word: string): boolean {
  if (/^(is|was|has|does|can|could|will|would|should|must|may|might)$/.test(word)) return true;
  return /^\p{Ll}{3,}s$/u.test(word) && !tags(word).some((t) => t === 'Pronoun' || t === 'Determiner' || t === 'Possessive');
}

/** Nouns for groups, which may take a plural verb ("the family are", "a couple who are"; British English "the team are"). */
export const COLLECTIVE_NOUNS: ReadonlySet<string> = new Set(['family', 'police', 'team', 'staff', 'government', 'couple', 'majority', 'number', 'rest', 'youth', 'public', 'audience', 'crew', 'committee', 'jury']);

/** The "be" and the "have" each subject pronoun takes. */
export const COPULA = table({ i: 'am', he: 'is', she: 'is', it: 'is', we: 'are', you: 'are', they: 'are' });
export const HAVE_OF = table({ i: 'have', you: 'have', we: 'have', they: 'have', he: 'has', she: 'has', it: 'has' });

/** Nouns that are only ever people (the lexicon's actors include a "host", a "controller", a "driver"). */
export const PEOPLE: ReadonlySet<string> = new Set(
  ('person people man woman boy girl child kid guy lady friend teacher student doctor nurse neighbor neighbour brother sister mother father ' +
    'parent son daughter husband wife boss colleague classmate cousin uncle aunt grandmother grandfather customer tourist traveler traveller').split(' '),
);

export const NUMBER_WORDS = /^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(-\w+)?$/;
/** The forms of a word that can only be a base verb, or one of the everyday verbs the lexicon files as nouns. */
export const baseVerbForms = (w: string): Record<string, string> | undefined => (isBaseVerb(w) ? verbForms(w) : PERSON_VERBS.has(w) ? conjugate(w) : undefined);

/** The forms of the word after a verb's "to", which is a verb whatever else the lexicon files it as ("mind to open", "gave up to smoke"). */
export const verbAfterTo = (w: string): Record<string, string> | undefined =>
  baseVerbForms(w) ?? (/^\p{Ll}{2,}$/u.test(w) && (tags(w).every((x) => x === 'Singular' || x === 'Noun') || VERB_ADJECTIVES.has(w)) && known(w) ? conjugate(w) : undefined);
/** Adjectives that are verbs too ("mind to open"; not "keeping to old ways"). */
const VERB_ADJECTIVES: ReadonlySet<string> = new Set(['open', 'close', 'clean', 'empty', 'dry', 'free']);

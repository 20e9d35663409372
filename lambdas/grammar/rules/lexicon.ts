import nlp from 'compromise';

/** Word classes and inflections from compromise's lexicon (no parsing: lookups are cached). */
const world = nlp.world() as unknown as {
  model: { one: { lexicon: Record<string, string | string[]> }; two: { uncountable: Record<string, boolean> } };
  methods: {
    two: {
      transform: {
        verb: { conjugate(w: string, m: unknown): Record<string, string>; toInfinitive(w: string, m: unknown, tense?: string): string };
        noun: { toPlural(w: string, m: unknown): string; toSingular(w: string, m: unknown): string };
        adjective: { toComparative(w: string, m: unknown): string; toSuperlative(w: string, m: unknown): string };
      };
    };
  };
};
const model = world.model;
const lexicon = model.one.lexicon;
const transform = world.methods.two.transform;

export function tags(word: string): readonly string[] {
  const w = word.toLowerCase();
  // Own keys only: "constructor" is not a word the lexicon lists.
  const t = Object.hasOwn(lexicon, w) ? lexicon[w] : undefined;
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
}

export const has = (word: string, tag: string): boolean => tags(word).includes(tag);
export const known = (word: string): boolean => tags(word).length > 0;

export function isUncountable(word: string): boolean {
  return model.two.uncountable[word.toLowerCase()] === true || has(word, 'Uncountable') || ALSO_UNCOUNTED.has(word.toLowerCase());
}

/** Nouns the lexicon files as countable that English mostly uses as a mass: "there is data", "a lot of fog". */
const ALSO_UNCOUNTED = new Set(['data', 'fog', 'snow', 'smoke', 'wind']);

/** Nouns whose plural is the singular ("two fish", "the fish are"): their number is not for us to fix. */
const ZERO_PLURALS = new Set(['fish', 'sheep', 'deer', 'aircraft', 'offspring', 'salmon', 'trout', 'cod', 'moose', 'bison', 'swine', 'shrimp', 'species', 'series']);

/** A countable singular noun the lexicon knows as nothing but a noun. */
export function isSingularNoun(word: string): boolean {
  const t = tags(word);
  if (t.length === 0 || isUncountable(word) || ZERO_PLURALS.has(word.toLowerCase())) return false;
  // A word in -s is a plural unless its ending is a singular's: "bus", "boss", "class", "crisis".
  return t.every((x) => x === 'Singular' || x === 'Actor' || x === 'Noun' || x === 'Person' || x === 'FemaleNoun' || x === 'MaleNoun') && (!/s$/i.test(word) || /(?:ss|us|is)$/i.test(word));
}

/** A regular or irregular plural whose singular is a known noun. */
export function isPluralNoun(word: string): boolean {
  if (has(word, 'Plural')) return true;
  if (!/[^s]s$/i.test(word) || known(word)) return false;
  return isSingularNoun(singular(word));
}

/**
 * A noun's plural. compromise knows "child" → "children" and "man" → "men" but not their compounds
 * ("grandchilds", "policemans"): a compound of one of those takes its plural ("grandchildren").
 */
export function plural(noun: string): string {
  const w = noun.toLowerCase();
  // Already an irregular plural, or a compound of one ("grandchildren", "policemen").
  if (/(children|men|people|feet|teeth|geese|mice)$/.test(w) && !/^(amen|omen|semen|specimen|regimen|abdomen|stamen|hymen)$/.test(w)) return w;
  const compound = /^(\p{Ll}{3,}?)(child|woman|man)$/u.exec(w);
  if (compound && (compound[2] === 'child' || COMPOUND_MEN.test(compound[1]))) {
    return compound[1] + transform.noun.toPlural(compound[2], model);
  }
  return transform.noun.toPlural(w, model);
}
/** What "-man" and "-woman" compounds start with ("policeman", "businesswoman"), unlike "human", "German" or "Roman". */
const COMPOUND_MEN = /^(police|fire|business|sales|chair|spokes|post|milk|country|fisher|gentle|sports|camera|repair|delivery|news|foot|noble)$/;
export const singular = (noun: string): string => transform.noun.toSingular(noun.toLowerCase(), model);

/** compromise's forms of a base verb, whether or not its lexicon files the word as a verb ("cook" → "cooks", "cooked"). */
export const conjugate = (base: string): Record<string, string> => transform.verb.conjugate(base.toLowerCase(), model);

/** Verbs whose participle is their base, which the conjugation gives as the past ("came"). */
const BASE_PARTICIPLES: ReadonlySet<string> = new Set(['come', 'become', 'run', 'overcome']);

/** A base verb's past participle ("known", "come"), or its past where the lexicon has no participle ("lived"). */
export function participle(base: string): string {
  if (BASE_PARTICIPLES.has(base)) return base;
  const forms = conjugate(base);
  return forms.Participle ?? forms.PastTense;
}

/**
 * An adjective's comparative in -er or superlative in -est when the lexicon knows the form as one
 * ("tall" → "taller", "tallest"; "good" → "better", "best", which it files as a plain adjective).
 */
export function degreeOf(adjective: string, degree: 'Comparative' | 'Superlative'): string | undefined {
  const w = adjective.toLowerCase();
  if (!has(w, 'Adjective')) return undefined;
  const form = degree === 'Comparative' ? transform.adjective.toComparative(w, model) : transform.adjective.toSuperlative(w, model);
  return form && form !== w && (has(form, degree) || form === 'best') ? form : undefined;
}

/** The simple past of a verb's participle or past ("seen" → "saw", "went" → "went", "finished" → "finished"). */
export function pastOfParticiple(word: string): string | undefined {
  const w = word.toLowerCase();
  // An -ed form the lexicon files as an adjective ("finished") is a past too when its verb's past is it.
  if (!has(w, 'Participle') && !has(w, 'PastTense') && !(/ed$/.test(w) && has(w, 'Adjective'))) return undefined;
  for (const tense of ['Participle', 'PastTense']) {
    const inf = transform.verb.toInfinitive(w, model, tense);
    // A verb the lexicon files as a noun ("finish") still conjugates back to the word.
    const forms = inf && inf !== w ? conjugate(inf) : undefined;
    if (forms && (forms.Participle === w || forms.PastTense === w) && (has(inf, 'Infinitive') || (forms.PastTense === w && known(inf)))) return forms.PastTense;
  }
  return undefined;
}

/** The base of a verb's -ing form ("going" → "go"), when the lexicon files the word as one and knows the base as a verb. */
export function gerundBase(word: string): string | undefined {
  const w = word.toLowerCase();
  if (!has(w, 'Gerund')) return undefined;
  const inf = transform.verb.toInfinitive(w, model, 'Gerund');
  return inf && inf !== w && conjugate(inf).Gerund === w ? inf : undefined;
}

/**
 * The base of an -ing form the lexicon files only as an adjective or a noun ("moving", "living"), for
 * where the grammar says it is a verb ("decided moving" → "to move"): any word the lexicon knows whose
 * -ing form it is, so only for places where a verb must stand.
 */
export function ingBase(word: string): string | undefined {
  const w = word.toLowerCase();
  if (!w.endsWith('ing')) return undefined;
  const stem = w.slice(0, -3);
  const candidates = [stem, `${stem}e`, ...(/([^aeiou])\1$/.test(stem) ? [stem.slice(0, -1)] : [])];
  const lexical = (c: string): boolean => tags(c).length > 0 && !tags(c).some((t) => ['Determiner', 'Preposition', 'Pronoun', 'Conjunction'].includes(t));
  return gerundBase(w) ?? candidates.find((c) => lexical(c) && conjugate(c).Gerund === w);
}

/** Forms of a verb known to the lexicon, or undefined when the word is not one. */
export function verbForms(word: string): Record<string, string> | undefined {
  const w = word.toLowerCase();
  const t = tags(w);
  let inf: string | undefined;
  if (t.includes('Infinitive')) inf = w;
  else if (t.includes('PastTense')) inf = transform.verb.toInfinitive(w, model, 'PastTense');
  else if (t.includes('PresentTense')) inf = transform.verb.toInfinitive(w, model, 'PresentTense');
  if (!inf || !has(inf, 'Infinitive')) return undefined;
  return transform.verb.conjugate(inf, model);
}

/** The base of an irregular past tense the lexicon files only as an adjective ("lost" → "lose", "left" → "leave"), or undefined. */
export function adjectivePastBase(word: string): string | undefined {
  const w = word.toLowerCase();
  if (/ed$/.test(w) || tags(w).join() !== 'Adjective') return undefined;
  const inf = transform.verb.toInfinitive(w, model, 'PastTense');
  return inf && inf !== w && has(inf, 'Infinitive') && transform.verb.conjugate(inf, model)?.PastTense === w ? inf : undefined;
}

/** Verbs only: a word the lexicon knows solely as a base-form verb ("like", "need"), never a noun. */
export function isBaseVerb(word: string): boolean {
  const t = tags(word);
  return t.length > 0 && t.every((x) => x === 'Infinitive' || x === 'Verb');
}

/** Known to the lexicon directly or through its inflections: a rough "common word" test. */
export function isCommonWord(word: string): boolean {
  const w = word.toLowerCase();
  return known(w) || verbForms(w) !== undefined || (/s$/.test(w) && known(singular(w)));
}

/** A word after a number or quantifier that can be read as a countable noun ("reason", "apple"). */
export function isNounAfterQuantifier(word: string): boolean {
  const w = word.toLowerCase();
  if (!/^\p{Ll}{3,}$/u.test(w) || /s$|ly$|ing$|ed$/.test(w) || isUncountable(w) || ZERO_PLURALS.has(w)) return false;
  if (isSingularNoun(w)) return true;
  const t = tags(w);
  // Units of time and measure: "five day", "three kilo".
  if (t.length > 0 && t.every((x) => x === 'Duration' || x === 'Unit')) return true;
  // Ambiguous noun/verb words read as nouns here; unknown words only when they look like nouns.
  if (t.length > 0) return t.every((x) => x === 'Infinitive' || x === 'Singular' || x === 'Noun' || x === 'Verb');
  return !/(ous|ful|ive|al|ic|able|ible|less|est|er)$/.test(w);
}

const guessed = new Map<string, readonly string[]>();
/**
 * compromise's tagger for a word its lexicon does not list ("companies", "job"), read as a noun
 * after "the" so its suffix decides: used only for unknown words, never to override the lexicon.
 */
export function guessNounTags(word: string): readonly string[] {
  const w = word.toLowerCase();
  let t = guessed.get(w);
  if (!t) {
    const doc = nlp(`the ${w}`).json() as { terms: { tags: string[] }[] }[];
    t = doc[0]?.terms[1]?.tags ?? [];
    if (guessed.size > 10_000) guessed.clear();
    guessed.set(w, t);
  }
  return t;
}

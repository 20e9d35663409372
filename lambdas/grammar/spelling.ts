import { remember } from './cache';
import type { Dialect } from './dialect';
import { tags } from './rules/lexicon';
import { SCOWL_SIZES, scowlWords, subtitleCounts, varietyWords } from './word-lists';

/**
 * The spelling corrector: finds words no English word list knows and replaces each with the most
 * likely intended word, weighing how far the spelling is (optimal string alignment distance) against
 * how common the candidate is in spoken American English (SUBTLEX-US counts). It replaces Harper's
 * spell checker, whose fuzzy dictionary search cost ~8 ms a misspelling and seconds on a long run-on
 * ("waythismakes"), and which ranks candidates by distance alone.
 *
 * Word lists: SCOWL (sizes 10–70, American) says what is a word; SUBTLEX-US says how common it is.
 * A British or Australian text also keeps its variety's spellings, and gets them in what is changed
 * (see inDialect).
 * Precision first: capitalised words inside a sentence (names), words with digits, all-capital
 * abbreviations and words with no close candidate are left alone.
 */

/** Contractions are not in the word lists (they split them at the apostrophe). */
const CONTRACTIONS = (
  "aren't can't couldn't didn't doesn't don't hadn't hasn't haven't isn't mustn't needn't shouldn't wasn't weren't won't wouldn't " +
  "i'm i've i'll i'd you're you've you'll you'd he's he'll he'd she's she'll she'd it's it'll we're we've we'll we'd they're " +
  "they've they'll they'd that's there's here's what's who's where's let's"
).split(' ');

/** A word no list has but learners' English is full of, and "i" (Harper capitalises it). */
const EXTRA_KNOWN = [
  'i', 'etc', 'vs', 'ok', 'okay', 'email', 'emails', 'online', 'internet', 'website', 'websites', 'smartphone', 'smartphones',
  "don'ts", 'eco', 'bio', 'cafe', 'cafes',
  // Words newer than the lists: "app" is not "amp", nor "wifi" "wife".
  'app', 'apps', 'wifi', 'offline', 'chatbot', 'chatbots', 'livestream', 'vlog', 'vlogs',
  // … and everyday words of speech the lists lack: "tech" is not "teach", "keto" not "keno", "mri" not "mi".
  'tech', 'fintech', 'biotech', 'covid', 'coronavirus', 'lockdown', 'lockdowns', 'telehealth', 'telemedicine', 'rideshare',
  'mri', 'mris', 'xray', 'xrays', 'influencer', 'influencers', 'bluetooth', 'ebook', 'ebooks', 'keto', 'kombucha', 'boba',
  'matcha', 'vlogger', 'vloggers', 'podcaster', 'podcasters', 'esports', 'staycation', 'glamping', 'onboarding', 'unfollow',
  // Services and brands people name, which a transcript may write in lowercase: "venmo" is not "venom",
  // "doordash" not "doors".
  'uber', 'lyft', 'venmo', 'zelle', 'paypal', 'doordash', 'grubhub', 'instacart', 'airbnb', 'netflix', 'hulu', 'spotify',
  'tiktok', 'instagram', 'facebook', 'whatsapp', 'youtube', 'skype', 'snapchat', 'linkedin', 'pinterest', 'reddit',
  'wikipedia', 'etsy', 'ebay', 'gmail', 'fitbit', 'zillow', 'costco', 'walmart', 'chatgpt', 'ipad', 'ipads', 'airpods',
  'playstation', 'xbox', 'nintendo', 'minecraft', 'fortnite', 'pokemon',
];
/**
 * Computing and Unix words the lists are older than, which people write and say about their work:
 * without them "boolean" became "woolen", "config" "coffin", "json" "son", "unicode" "unicorn" and
 * "inode" "node" in README and Debian documentation prose.
 * They are known, and candidates only when the subtitles use them (as SCOWL's rare words are), so a
 * misspelling is seldom turned into one.
 */
const TECHNICAL_WORDS = (
  'addon addons aka api apis arg args argv async backend backends backtick backticks basename bitmask ' +
  'bitmasks boolean booleans bytecode charset charsets checksumming checksums chmod chown cli codebase ' +
  'codebases codepoint codepoints config configs dataset datasets dedent deserialize destructure dev devops ' +
  'devs docblock docblocks dropdown dropdowns egrep encodings endpoint endpoints enum enums env errno eval ' +
  'fifo fifos filepath filepaths filesystem filesystems frontend frontends func funcs gid glibc grep gunzip ' +
  'gzip hardcode hardcoded hashmap hostname hostnames hotswap inode inodes intrinsics ioctl ioctls ' +
  'javascript json libc linters linux localhost lookups makefile makefiles malloc matchers middleware misc ' +
  'mixin mixins mkdir mountpoint mountpoints mutex namespace namespaces newline newlines org orgs paginator ' +
  'performant pid pids presigned presigner presigners printf proxied readdir readline readonly realloc ' +
  'regexes repo repos rmdir runtime runtimes sdk sdks serializer serverless setgid setuid signup sourcemap ' +
  'sourcemaps stderr stdin stdio stdout subsegment subsegments substring substrings superblock superblocks ' +
  'testcase testcases tokenizer toolchain tracepoint tracepoints transpile transpiled transpiler ' +
  'transpilers trie tries uid unicode unmanaged upstreamed uri uris url urls userland variadic watchpoint ' +
  'watchpoints webhook webhooks whitespace wordlist wordlists xargs zgrep zlib'
).split(' ');

const TECHNICAL: ReadonlySet<string> = new Set(TECHNICAL_WORDS);

/** One of the computing words above: fine as written, but no reason to join two words into it. */
export const isTechnicalWord = (word: string): boolean => TECHNICAL.has(word.toLowerCase());

/**
 * Abbreviations people type in lowercase, left as typed: "usa" is not "us" nor "Usa", "dvd" not "did";
 * and units written short after a number: "5 min" is not "5 man" (nor the name "Min").
 */
const LOWERCASE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'tv', 'tvs', 'usa', 'uk', 'pc', 'pcs', 'cd', 'cds', 'dvd', 'dvds', 'ceo', 'ceos', 'gps', 'atm', 'ipod', 'ipods', 'iphone', 'iphones',
  'min', 'mins', 'sec', 'secs', 'hr', 'hrs', 'yr', 'yrs', 'km', 'kg', 'lb', 'lbs', 'oz', 'ft', 'mph', 'kph', 'approx',
]);

/** Candidates must be at least this common in SUBTLEX-US (51 million words of subtitles). */
const MIN_CANDIDATE_COUNT = 3;
/** A capitalised subtitle word this common is a name we know ("Diana"); rarer ones are typos too. */
const MIN_NAME_COUNT = 10;
/** A lowercase word that is only known as a name this common gets its capital ("english" → "English"). */
const MIN_NAME_CANDIDATE_COUNT = 200;
/** How much commoner than a name a word one slip away must be to be read as what was meant. */
const SLIP_OVER_NAME = 100;

interface Vocabulary {
  /** Every word (lowercase) the lists know. */
  readonly known: ReadonlySet<string>;
  /** Capitalised words of the subtitles with their counts: names ("Diana", "India", "English"). */
  readonly names: ReadonlyMap<string, number>;
  /** Words of the common SCOWL sizes (below 70). */
  readonly common: ReadonlySet<string>;
  /** Candidate words, their counts, and letter-bigram postings for finding near spellings. */
  readonly words: readonly string[];
  readonly counts: Float64Array;
  /** Candidate word → SUBTLEX count. */
  readonly countOf: ReadonlyMap<string, number>;
  /**
   * Word ids by letter pair and word length, compressed: ids of pair g in words of length n are
   * postings[offsets[slot] .. offsets[slot + 1]) with slot = g * LENGTHS + min(n, LENGTHS - 1).
   */
  readonly offsets: Int32Array;
  readonly postings: Int32Array;
  /** Scratch counters for `suggest`, one per candidate word. */
  readonly shared: Uint8Array;
  /** Contractions by their spelling without the apostrophe ("dont" → "don't"). */
  readonly bare: ReadonlyMap<string, string>;
}

let vocabulary: Vocabulary | undefined;

function buildVocabulary(): Vocabulary {
  const known = new Set<string>([...EXTRA_KNOWN, ...TECHNICAL_WORDS, ...LOWERCASE_ABBREVIATIONS]);
  const common = new Set<string>();
  for (const size of SCOWL_SIZES) {
    // Size 70 is rare words ("abaca"): known, but a candidate only when the subtitles use it.
    const target = size < 70 ? common : known;
    for (const w of scowlWords(size)) target.add(w);
  }
  for (const w of common) known.add(w);
  const count = new Map<string, number>();
  const names = new Map<string, number>();
  for (const { word, count: n } of subtitleCounts()) {
    // The list keeps each word's usual case: names ("Monday"), but also "What", which starts questions.
    const w = word.toLowerCase();
    if (w !== word && n >= MIN_NAME_COUNT && /^\p{Lu}\p{Ll}{2,}$/u.test(word)) names.set(word, n);
    count.set(w, (count.get(w) ?? 0) + n);
  }
  const bare = new Map<string, string>();
  for (const c of CONTRACTIONS) {
    known.add(c);
    bare.set(c.replace(/'/g, ''), c);
  }
  const countOf = new Map<string, number>();
  // A word with no vowel is an abbreviation ("ls", "ms", "st"), never what a misspelling meant.
  for (const [w, n] of count) {
    if (n >= MIN_CANDIDATE_COUNT && (common.has(w) || (n >= 30 && known.has(w))) && /^[a-z]*[aeiouy][a-z]*$/.test(w)) countOf.set(w, n);
  }
  for (const c of CONTRACTIONS) countOf.set(c, 1000);
  const words = [...countOf.keys()];
  const counts = Float64Array.from(countOf.values());
  // Two passes over the letter pairs: count each slot's ids, then fill them in.
  const slots = PAIRS * LENGTHS;
  const offsets = new Int32Array(slots + 1);
  const grams = new Int32Array(64);
  for (const w of words) {
    const n = bigrams(w, grams);
    for (let k = 0; k < n; k++) offsets[slot(grams[k], n - 1) + 1]++;
  }
  for (let k = 0; k < slots; k++) offsets[k + 1] += offsets[k];
  const postings = new Int32Array(offsets[slots]);
  const fill = offsets.slice(0, slots);
  words.forEach((w, id) => {
    const n = bigrams(w, grams);
    for (let k = 0; k < n; k++) postings[fill[slot(grams[k], n - 1)]++] = id;
  });
  return { known, names, common, words, counts, countOf, offsets, postings, shared: new Uint8Array(words.length), bare };
}

/** Loads the word lists (about 150 ms). Called at engine start so the first sentence is not slower. */
export function loadVocabulary(): void {
  vocabulary ??= buildVocabulary();
}

const vocab = (): Vocabulary => (vocabulary ??= buildVocabulary());

/** Letter pairs are numbered: a–z are 0–25, the word's start 26 and end 27. */
const PAIRS = 28 * 28;
/** Postings are split by word length (letters, apostrophes aside) up to this. */
const LENGTHS = 24;
const slot = (pair: number, length: number): number => pair * LENGTHS + Math.min(length, LENGTHS - 1);

/**
 * Writes the letter pairs of a word padded with start and end marks ("cat": ^c ca at t$) into
 * `out` and returns how many there are (letters + 1; apostrophes skipped, other letters read as z).
 */
function bigrams(w: string, out: Int32Array): number {
  let n = 0;
  let last = 26;
  for (let i = 0; i < w.length && n < out.length - 1; i++) {
    const c = w.charCodeAt(i);
    if (c === 39) continue;
    const code = c >= 97 && c <= 122 ? c - 97 : 25;
    out[n++] = last * 28 + code;
    last = code;
  }
  out[n++] = last * 28 + 27;
  return n;
}

/** True when a word list knows the word (any case, straight or curly apostrophe). */
export function isKnownWord(word: string): boolean {
  const v = vocab();
  return v.known.has(word.toLowerCase().replace(/’/g, "'")) || v.names.has(word);
}

/** A variety's own words, and the American spellings it writes its own way ("color" ↔ "colour"). */
interface Variety {
  readonly known: ReadonlySet<string>;
  readonly fromAmerican: ReadonlyMap<string, string>;
  readonly toAmerican: ReadonlyMap<string, string>;
}

const varieties = new Map<Dialect, Variety>();
/** The words only American spelling uses, read once for both other varieties. */
let americanOnly: ReadonlySet<string> | undefined;

/**
 * Read on the variety's first text (a few milliseconds). Only words SCOWL lists as American alone
 * are respelled, so a word both varieties use ("meter", "practice") is never changed.
 */
function variety(dialect: Exclude<Dialect, 'american'>): Variety {
  const read = varieties.get(dialect);
  if (read) return read;
  const known = new Set(varietyWords(dialect));
  const american = (americanOnly ??= new Set(varietyWords('american')));
  const [fromAmerican, toAmerican] = [new Map<string, string>(), new Map<string, string>()];
  for (const word of known) {
    const spelling = americanSpellings(word).find((w) => american.has(w));
    if (spelling && !fromAmerican.has(spelling)) {
      fromAmerican.set(spelling, word);
      toAmerican.set(word, spelling);
    }
  }
  const made = { known, fromAmerican, toAmerican };
  varieties.set(dialect, made);
  return made;
}

/** Whether a word list knows the word, the text's own variety's lists included. */
function isKnownIn(word: string, dialect: Dialect | undefined): boolean {
  return isKnownWord(word) || (dialect !== undefined && dialect !== 'american' && variety(dialect).known.has(word.toLowerCase().replace(/’/g, "'")));
}

/**
 * A British or Australian sentence in American spelling ("my neighbour" → "my neighbor"), which is
 * what the rules and their lexicon know; inDialect gives the correction its spelling back.
 */
export function toAmerican(sentence: string, dialect: Dialect): string {
  if (dialect === 'american') return sentence;
  const { toAmerican: american } = variety(dialect);
  return sentence.replace(WORD, (word) => respelled(word, american.get(word.toLowerCase())));
}

/**
 * The corrected sentence in the variety's spelling wherever the speaker did not say the American
 * spelling: what the correction brought in ("I travel there yesterday" → "traveled" → "travelled")
 * and what toAmerican respelled ("neighbor" → "neighbour").
 */
export function inDialect(original: string, corrected: string, dialect: Dialect): string {
  if (dialect === 'american') return corrected;
  const { fromAmerican } = variety(dialect);
  const said = new Set(original.toLowerCase().match(WORD));
  return corrected.replace(WORD, (word) => respelled(word, said.has(word.toLowerCase()) ? undefined : fromAmerican.get(word.toLowerCase())));
}

/** `spelling` with `word`'s first capital, or `word` when there is none. */
const respelled = (word: string, spelling: string | undefined): string =>
  !spelling ? word : /^\p{Lu}/u.test(word) ? spelling.charAt(0).toUpperCase() + spelling.slice(1) : spelling;

const WORD = /[\p{L}’']+/gu;

/** Optimal string alignment distance, giving up (returning max + 1) once it must exceed max. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  if (rows.length < 3 * width) rows = new Int32Array(6 * width);
  // Three rolling rows: i - 2, i - 1 and i.
  let [prev2, prev, cur] = [0, width, 2 * width];
  for (let j = 0; j < width; j++) rows[prev + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[cur] = i;
    let rowMin = i;
    for (let j = 1; j < width; j++) {
      let d = Math.min(rows[prev + j] + 1, rows[cur + j - 1] + 1, rows[prev + j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[prev2 + j - 2] + 1);
      rows[cur + j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return rows[prev + b.length];
}
let rows = new Int32Array(96);

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Every string one deletion, transposition, substitution or insertion away (Norvig's edits1), with
 * what the edit costs. Learners' commonest slips cost less than a whole edit: a doubled or
 * undoubled letter in a longer word ("preffer", "developped"), a dropped final "e" ("creat") and,
 * a little less cheap, any other left-out letter.
 */
function edits1(w: string): Map<string, number> {
  const out = new Map<string, number>();
  const long = w.length > 4;
  const add = (edit: string, cost: number): void => {
    if (edit !== w && !(out.get(edit)! <= cost)) out.set(edit, cost);
  };
  for (let i = 0; i <= w.length; i++) {
    const [head, tail] = [w.slice(0, i), w.slice(i)];
    if (tail) add(head + tail.slice(1), long && (tail[0] === head.at(-1) || tail[0] === tail[1]) ? SLIP : 1);
    if (tail.length > 1) add(head + tail[1] + tail[0] + tail.slice(2), 1);
    for (const c of LETTERS) {
      if (tail) add(head + c + tail.slice(1), soundAlike(c, tail[0]) ? SOUND_ALIKE : 1);
      add(head + c + tail, (long && (c === head.at(-1) || c === tail[0])) || (c === 'e' && !tail && i > 3) ? SLIP : OMISSION);
    }
  }
  return out;
}
const SLIP = 0.6;
/** A consonant written as its voiced or voiceless twin ("dhat" → that) is likelier than another wrong letter. */
const SOUND_ALIKE = 0.8;
/** Consonants that sound alike but for voicing: b/p, d/t, g/k, f/v, s/z (each pair in letter order). */
const SOUND_PAIRS: ReadonlySet<string> = new Set(['bp', 'dt', 'gk', 'fv', 'sz']);
/** True when two letters are a voiced and voiceless consonant of one sound ("d" and "t"). */
const soundAlike = (a: string, b: string): boolean => SOUND_PAIRS.has(a < b ? a + b : b + a);
/**
 * A letter the writer left out ("reqired", "baed", "oher") is likelier than one typed wrong: an
 * insertion into the word costs less than a substitution or a deletion.
 */
const OMISSION = 0.8;

/** Inflections a misspelling keeps: "succeded" meant "succeeded", not "succeed". */
const SUFFIX = /(ed|ing|s|ly)$/;

/** The last two letters swapped ("thoes" → "those"): the word's end is kept, only misordered. */
const endSwapped = (w: string, c: string): boolean =>
  c.length === w.length && c.at(-1) === w.at(-2) && c.at(-2) === w.at(-1) && c.slice(0, -2) === w.slice(0, -2);

/**
 * Lower is likelier: a changed first letter costs extra (learners rarely miss it) unless the first
 * two letters are swapped, so does a lost inflection or last letter unless the last two are swapped;
 * frequency helps.
 */
const score = (w: string, candidate: string, count: number, distance: number): number => {
  const c = candidate.toLowerCase();
  const firstKept = c[0] === w[0] || (c[0] === w[1] && c[1] === w[0]);
  const swapped = endSwapped(w, c);
  const suffix = SUFFIX.exec(w)?.[1];
  return (
    distance * 10 +
    (firstKept ? 0 : 4) +
    (c.at(-1) === w.at(-1) || swapped ? 0 : 2) +
    (suffix && !swapped && !c.endsWith(suffix) ? 3 : 0) -
    Math.log10(count) * 1.6
  );
};

/** A map from "a b|c d" text: a → b, c → d. */
const pairs = (text: string): ReadonlyMap<string, string> => new Map(text.split('|').map((pair) => pair.split(' ') as [string, string]));

/** Irregular verbs and their past tense: learners regularise them ("choosed", "teached"). */
const IRREGULAR_PAST = pairs(
  'arise arose|awake awoke|bear bore|beat beat|become became|begin began|bend bent|bet bet|bind bound|' +
  'bite bit|bleed bled|blow blew|break broke|breed bred|bring brought|build built|buy bought|' +
  'catch caught|choose chose|cling clung|come came|cost cost|creep crept|cut cut|deal dealt|dig dug|' +
  'draw drew|drink drank|drive drove|eat ate|fall fell|feed fed|feel felt|fight fought|find found|' +
  'flee fled|fly flew|forbid forbade|forget forgot|forgive forgave|freeze froze|get got|give gave|' +
  'go went|grind ground|grow grew|hang hung|hear heard|hide hid|hit hit|hold held|hurt hurt|keep kept|' +
  'kneel knelt|know knew|lead led|leave left|lend lent|let let|lose lost|make made|mean meant|meet met|' +
  'pay paid|put put|quit quit|ride rode|ring rang|rise rose|run ran|say said|see saw|seek sought|' +
  'sell sold|send sent|set set|shake shook|shine shone|shoot shot|shrink shrank|shut shut|sing sang|' +
  'sink sank|sit sat|sleep slept|slide slid|speak spoke|spend spent|spin spun|spread spread|' +
  'stand stood|steal stole|stick stuck|sting stung|strike struck|swear swore|sweep swept|swim swam|' +
  'swing swung|take took|teach taught|tear tore|tell told|think thought|throw threw|' +
  'understand understood|wake woke|wear wore|weep wept|win won|wind wound|write wrote',
);

/**
 * Forms learners regularise that no edit reaches: the participle "borned" ("born", not "bored"; the
 * regular pasts of the irregular verbs above reach theirs, "stealed" → "stole" → "was stolen") and
 * irregular plurals ("childs" is "children", not "chills").
 */
const LEARNER_FORMS = pairs(
  'borned born|childs children|grandchilds grandchildren|womans women|tooths teeth|gooses geese|sheeps sheep|fishs fish|knifes knives|wifes wives|' +
    'funs fun|luggages luggage|furnitures furniture|knowledges knowledge',
);

/** Weekdays and months the lists hold only as names ("may" and "march" are words too). */
const CALENDAR = 'monday tuesday wednesday thursday friday saturday sunday january february april june july august september october november december'.split(' ');

/**
 * The weekday or month a word is one or two slips from, with its capital, when only one is nearest:
 * "wensday" → "Wednesday", "thrusday" → "Thursday", "febuary" → "February" (not "weekday", "thruway"
 * or nothing, as the candidates, which are no names, would give).
 */
function calendarName(w: string): string | undefined {
  if (w.length < 4) return undefined;
  // Short names allow one slip: "juise" is "juice", not "June".
  const near = CALENDAR.map((name) => ({ name, distance: w[0] === name[0] ? editDistance(w, name, 2) : Infinity })).filter((x) => x.distance <= (x.name.length <= 5 ? 1 : 2));
  const best = Math.min(...near.map((x) => x.distance));
  const nearest = near.filter((x) => x.distance === best);
  return nearest.length === 1 ? nearest[0].name.charAt(0).toUpperCase() + nearest[0].name.slice(1) : undefined;
}

/** British pasts in -t, which a one-letter edit would turn into the present ("learnt" → "learn"). */
const BRITISH_PAST = pairs('learnt learned|spelt spelled|dreamt dreamed|burnt burned|spoilt spoiled|smelt smelled|spilt spilled|leapt leaped');

function irregularPast(w: string): string | undefined {
  const stem = /^(.{2,}?)(e?)d$/.exec(w);
  if (!stem) return undefined;
  // "choosed" is "choose" + "d"; "buyed" and "teached" are "buy"/"teach" + "ed"; "runned" doubles.
  const bases = [stem[1] + stem[2], stem[1], stem[1].replace(/(\w)\1$/, '$1')];
  for (const base of bases) {
    const past = IRREGULAR_PAST.get(base);
    if (past) return past;
  }
  return undefined;
}

/** A run-on of two words ("alot", "inorder") costs a little more than one edit. */
const SPLIT_PENALTY = 2;

/**
 * The capitalised form of a lowercase word that is common only as a name ("english" → "English",
 * "monday" → "Monday"); not of words that are common in lowercase too ("china", "turkey", "what"),
 * and not of a rare name one slip from a far commoner word, which is returned instead ("tha" → "the").
 */
function asName(w: string): string | undefined {
  const v = vocab();
  const name = w.charAt(0).toUpperCase() + w.slice(1);
  const count = v.names.get(name) ?? 0;
  if (count < MIN_NAME_CANDIDATE_COUNT || v.common.has(w) || LOWERCASE_ABBREVIATIONS.has(w)) return undefined;
  // A word of another variety is that word, in any text: "grey" is not "Grey".
  if (variety('british').known.has(w) || variety('australian').known.has(w)) return undefined;
  // A rare name one slip from a far commoner word is that word misspelt: "tha" is "the", not "Tha".
  return oneEditAway(w, (edit, n) => n >= SLIP_OVER_NAME * count && edit[0] === w[0])[0]?.word ?? name;
}

/**
 * The most likely intended word for a misspelling, or undefined. Any word one edit away beats
 * any two edits away; among equals, kept first and last letters and then frequency decide.
 */
export function suggest(word: string): string | undefined {
  return alternatives(word)[0];
}

/**
 * The likeliest intended words for a misspelling, best first: the best alone when it is sure, else
 * with the rivals scoring within `CONTEXT_MARGIN` of it, for the sentence to choose among.
 */
export function alternatives(word: string): readonly string[] {
  return rankedAlternatives(word).map((r) => r.word);
}

/** The alternatives with their scores (lower is likelier). */
export function rankedAlternatives(word: string): readonly Scored[] {
  const w = word.toLowerCase();
  return suggestions.get(w) ?? remember(suggestions, 10_000, w, closeRivals(suggestUncached(w)));
}

/** A sure answer as the only alternative, else the candidates scoring within `CONTEXT_MARGIN` of the best. */
function closeRivals(ranked: string | readonly Scored[]): readonly Scored[] {
  return typeof ranked === 'string' ? [{ word: ranked, score: 0 }] : ranked.filter((r) => r.score <= ranked[0].score + CONTEXT_MARGIN);
}
const suggestions = new Map<string, readonly Scored[]>();

/** Rivals scoring this close to the best candidate are told apart by their neighbours. */
const CONTEXT_MARGIN = 3;

/** A candidate and its score (lower is likelier). */
export interface Scored {
  readonly word: string;
  readonly score: number;
}

/** How many of the best candidates a search keeps. */
const KEPT = 3;

/** Adds a candidate to a ranking kept sorted by score and at most `KEPT` long. */
function keep(ranking: Scored[], word: string, score: number): void {
  if (ranking.length === KEPT && score >= ranking[KEPT - 1].score) return;
  let i = ranking.length;
  while (i > 0 && ranking[i - 1].score > score) i--;
  ranking.splice(i, 0, { word, score });
  if (ranking.length > KEPT) ranking.pop();
}

/** A sure answer, or candidates ranked best first (none when nothing is close). */
function suggestUncached(w: string): string | readonly Scored[] {
  const v = vocab();
  const contraction = v.bare.get(w);
  if (contraction) return contraction;
  // Two letters are one edit from dozens of short words, and are more often abbreviations ("fs", "ws", "mp").
  if (w.length < 3) return [];
  const name = asName(w);
  if (name) return name;
  // "todays world" means "today's world": these words have no plural.
  const day = /^(today|tomorrow|yesterday|tonight)s$/.exec(w);
  if (day) return `${day[1]}'s`;
  // A regular past of an irregular verb ("choosed" → "chose", "teached" → "taught"); after "have",
  // Harper's SimplePastToPastParticiple makes it "chosen".
  const past = irregularPast(w) ?? BRITISH_PAST.get(w) ?? LEARNER_FORMS.get(w);
  if (past) return past;
  // A British spelling in -ise or -yse is the American -ize or -yze ("theorise" → "theorize", not "theories").
  const american = w.replace(BRITISH_ISE, '$1z$2');
  if (american !== w && v.countOf.has(american)) return american;
  // A regular plural of a word ending in consonant + y ("familys" → "families").
  const plural = /^(.*[^aeiou])ys$/.exec(w);
  if (plural && v.countOf.has(`${plural[1]}ies`)) return `${plural[1]}ies`;
  const one = oneEditAway(w, () => true);
  const two = splitInTwo(w);
  if (two && score(w, two.text, two.count, two.cost) + SPLIT_PENALTY < (one[0]?.score ?? Infinity)) return two.text;
  if (one.length || w.length <= 4) return one;
  // A long rare word one edit away is likelier meant than any common word further off: one with a
  // letter the writer left out is the word ("chcksum" → checksum); any other, often one the word
  // inflects or derives from ("checksums", "lowercased", "oversized"), means it may be as meant.
  const rare = nearRareWord(w);
  if (rare) return rare.length > w.length ? rare : [];
  const twoEdits = editsAway(w, 2);
  if (twoEdits.length) return twoEdits;
  return splitInThree(w) ?? (w.length >= MIN_LENGTH_FOR_THREE ? editsAway(w, 3) : []);
}

/** Adds `step` to the count of each letter of a word (a–z, anything else as one more), apostrophes aside. */
function countLetters(w: string, counts: Int16Array, step: 1 | -1): void {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c !== 39) counts[c >= 97 && c <= 122 ? c - 97 : 26] += step;
  }
}

/** How often each letter occurs in a word. */
function letterCounts(w: string): Int16Array {
  const counts = new Int16Array(27);
  countLetters(w, counts, 1);
  return counts;
}

/**
 * The letters one word has that the other lacks, counted on the side with more: a lower bound on
 * their edit distance (a substitution, insertion or deletion changes it by one, a transposition not).
 */
function bagDistance(letters: Int16Array, candidate: string): number {
  bag.set(letters);
  countLetters(candidate, bag, -1);
  let [extra, missing] = [0, 0];
  for (let k = 0; k < bag.length; k++) {
    if (bag[k] > 0) extra += bag[k];
    else missing -= bag[k];
  }
  return Math.max(extra, missing);
}
const bag = new Int16Array(27);

/**
 * The word less two or more first letters is another word ("unmeaningful" → "meaningful",
 * "reimplements" → "implements"): that drops a prefix and changes the meaning. One stray first
 * letter is a slip learners make ("habilities", "arisky") and stays a candidate.
 */
const dropsHead = (w: string, candidate: string): boolean => w.length - candidate.length >= 2 && w.endsWith(candidate);

/** A rare word this long is too distinct to be a slip of a common word ("checksum", "subsegment"). */
const MIN_RARE_LENGTH = 8;

/** A long word the lists know, too rare to suggest but with the same first letter, one edit away. */
const nearRareWord = (w: string): string | undefined =>
  w.length >= MIN_RARE_LENGTH - 1 ? [...edits1(w).keys()].find((edit) => edit.length >= MIN_RARE_LENGTH && edit[0] === w[0] && vocab().known.has(edit)) : undefined;

/** Words this long may be three edits off ("imidiatly" → "immediately") when nothing is closer. */
const MIN_LENGTH_FOR_THREE = 8;

/** The likeliest candidate words one edit away that `accept` lets through, best first. */
function oneEditAway(w: string, accept: (edit: string, count: number) => boolean): Scored[] {
  const v = vocab();
  const ranking: Scored[] = [];
  for (const [edit, cost] of edits1(w)) {
    const count = v.countOf.get(edit);
    if (count === undefined || dropsHead(w, edit) || !accept(edit, count)) continue;
    keep(ranking, edit, score(w, edit, count, cost));
  }
  return ranking;
}

/**
 * The likeliest candidates exactly `distance` (2 or 3) edits away, best first, found through shared
 * letter pairs. Three edits only reach common words that keep the first letter.
 */
function editsAway(w: string, distance: 2 | 3): Scored[] {
  const v = vocab();
  const grams = new Int32Array(64);
  const count = bigrams(w, grams);
  // An edit changes at most two letter pairs, a transposition three.
  const needed = Math.max(1, count - 3 * distance);
  const { shared } = v;
  const touched: number[] = [];
  const [shortest, longest] = [Math.max(1, w.length - distance), Math.min(LENGTHS - 1, w.length + distance)];
  for (let q = 0; q < count; q++) {
    const g = grams[q];
    for (let k = v.offsets[g * LENGTHS + shortest]; k < v.offsets[g * LENGTHS + longest + 1]; k++) {
      const id = v.postings[k];
      if (shared[id]++ === 0) touched.push(id);
    }
  }
  const letters = letterCounts(w);
  const ranking: Scored[] = [];
  for (const id of touched) {
    const n = shared[id];
    shared[id] = 0;
    if (n < needed) continue;
    const candidate = v.words[id];
    if (distance === 3 && (candidate[0] !== w[0] || v.counts[id] < 50)) continue;
    if (dropsHead(w, candidate)) continue;
    // Most candidates differ in more letters than edits allow; that is cheaper to see than the distance.
    if (bagDistance(letters, candidate) > distance) continue;
    if (editDistance(w, candidate.includes("'") ? candidate.replace(/'/g, '') : candidate, distance) !== distance) continue;
    keep(ranking, candidate, score(w, candidate, v.counts[id], distance));
  }
  return ranking;
}

/** Parts of a run-on must be this common, in the common word lists, and longer than a letter bar "a". */
const MIN_PART_COUNT = 1000;

/**
 * The subtitles split "don't" into "don" and "t", so the count of a contraction's stem is mostly the
 * contraction's; only a stem the lexicon knows as a verb ("can", "won") is a word in its own right.
 */
const contractionStem = (w: string): boolean =>
  CONTRACTIONS.includes(`${w}'t`) && !tags(w).some((t) => t === 'Modal' || t === 'PastTense' || t === 'Infinitive');

/**
 * A two-letter part must be a word the lexicon knows as more than an interjection: "in", "of",
 * "do", not "ya", "er" or "yo" ("useragent" is not "us er agent").
 */
const fragment = (w: string): boolean => w.length === 2 && !tags(w).some((t) => t !== 'Expression');

function partCount(part: string): number {
  const v = vocab();
  if ((part.length < 2 && part !== 'a') || !v.common.has(part) || contractionStem(part) || fragment(part)) return 0;
  const n = v.countOf.get(part) ?? 0;
  return n >= MIN_PART_COUNT ? n : 0;
}

/**
 * A run-on of two common words ("alot", "inorder") split apart, with its rarer part's count. The
 * letter where they meet may be doubled ("ittis" → "it is"), a slip that costs `SLIP` more.
 */
function splitInTwo(w: string): { text: string; count: number; cost: number } | undefined {
  let best: { text: string; count: number; cost: number } | undefined;
  const consider = (head: string, tail: string, cost: number): void => {
    const count = Math.min(partCount(head), partCount(tail));
    if (count && (!best || cost < best.cost || (cost === best.cost && count > best.count))) best = { text: `${head} ${tail}`, count, cost };
  };
  for (let i = 1; i < w.length; i++) {
    consider(w.slice(0, i), w.slice(i), 1);
    // The doubled letter, once, ends the first word or starts the second.
    if (w[i] === w[i - 1]) {
      consider(w.slice(0, i), w.slice(i + 1), 1 + SLIP);
      consider(w.slice(0, i - 1), w.slice(i), 1 + SLIP);
    }
  }
  return best;
}

/** A run-on of three common words ("waythismakes"), when nothing closer exists. */
function splitInThree(w: string): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (let i = 1; i < w.length - 1; i++) {
    const head = partCount(w.slice(0, i));
    if (!head) continue;
    for (let j = i + 1; j < w.length; j++) {
      const count = Math.min(head, partCount(w.slice(i, j)), partCount(w.slice(j)));
      if (count > bestCount) [best, bestCount] = [`${w.slice(0, i)} ${w.slice(i, j)} ${w.slice(j)}`, count];
    }
  }
  return best;
}

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Corrects the spelling of a sentence. A capitalised word counts as a name unless it starts the
 * sentence; words with digits or more than one capital are left alone. A fragment that makes a
 * common word with its neighbour is joined to it ("un known" → "unknown", "you ng" → "young").
 */
export function correctSpelling(sentence: string, helpers: SpellingHelpers = {}): string {
  const tokens: Token[] = [];
  // Combining marks belong to their letter: "école" typed with a combining accent is one word.
  const re = /[\p{L}\p{M}’']+/gu;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    const text = m[0].replace(/^['’]+|['’]+$/g, '');
    const start = m.index + m[0].indexOf(text);
    if (text) tokens.push({ text, start, end: start + text.length });
  }
  let out = '';
  let cursor = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const joined = joinFragment(sentence, tokens, i, helpers.dialect);
    if (joined && joined.start >= cursor) {
      out += sentence.slice(cursor, joined.start) + joined.text;
      cursor = joined.end;
      if (joined.end > token.end) i++;
      continue;
    }
    const fix = fixWord(token.text, sentence, token.start, helpers);
    // Another dictionary may know a longer word (see harperKnowsWord), asked last as it is slower; not
    // for a British spelling, which the American dialect respells, nor for short words, which it
    // knows as names and abbreviations ("yong", "mach").
    if (fix === undefined || (helpers.knows && token.text.length >= 5 && fix.toLowerCase() !== token.text.toLowerCase() && !isAmericanSpelling(token.text, fix) && helpers.knows(token.text))) continue;
    out += sentence.slice(cursor, token.start) + fix;
    cursor = token.end;
  }
  return out + sentence.slice(cursor);
}

/** A British ending in -ise or -yse ("theorise", "analysed", "organisations"), $1z$2 its American spelling. */
const BRITISH_ISE = /([iy])s(e|es|ed|ing|ation|ations)$/;

/** British → American respellings: "colour" → "color", "theorise" → "theorize", "orthopaedic" → "orthopedic", "centre" → "center", "travelled" → "traveled". */
const AMERICAN_RESPELLINGS: readonly [RegExp, string][] = [[/our/g, 'or'], [BRITISH_ISE, '$1z$2'], [/ae/g, 'e'], [/oe/g, 'e'], [/tre\b/g, 'ter'], [/ll(ed|ing|er)\b/g, 'l$1'], [/ogue\b/g, 'og']];

/** Whether `fix` is the American spelling of the British `word`. */
function isAmericanSpelling(word: string, fix: string): boolean {
  return americanSpellings(word.toLowerCase()).includes(fix.toLowerCase());
}

/** What each respelling makes of a British word, and what all of them make ("colourised" → "colorized"). */
const americanSpellings = (word: string): string[] => [
  ...AMERICAN_RESPELLINGS.map(([british, american]) => word.replace(british, american)),
  AMERICAN_RESPELLINGS.reduce((w, [british, american]) => w.replace(british, american), word),
];

/** An unknown lowercase token joined with the word after or before it when that makes a common word. */
function joinFragment(sentence: string, tokens: readonly Token[], i: number, dialect: Dialect | undefined): Token | undefined {
  const token = tokens[i];
  if (token.text !== token.text.toLowerCase() || isKnownIn(token.text, dialect)) return undefined;
  const { common } = vocab();
  const pair = (a: Token, b: Token): Token | undefined => {
    const text = a.text + b.text;
    return sentence.slice(a.end, b.start) === ' ' && common.has(text.toLowerCase()) ? { text, start: a.start, end: b.end } : undefined;
  };
  return (tokens[i + 1] && pair(token, tokens[i + 1])) ?? (tokens[i - 1] && i > 0 ? pair(tokens[i - 1], token) : undefined);
}

/**
 * Longer letter runs are left alone: English words the lists know stop near 30 letters, and finding
 * candidates for a run costs time in proportion to its length squared (a 5,000-letter run took 11 s).
 */
const MAX_WORD_LENGTH = 32;

/**
 * Picks among a misspelling's alternatives (best first, with scores) by the words around it, or
 * returns `fallback`, the pick by the previous word's class.
 */
export type WordChooser = (options: readonly Scored[], sentence: string, start: number, end: number, fallback: string) => string;

/** What the spelling corrector may ask beyond its word lists (the engine gives them; tests may not). */
export interface SpellingHelpers {
  /** Chooses among close alternatives by the words around them. */
  readonly choose?: WordChooser;
  /** Whether another dictionary knows a word (see harperKnowsWord). */
  readonly knows?: (word: string) => boolean;
  /** Whether a run-on's split into two words reads as those words together ("alot" → "a lot", not "makefile" → "make file"). */
  readonly splits?: (head: string, tail: string) => boolean;
  /** The text's spelling variety: its words are known too ("colour" in a British text). American when absent. */
  readonly dialect?: Dialect;
}

function fixWord(token: string, sentence: string, start: number, { choose, splits, dialect }: SpellingHelpers): string | undefined {
  if (token.length < 2 || token.length > MAX_WORD_LENGTH) return undefined;
  // Letters beyond English's (accents, ligatures, other scripts) mark a name or a foreign word the
  // lists do not hold ("école", "Zoë", "ﬁne" as typeset), not a slip to replace with an English word.
  if (/[^a-z’']/i.test(token)) return undefined;
  // A word with no vowel is an abbreviation or a command ("npm", "ls", "thx"), not a slip.
  if (!/[aeiouy]/i.test(token)) return undefined;
  if (token === token.toLowerCase() && isKnownWord(token)) return asName(token);
  if (isKnownIn(token, dialect)) return undefined;
  const before = sentence.slice(0, start);
  const sentenceStart = /^[\s"'(\[]*$/.test(before);
  if (/\p{Lu}/u.test(token.slice(1))) return undefined;
  // A capitalised word inside a sentence is a name: a transcript capitalises names, and a long one
  // is often one slip from a common word ("Primark" is not "Primary", "Covent" not "Convent", "Boling"
  // not "Bowling"). So is the sentence's first word when a capitalised word follows it ("Covent
  // Garden is busy"; not "I").
  if (/^\p{Lu}/u.test(token) && (!sentenceStart || /^ (?!I\b)\p{Lu}\p{Ll}/u.test(sentence.slice(start + token.length)))) return undefined;
  // Next to a digit or inside a web address or an e-mail: not a word.
  // A dot joining it to a next word makes a host or file name ("www.example.org", "index.ts").
  // So does a colon joining it to another part or a bracket after it ("B::func", "stat(2)"), and a
  // hyphen when it is short: "pre-built" is not "pure-built", nor "--pid" "--paid" ("new-fasion" is
  // mended).
  const after = sentence.slice(start + token.length);
  if (/[\d@/.:]$/.test(before) || /^(?:[\d@/(:]|\.\p{L})/u.test(after)) return undefined;
  if (token.length < 5 && (/-$/.test(before) || /^-\p{L}/u.test(after))) return undefined;
  // Possessives of known words ("today's") and plain plurals of abbreviations are fine.
  const possessive = /^(.*)['’]s$/i.exec(token);
  if (possessive && isKnownIn(possessive[1], dialect)) return undefined;
  // A weekday or a month after a word that dates ("on wensday", "in febuary"): the lists hold them only as names.
  const calendar = /^(on|by|until|till|next|last|every|this|since|from|in|before|after)$/.test(previousWord(before)) ? calendarName(token.toLowerCase()) : undefined;
  if (calendar) return calendar;
  const options = rankedAlternatives(token.replace(/’/g, "'"));
  // After a first name, a word near only a rare word is a surname ("diana krall" is not "krill" in a
  // lowercase transcript); common words and sure fixes still apply ("mary recieve", "john cant").
  const previous = previousWord(before);
  if (options[0] && options[0].score !== 0 && (vocab().countOf.get(options[0].word) ?? 0) < MIN_COUNT_AFTER_NAME && isFirstName(previous)) return undefined;
  const byClass = inContext(options.map((o) => o.word), previous);
  if (!byClass) return undefined;
  const chosen = choose && options.length > 1 ? choose(options, sentence, start, start + token.length, byClass) : byClass;
  // A run-on split in two must read as a pair of words the writer ran together (a split in three,
  // tried only when nothing is closer, is left to stand).
  const parts = chosen.split(' ');
  if (splits && parts.length === 2 && !splits(parts[0], parts[1])) return undefined;
  // What the next pass would make of the suggestion, now: a word known mostly as a name gets its
  // capital ("jess" → "Jess"), so correcting corrected text changes nothing.
  const suggestion = (chosen === chosen.toLowerCase() && asName(chosen)) || chosen;
  return respelled(token, suggestion);
}

/** After a first name, candidates rarer than this in SUBTLEX-US ("krill" 8) are not what was meant ("receive" 992 is). */
const MIN_COUNT_AFTER_NAME = 100;

/** A word common as a name and not as anything else ("diana", "thomas"; not "will" or "bill"). */
function isFirstName(w: string): boolean {
  if (!w) return false;
  const v = vocab();
  return (v.names.get(w.charAt(0).toUpperCase() + w.slice(1)) ?? 0) >= MIN_NAME_CANDIDATE_COUNT && !v.common.has(w);
}

/** The word before a position, lowercase, when only spaces separate them ("" after punctuation). */
const previousWord = (before: string): string => /([\p{L}’']+) +$/u.exec(before)?.[1].toLowerCase().replace(/’/g, "'") ?? '';

/** A word carrying one of these tags at least. */
const anyOf = (...wanted: string[]) => (t: readonly string[]): boolean => t.some((x) => wanted.includes(x));

/** What may follow a word of each class: "to develop", "the idea", "we match" (not "we much"). */
const FOLLOWERS: readonly { readonly after: (word: string, tags: readonly string[]) => boolean; readonly fits: (tags: readonly string[]) => boolean }[] = [
  { after: (w, t) => w === 'to' || t.includes('Modal'), fits: anyOf('Infinitive', 'Adverb', 'Negative') },
  {
    after: (_w, t) => t.includes('Determiner') || t.includes('Possessive'),
    fits: anyOf('Infinitive', 'Noun', 'Singular', 'Plural', 'Actor', 'Uncountable', 'Adjective', 'Comparative', 'Superlative', 'Adverb', 'Gerund', 'Value', 'Duration', 'Date'),
  },
  // Only pronouns that are never objects: "give you the book" is fine.
  { after: (w) => SUBJECTS.has(w), fits: (t) => !anyOf('Determiner', 'Possessive', 'Pronoun', 'Preposition', 'Conjunction', 'QuestionWord')(t) },
];

/** Subject pronouns that are never objects, which a determiner or preposition cannot follow. */
const SUBJECTS: ReadonlySet<string> = new Set(['i', 'we', 'they', 'he', 'she']);

/**
 * The first of the alternatives (best first) the lexicon lets follow the previous word, when the
 * best cannot: "will develope" → "develop" (not "developed"), "to focuse" → "focus". A best word
 * the lexicon does not know stays, as does the best when no rival is known to fit.
 */
export function inContext(options: readonly string[], previous: string): string | undefined {
  if (options.length < 2 || !previous) return options[0];
  const before = tags(previous);
  const rules = FOLLOWERS.filter((r) => r.after(previous, before));
  const fits = (w: string): boolean => tags(w).length > 0 && rules.every((r) => r.fits(tags(w)));
  return tags(options[0]).length === 0 || fits(options[0]) ? options[0] : (options.find(fits) ?? options[0]);
}

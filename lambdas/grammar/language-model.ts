import { readFile } from 'node:fs/promises';
import { remember } from './cache';

/**
 * A word trigram language model: how likely each word is after the two before it. The grammar
 * engine compares variants of a sentence with it ("two book" against "two books"), so only
 * differences between scores mean anything.
 */
export interface LanguageModel {
  /** The word's id (lowercase words), or -1 when the model does not know it. */
  id(word: string): number;
  /** log10 P(word | previous two), backing off as the model says; ids from `id`, -1 for "none". */
  logProb(word: number, previous: number, beforePrevious: number): number;
  /** The ids of the sentence's start and end marks. */
  readonly start: number;
  readonly end: number;
}

/**
 * The sum of log10 probabilities of the words at positions [from, to) of `ids`, each given the two
 * before it. A word the model lacks (-1) is skipped: it costs the same in every variant compared.
 * As a history it reads as a sentence start, the model's nearest notion of "no usable context".
 */
export function scoreSpan(lm: LanguageModel, ids: readonly number[], from: number, to: number): number {
  let total = 0;
  for (let i = Math.max(from, 1); i < Math.min(to, ids.length); i++) {
    if (ids[i] < 0) continue;
    const h1 = ids[i - 1] < 0 ? lm.start : ids[i - 1];
    const h2 = i > 1 && ids[i - 1] >= 0 ? ids[i - 2] : -1;
    total += lm.logProb(ids[i], h1, h2);
  }
  return total;
}

/**
 * Reads a CMU Sphinx binary trie language model ("Trie Language Model", as written by sphinx_lm_convert),
 * such as the US English trigram model of Debian's pocketsphinx-en-us. Written from the format's
 * layout in sphinxbase's ngram_model_trie.c and lm_trie.c:
 * - a header: the magic, the order, the n-gram counts;
 * - 16-bit quantisation tables (bigram probs, bigram backoffs, trigram probs);
 * - unigrams as (log prob, log backoff, first bigram) records;
 * - two bit-packed tries, each entry holding a word id, quantised scores and, below the top order,
 *   its first child. They are keyed from the predicted word back through its history;
 * - the vocabulary, NUL-separated.
 * Scores are stored in Sphinx's log base 1.0001 and returned as log10. Only order 3 is read.
 */
export function parseLanguageModel(buf: Buffer, name = 'language model'): LanguageModel {
  const fail = (why: string): never => {
    throw new Error(`${name}: ${why}`);
  };
  if (buf.length < MAGIC.length + 17 || buf.toString('latin1', 0, MAGIC.length) !== MAGIC) fail('not a Sphinx trie language model');
  let at = MAGIC.length;
  const order = buf.readUInt8(at++);
  if (order !== 3) fail(`order ${order} models are not supported (3 is)`);
  const [unigramCount, bigramCount, trigramCount] = [0, 1, 2].map((k) => buf.readUInt32LE(at + 4 * k));
  at += 4 * order + 4; // the counts, then an unused word
  const need = (bytes: number): void => {
    if (at + bytes > buf.length) fail('cut short');
  };
  // The tables and unigram records are 4-byte little-endian numbers: copied out whole (a memory copy,
  // aligned) and read as typed arrays, rather than number by number.
  need(3 * QUANT_ENTRIES * 4 + (unigramCount + 1) * 12);
  const words32 = (from: number, count: number): ArrayBuffer => new Uint8Array(buf.subarray(from, from + 4 * count)).buffer;
  const quantised = new Float32Array(words32(at, 3 * QUANT_ENTRIES));
  const [bigramProbs, bigramBackoffs, trigramProbs] = [0, 1, 2].map((k) => quantised.subarray(k * QUANT_ENTRIES, (k + 1) * QUANT_ENTRIES));
  at += 3 * QUANT_ENTRIES * 4;

  // Unigrams, 12 bytes each: prob, backoff, first bigram. One extra record closes the last range.
  const unigramWords = words32(at, 3 * (unigramCount + 1));
  const unigramFloats = new Float32Array(unigramWords);
  const unigramInts = new Uint32Array(unigramWords);
  const uniProb = (w: number): number => unigramFloats[3 * w];
  const uniBackoff = (w: number): number => unigramFloats[3 * w + 1];
  const uniNext = (w: number): number => unigramInts[3 * w + 2];
  at += (unigramCount + 1) * 12;

  const wordBits = bitsFor(unigramCount);
  const middle = level(at, wordBits, 2 * QUANT_BITS, bitsFor(trigramCount));
  at += Math.floor(((1 + bigramCount) * middle.totalBits + 7) / 8) + 8;
  const longest = level(at, wordBits, QUANT_BITS, 0);
  at += Math.floor(((1 + trigramCount) * longest.totalBits + 7) / 8) + 8;
  need(4);
  const vocabularyBytes = buf.readInt32LE(at);
  at += 4;
  need(vocabularyBytes);

  const ids = new Map<string, number>();
  for (let i = at, begin = at; i < at + vocabularyBytes; i++) {
    if (buf[i] !== 0) continue;
    ids.set(buf.toString('utf8', begin, i), ids.size);
    begin = i + 1;
  }
  if (ids.size !== unigramCount) fail(`${ids.size} words for ${unigramCount} unigrams`);
  const start = ids.get('<s>') ?? fail('no sentence start mark');
  const end = ids.get('</s>') ?? fail('no sentence end mark');

  /** `length` bits (≤ 25) at bit `bit` of a level, packed little-endian. */
  const bits = (lvl: Level, bit: number, length: number): number => (buf.readUInt32LE(lvl.offset + (bit >>> 3)) >>> (bit & 7)) & ((1 << length) - 1);
  /** Interpolation search for `word` among entries [begin, end) of a level, sorted by word: the entry or -1. */
  const find = (lvl: Level, begin: number, end: number, word: number): number => {
    let [lo, loWord, hi, hiWord] = [begin - 1, 0, end, unigramCount];
    while (hi - lo > 1) {
      const pivot = lo + 1 + Math.floor(((word - loWord) * (hi - lo - 1)) / (hiWord - loWord + 1));
      const found = bits(lvl, pivot * lvl.totalBits, lvl.wordBits);
      if (found < word) [lo, loWord] = [pivot, found];
      else if (found > word) [hi, hiWord] = [pivot, found];
      else return pivot;
    }
    return -1;
  };
  /** The bit where an entry's scores begin. */
  const scores = (lvl: Level, entry: number): number => entry * lvl.totalBits + lvl.wordBits;
  /** The backoff of the history (h2 h1): the bigram entry "h2 h1" sits under h1. */
  const pairBackoff = (h1: number, h2: number): number => {
    if (h2 < 0) return 0;
    const pair = find(middle, uniNext(h1), uniNext(h1 + 1), h2);
    return pair < 0 ? 0 : bigramBackoffs[bits(middle, scores(middle, pair), QUANT_BITS)];
  };

  const vocabulary = unigramCount + 1;
  const remembered = new Map<number, number>();
  const logProb = (w: number, h1: number, h2: number): number => {
    if (h1 < 0) return uniProb(w);
    const bigram = find(middle, uniNext(w), uniNext(w + 1), h1);
    if (bigram < 0) return uniProb(w) + uniBackoff(h1) + pairBackoff(h1, h2);
    const at2 = scores(middle, bigram);
    const bigramProb = bigramProbs[bits(middle, at2 + QUANT_BITS, QUANT_BITS)];
    if (h2 < 0) return bigramProb;
    // The entry's trigrams run from its own first child to the next entry's.
    const first = bits(middle, at2 + 2 * QUANT_BITS, middle.nextBits);
    const next = bits(middle, at2 + middle.totalBits + 2 * QUANT_BITS, middle.nextBits);
    const trigram = first === next ? -1 : find(longest, first, next, h2);
    if (trigram >= 0) return trigramProbs[bits(longest, scores(longest, trigram), QUANT_BITS)];
    return bigramProb + pairBackoff(h1, h2);
  };
  return {
    start,
    end,
    id: (word) => ids.get(word) ?? -1,
    // Sentences and their variants ask for the same trigrams again and again.
    logProb(w, h1, h2) {
      const key = w + vocabulary * (h1 + 1 + vocabulary * (h2 + 1));
      return remembered.get(key) ?? remember(remembered, REMEMBERED, key, logProb(w, h1, h2) / SPHINX_PER_LOG10);
    },
  };
}

/** How many scores a model remembers (~100 bytes each) before it starts afresh. */
const REMEMBERED = 200_000;

/** Reads a model file (see parseLanguageModel). */
export async function loadLanguageModel(file: string): Promise<LanguageModel> {
  return parseLanguageModel(await readFile(file), file);
}

const MAGIC = 'Trie Language Model';
const QUANT_BITS = 16;
const QUANT_ENTRIES = 1 << QUANT_BITS;
/** Sphinx stores log base 1.0001: this many of its units make one log10 unit. */
const SPHINX_PER_LOG10 = Math.log(10) / Math.log(1.0001);

interface Level {
  readonly offset: number;
  readonly wordBits: number;
  readonly nextBits: number;
  readonly totalBits: number;
}

const level = (offset: number, wordBits: number, scoreBits: number, nextBits: number): Level => ({
  offset,
  wordBits,
  nextBits,
  totalBits: wordBits + scoreBits + nextBits,
});

const bitsFor = (max: number): number => (max === 0 ? 0 : 32 - Math.clz32(max));

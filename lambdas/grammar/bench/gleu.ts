/**
 * Corpus GLEU (Napoles et al. 2015, revised 2016), as in the reference compute_gleu: for each of
 * 500 iterations pick one reference per sentence (Python's random seeded with iteration × 101),
 * sum the n-gram statistics over the corpus, score, and report the mean over iterations.
 */

type Counts = Map<string, number>;

function ngrams(tokens: readonly string[], n: number): Counts {
  const c: Counts = new Map();
  for (let i = 0; i + n <= tokens.length; i++) {
    const k = tokens.slice(i, i + n).join('\u0001');
    c.set(k, (c.get(k) ?? 0) + 1);
  }
  return c;
}

function overlap(a: Counts, b: Counts): number {
  let s = 0;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w) s += Math.min(v, w);
  }
  return s;
}

/** Statistics of one hypothesis against one reference: [hypLen, refLen, num1, den1, …, num4, den4]. */
export function sentenceStats(hyp: readonly string[], src: readonly string[], ref: readonly string[], order = 4): number[] {
  const stats = [hyp.length, ref.length];
  for (let n = 1; n <= order; n++) {
    const h = ngrams(hyp, n);
    const s = ngrams(src, n);
    const r = ngrams(ref, n);
    // Source n-grams absent from the reference: matching them is penalised.
    const sDiff: Counts = new Map([...s].filter(([k]) => !r.has(k)));
    stats.push(Math.max(overlap(h, r) - overlap(h, sDiff), 0), Math.max(hyp.length + 1 - n, 0));
  }
  return stats;
}

export function gleuFromStats(stats: readonly number[]): number {
  if (stats.some((x) => x === 0)) return 0;
  const [c, r] = stats;
  let logPrec = 0;
  const order = (stats.length - 2) / 2;
  for (let n = 0; n < order; n++) logPrec += Math.log(stats[2 + 2 * n] / stats[3 + 2 * n]);
  return Math.exp(Math.min(0, 1 - r / c) + logPrec / order);
}

/** Corpus GLEU × 100 of whitespace-tokenised lines. */
export function corpusGleu(sources: readonly string[], hypotheses: readonly string[], references: readonly (readonly string[])[], iterations = 500): number {
  const tok = (s: string): string[] => s.split(/\s+/).filter(Boolean);
  const src = sources.map(tok);
  const hyp = hypotheses.map(tok);
  const refs = references.map((set) => set.map(tok));
  if (src.length !== hyp.length || refs.some((set) => set.length !== src.length)) {
    throw new Error(`line counts differ: ${src.length} sources, ${hyp.length} hypotheses, references ${refs.map((r) => r.length).join('/')}`);
  }
  const cache = src.map(() => new Array<number[] | undefined>(refs.length));
  const scores: number[] = [];
  for (let j = 0; j < iterations; j++) {
    const rng = new PythonRandom(j * 101);
    const total = new Array<number>(10).fill(0);
    for (let i = 0; i < src.length; i++) {
      const r = rng.randbelow(refs.length);
      const st = (cache[i][r] ??= sentenceStats(hyp[i], src[i], refs[r][i]));
      for (let k = 0; k < total.length; k++) total[k] += st[k];
    }
    scores.push(gleuFromStats(total));
  }
  return (100 * scores.reduce((a, b) => a + b, 0)) / scores.length;
}

/** MT19937 seeded like CPython's random.seed(int), so reference draws match the published script. */
export class PythonRandom {
  private readonly mt = new Uint32Array(624);
  private index = 624;

  constructor(seed: number) {
    const key: number[] = [];
    let s = Math.abs(seed);
    do {
      key.push(s % 2 ** 32);
      s = Math.floor(s / 2 ** 32);
    } while (s > 0);
    this.initByArray(key);
  }

  private initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < 624; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.index = 624;
  }

  private initByArray(key: number[]): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(624, key.length); k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1664525)) + key[j] + j) >>> 0;
      i++;
      j++;
      if (i >= 624) {
        mt[0] = mt[623];
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = 623; k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= 624) {
        mt[0] = mt[623];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  uint32(): number {
    const mt = this.mt;
    if (this.index >= 624) {
      for (let k = 0; k < 624; k++) {
        const y = (mt[k] & 0x80000000) | (mt[(k + 1) % 624] & 0x7fffffff);
        mt[k] = mt[(k + 397) % 624] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      this.index = 0;
    }
    let y = mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** random.randrange(n) for n ≤ 2^31: rejection sampling on getrandbits(n.bit_length()). */
  randbelow(n: number): number {
    const k = Math.floor(Math.log2(n)) + 1;
    for (;;) {
      const r = this.uint32() >>> (32 - k);
      if (r < n) return r;
    }
  }
}

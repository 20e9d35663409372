/** The benchmark's tokenisation: JFLEG-style spaces around punctuation and split clitics. */

const CLOSE = /^(?:\.\.\.|[.,!?;:%)\]}]|n't|'s|'m|'re|'ve|'ll|'d)$/i;
const OPEN = /^[([{$]$/;
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'etc', 'st', 'vs', 'jr', 'sr']);

/** Joins a tokenised line into ordinary text for the engine. */
export function detokenize(line: string): string {
  const toks = line.trim().split(/\s+/).filter(Boolean);
  let out = '';
  let quoteOpen = false;
  let glueNext = false;
  for (const t of toks) {
    let glue = glueNext || out === '';
    glueNext = false;
    if (CLOSE.test(t)) glue = true;
    if (t === '"') {
      if (quoteOpen) glue = true;
      else glueNext = true;
      quoteOpen = !quoteOpen;
    }
    if (OPEN.test(t)) glueNext = true;
    out += (glue ? '' : ' ') + t;
  }
  return out;
}

/** Splits engine output back into tokens the way the source was tokenised. */
export function tokenize(text: string): string {
  const out: string[] = [];
  const raws = text.trim().split(/\s+/).filter(Boolean);
  raws.forEach((raw, k) => out.push(...splitWord(raw, k === raws.length - 1)));
  return out.join(' ');
}

function splitWord(word: string, last: boolean): string[] {
  const pre: string[] = [];
  const post: string[] = [];
  let w = word;
  for (let m = /^([("[{$])(.+)$/.exec(w); m; m = /^([("[{$])(.+)$/.exec(w)) {
    pre.push(m[1]);
    w = m[2];
  }
  for (;;) {
    const ellipsis = /^(.+?)(\.\.\.)$/.exec(w);
    const m = ellipsis ?? /^(.+?)([.,!?;:%)"\]}])$/.exec(w);
    if (!m) break;
    if (m[2] === ';' && /&\w+$/.test(m[1])) break;
    if (m[2] === ')' && m[1].includes('(')) break;
    // Keep abbreviations and initials ("U.S.", "etc.", "Mr.") whole.
    if (m[2] === '.' && (/\.\w$/.test(m[1]) || (!last && ABBREVIATIONS.has(m[1].toLowerCase())))) break;
    post.unshift(m[2]);
    w = m[1];
  }
  const clitic = /^(.+?)(n't|'s|'m|'re|'ve|'ll|'d)$/i.exec(w);
  const core = clitic ? [clitic[1], clitic[2]] : [w];
  return [...pre, ...core, ...post];
}

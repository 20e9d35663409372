import type { TextEdit } from './port';
import { words } from './text';

/**
 * Word-level alignment (Levenshtein over whole words, exact match) between an original text and
 * its correction, as non-overlapping edits located in the ORIGINAL text. Adjacent changed words are
 * merged into one edit. A pure insertion sits at the character start of word `wordStart` (or at the
 * end of the text when it follows the last word).
 */
export function alignEdits(original: string, corrected: string): TextEdit[] {
  const a = words(original);
  const b = words(corrected);
  const n = a.length;
  const m = b.length;
  // Each word is normalised once; the table below compares them n × m times.
  const [na, nb] = [a.map((w) => normalise(w.text)), b.map((w) => normalise(w.text))];
  const cost = (i: number, j: number): number => (a[i].text === b[j].text ? 0 : substitutionCost(na[i], nb[j]));
  // dp[i * (m + 1) + j] = cost of aligning a[i:] with b[j:]; filled backwards so the trace runs forwards.
  const width = m + 1;
  const dp = new Uint32Array((n + 1) * width);
  const at = (i: number, j: number): number => dp[i * width + j];
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n) dp[i * width + j] = 2 * (m - j);
      else if (j === m) dp[i * width + j] = 2 * (n - i);
      else dp[i * width + j] = Math.min(at(i + 1, j + 1) + cost(i, j), at(i + 1, j) + 2, at(i, j + 1) + 2);
    }
  }
  const edits: TextEdit[] = [];
  let i = 0;
  let j = 0;
  let open: { i: number; j: number } | undefined;
  const close = (ei: number, ej: number): void => {
    if (!open) return;
    const span = a.slice(open.i, ei);
    const start = span.length ? span[0].start : open.i < n ? a[open.i].start : original.length;
    const end = span.length ? span[span.length - 1].end : start;
    edits.push({
      start,
      end,
      wordStart: open.i,
      wordEnd: ei,
      original: span.map((w) => w.text).join(' '),
      corrected: b.slice(open.j, ej).map((w) => w.text).join(' '),
    });
    open = undefined;
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[i].text === b[j].text && at(i, j) === at(i + 1, j + 1)) {
      close(i, j);
      i++;
      j++;
      continue;
    }
    open ??= { i, j };
    if (i < n && j < m && at(i, j) === at(i + 1, j + 1) + cost(i, j)) {
      i++;
      j++;
    } else if (i < n && at(i, j) === at(i + 1, j) + 2) i++;
    else if (j < m) j++;
    else i++;
  }
  close(i, j);
  return edits;
}

const normalise = (word: string): string => word.toLowerCase().replace(/[^\p{L}\p{N}']/gu, '');

/**
 * Similar words (case, punctuation, inflection) substitute cheaply so they pair up rather than
 * shift; `nx` and `ny` are two different words, normalised.
 */
function substitutionCost(nx: string, ny: string): number {
  if (nx === ny) return 1;
  const p = commonPrefix(nx, ny);
  return p >= 3 || (p >= 2 && Math.min(nx.length, ny.length) <= 3) ? 2 : 3;
}

function commonPrefix(x: string, y: string): number {
  let k = 0;
  while (k < x.length && k < y.length && x[k] === y[k]) k++;
  return k;
}

/** Applies edits to the original's words; the inverse of alignEdits up to whitespace. */
export function applyEdits(original: string, edits: readonly TextEdit[]): string {
  const w = words(original).map((x) => x.text);
  const out: string[] = [];
  let k = 0;
  for (const e of edits) {
    out.push(...w.slice(k, e.wordStart));
    if (e.corrected) out.push(e.corrected);
    k = e.wordEnd;
  }
  out.push(...w.slice(k));
  return out.join(' ');
}

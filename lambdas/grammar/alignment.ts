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
  // dp[i][j] = cost of aligning a[i:] with b[j:]; filled backwards so the trace runs forwards.
  const dp: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n) dp[i][j] = 2 * (m - j);
      else if (j === m) dp[i][j] = 2 * (n - i);
      else {
        const sub = dp[i + 1][j + 1] + (a[i].text === b[j].text ? 0 : substitutionCost(a[i].text, b[j].text));
        dp[i][j] = Math.min(sub, dp[i + 1][j] + 2, dp[i][j + 1] + 2);
      }
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
    if (i < n && j < m && a[i].text === b[j].text && dp[i][j] === dp[i + 1][j + 1]) {
      close(i, j);
      i++;
      j++;
      continue;
    }
    open ??= { i, j };
    if (i < n && j < m && dp[i][j] === dp[i + 1][j + 1] + substitutionCost(a[i].text, b[j].text)) {
      i++;
      j++;
    } else if (i < n && dp[i][j] === dp[i + 1][j] + 2) i++;
    else if (j < m) j++;
    else i++;
  }
  close(i, j);
  return edits;
}

/** Similar words (case, punctuation, inflection) substitute cheaply so they pair up rather than shift. */
function substitutionCost(x: string, y: string): number {
  const nx = x.toLowerCase().replace(/[^\p{L}\p{N}']/gu, '');
  const ny = y.toLowerCase().replace(/[^\p{L}\p{N}']/gu, '');
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

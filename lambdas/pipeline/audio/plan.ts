import type { TextEdit } from '../../grammar/port';
import type { TimedWord } from '../../shared/ports';

/** One stretch of the original recording to replace. */
export interface SpeechSpan {
  /** Seconds in the original recording: [start, end) is cut out. */
  readonly start: number;
  readonly end: number;
  /** Original words [wordStart, wordEnd) that the span covers (after widening). */
  readonly wordStart: number;
  readonly wordEnd: number;
  /** The original words of the span. */
  readonly original: string;
  /** What to speak in its place ('' for a pure cut). */
  readonly text: string;
}

export interface PlanOptions {
  /** Re-spoken spans shorter than this are widened by a neighbouring word (default 0.35 s). */
  readonly minSpanSeconds?: number;
  /** Room kept around a cut so onsets and releases are not clipped (default 0.03 s). */
  readonly padSeconds?: number;
}

/**
 * Where each original word boundary lands in the corrected words. `before[p]` is the corrected
 * index of boundary p before any insertion at p; the words come from `correctedText` when it
 * agrees with the edits (it carries the corrector's exact tokens), otherwise from the edits.
 */
function correctedWordMap(originalWords: readonly string[], edits: readonly TextEdit[], correctedText: string) {
  const n = originalWords.length;
  const derived: string[] = [];
  const before = new Array<number>(n + 1).fill(0);
  const sorted = [...edits].sort((x, y) => x.wordStart - y.wordStart || x.wordEnd - y.wordEnd);
  const push = (text: string) => derived.push(...text.split(/\s+/).filter(Boolean));
  let e = 0;
  let p = 0;
  while (p <= n) {
    before[p] = derived.length;
    while (e < sorted.length && sorted[e].wordStart === p && sorted[e].wordEnd <= p) push(sorted[e++].corrected);
    if (p === n) break;
    if (e < sorted.length && sorted[e].wordStart === p) {
      const edit = sorted[e++];
      push(edit.corrected);
      const to = Math.min(n, edit.wordEnd);
      for (let q = p + 1; q < to; q++) before[q] = derived.length;
      p = to;
      continue;
    }
    derived.push(originalWords[p]);
    p++;
  }
  const correctedWords = correctedText.split(/\s+/).filter(Boolean);
  const words = correctedWords.length === derived.length ? correctedWords : derived;
  return { before, total: words.length, text: (from: number, to: number) => words.slice(from, to).join(' ') };
}

/** How text sounds: case and punctuation do not change speech. */
export function spokenForm(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
}

/** True when an edit changes what is said, not only case or punctuation ("i" → "I", "school" → "school."). */
export function isAudible(edit: TextEdit): boolean {
  return spokenForm(edit.original) !== spokenForm(edit.corrected);
}

/**
 * Turns word-level edits into time spans to re-speak. Edits that change only case or punctuation
 * are ignored: the recording already says them. An insertion takes its neighbouring words
 * with it, and a re-spoken span shorter than `minSpanSeconds` grows by a neighbour, so the
 * synthesized words come out as a natural phrase; spans that then touch or overlap are merged.
 * A deletion with nothing to speak stays a plain cut.
 */
export function planSpans(words: readonly TimedWord[], edits: readonly TextEdit[], correctedText: string, options: PlanOptions = {}): SpeechSpan[] {
  const n = words.length;
  if (n === 0) return [];
  const minSpan = options.minSpanSeconds ?? 0.35;
  const pad = options.padSeconds ?? 0.03;
  const originalWords = words.map((w) => w.text);
  const map = correctedWordMap(originalWords, edits, correctedText);
  const duration = (a: number, b: number) => words[b - 1].end - words[a].start;

  const ranges: Array<{ a: number; b: number; cut: boolean }> = [];
  for (const edit of edits) {
    if (!isAudible(edit)) continue;
    const ws = Math.max(0, Math.min(n, edit.wordStart));
    const we = Math.max(ws, Math.min(n, edit.wordEnd));
    const speaksSomething = edit.corrected.trim() !== '';
    if (ws === we) {
      if (!speaksSomething) continue;
      ranges.push({ a: Math.max(0, ws - 1), b: Math.min(n, ws + 1), cut: false }); // insertion: re-speak with both neighbours
      continue;
    }
    if (!speaksSomething) {
      ranges.push({ a: ws, b: we, cut: true });
      continue;
    }
    let a = ws;
    let b = we;
    // Up to two words each side: enough for a phrase, little of the speaker's own voice lost.
    for (let step = 0; step < 2 && duration(a, b) < minSpan; step++) {
      if (b < n) b++;
      if (duration(a, b) < minSpan && a > 0) a--;
    }
    ranges.push({ a, b, cut: false });
  }
  ranges.sort((x, y) => x.a - y.a || x.b - y.b);

  const merged: Array<{ a: number; b: number; cut: boolean }> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    // Touching word ranges merge; a cut next to a re-spoken span becomes part of it.
    if (last && r.a <= last.b) {
      last.b = Math.max(last.b, r.b);
      last.cut = last.cut && r.cut;
    } else merged.push({ ...r });
  }

  return merged.map(({ a, b }) => {
    const from = map.before[a];
    const to = b === n ? map.total : map.before[b];
    const text = map.text(from, to);
    const prevEnd = a > 0 ? words[a - 1].end : 0;
    const nextStart = b < n ? words[b].start : Number.POSITIVE_INFINITY;
    const start = Math.max(prevEnd, words[a].start - pad);
    // A cut also takes the pause after it, so deleting a word does not leave a double pause.
    const end = text === '' && b < n ? words[b].start - Math.min(pad, Math.max(0, words[b].start - words[b - 1].end)) : Math.min(nextStart, words[b - 1].end + pad);
    return { start, end: Math.max(start, end), wordStart: a, wordEnd: b, original: originalWords.slice(a, b).join(' '), text };
  });
}

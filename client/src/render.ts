/** Pure text rendering for the CLI: highlighted corrections, edit list, timings, progress line. */
import type { TimedEdit } from './types';

/** Unchanged words, or a change of some original words into some corrected words (either side may be empty). */
export type Segment = { readonly kind: 'same'; readonly text: string } | { readonly kind: 'change'; readonly original: string; readonly corrected: string };

/** Above this many LCS cells the middle is shown as one change rather than diffed word by word. */
const MAX_DIFF_CELLS = 4_000_000;

/**
 * Word-level diff of the transcript against the corrected text, adjacent removals and additions merged
 * into one change. The corrected text is authoritative, so this shows exactly what changed.
 */
export function diffWords(original: string, corrected: string): Segment[] {
  const a = original.split(/\s+/).filter(Boolean);
  const b = corrected.split(/\s+/).filter(Boolean);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ma = a.slice(head, a.length - tail);
  const mb = b.slice(head, b.length - tail);

  const ops: Array<{ op: '=' | '-' | '+'; word: string }> = [];
  if (ma.length * mb.length > MAX_DIFF_CELLS) {
    ma.forEach((word) => ops.push({ op: '-', word }));
    mb.forEach((word) => ops.push({ op: '+', word }));
  } else {
    // lcs[i][j]: length of the LCS of ma[i..] and mb[j..].
    const lcs = Array.from({ length: ma.length + 1 }, () => new Uint32Array(mb.length + 1));
    for (let i = ma.length - 1; i >= 0; i--) {
      for (let j = mb.length - 1; j >= 0; j--) {
        lcs[i][j] = ma[i] === mb[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < ma.length || j < mb.length) {
      if (i < ma.length && j < mb.length && ma[i] === mb[j]) {
        ops.push({ op: '=', word: ma[i] });
        i++;
        j++;
      } else if (j < mb.length && (i === ma.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
        ops.push({ op: '+', word: mb[j++] });
      } else {
        ops.push({ op: '-', word: ma[i++] });
      }
    }
  }

  const segments: Segment[] = [];
  const same = (words: string[]) => {
    if (words.length > 0) segments.push({ kind: 'same', text: words.join(' ') });
  };
  same(a.slice(0, head));
  let k = 0;
  while (k < ops.length) {
    if (ops[k].op === '=') {
      const run: string[] = [];
      while (k < ops.length && ops[k].op === '=') run.push(ops[k++].word);
      same(run);
    } else {
      const removed: string[] = [];
      const added: string[] = [];
      while (k < ops.length && ops[k].op !== '=') (ops[k].op === '-' ? removed : added).push(ops[k++].word);
      segments.push({ kind: 'change', original: removed.join(' '), corrected: added.join(' ') });
    }
  }
  same(a.slice(a.length - tail));
  return segments;
}

const ANSI = { strikeRed: '\u001b[31;9m', green: '\u001b[32m', dim: '\u001b[2m', bold: '\u001b[1m', reset: '\u001b[0m' };

/**
 * The transcript with corrections marked: with colour, the original struck through in red and the
 * correction in green; without, `[original → corrected]`.
 */
export function highlightCorrections(transcript: string, correctedText: string, options: { color: boolean }): string {
  return diffWords(transcript, correctedText)
    .map((s) => {
      if (s.kind === 'same') return s.text;
      if (!options.color) return `[${s.original}${s.original ? ' ' : ''}→${s.corrected ? ' ' : ''}${s.corrected}]`;
      const parts: string[] = [];
      if (s.original) parts.push(`${ANSI.strikeRed}${s.original}${ANSI.reset}`);
      if (s.corrected) parts.push(`${ANSI.green}${s.corrected}${ANSI.reset}`);
      return parts.join(' ');
    })
    .join(' ');
}

/** Seconds as m:ss.cc. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, seconds);
  const m = Math.floor(s / 60);
  return `${m}:${(s - m * 60).toFixed(2).padStart(5, '0')}`;
}

/** Milliseconds as `850 ms` or `3.4 s`. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** One line per edit: `0:01.20–0:01.45  go → goes`. */
export function formatEdits(edits: readonly TimedEdit[]): string[] {
  return edits.map((e) => `${formatClock(e.start)}–${formatClock(e.end)}  ${e.original || '∅'} → ${e.corrected || '∅'}`);
}

/** `name 1.2 s · name 40 ms`, in the order given. */
export function formatTimings(timings: Readonly<Record<string, number>>): string {
  return Object.entries(timings)
    .filter(([, v]) => typeof v === 'number' && Number.isFinite(v))
    .map(([k, v]) => `${k} ${formatDuration(v)}`)
    .join(' · ');
}

/** Stages the progress display shows, in order. */
export const DISPLAY_STAGES = ['uploaded', 'transcribing', 'correcting', 'synthesizing', 'done'] as const;
export type DisplayStage = (typeof DISPLAY_STAGES)[number];

/** Maps any stage to the display stage it belongs to (client steps before the upload show as `uploading`). */
export function displayStageOf(stage: string): DisplayStage | 'uploading' | undefined {
  if (stage === 'requesting-upload' || stage === 'uploading') return 'uploading';
  if (stage === 'processing') return 'uploaded';
  if (stage === 'downloading' || stage === 'saved') return 'done';
  if (stage === 'failed') return undefined;
  return (DISPLAY_STAGES as readonly string[]).includes(stage) ? (stage as DisplayStage) : undefined;
}

/** The single progress line: completed stages ticked, the current one marked, with elapsed time. */
export function progressLine(current: DisplayStage | 'uploading', elapsedMs: number, options: { color: boolean }): string {
  const at = current === 'uploading' ? -1 : DISPLAY_STAGES.indexOf(current);
  const parts = DISPLAY_STAGES.map((s, i) => {
    if (i < at || (i === at && s === 'done')) return options.color ? `${ANSI.green}✓ ${s}${ANSI.reset}` : `✓ ${s}`;
    if (i === at) return options.color ? `${ANSI.bold}▸ ${s}${ANSI.reset}` : `▸ ${s}`;
    return options.color ? `${ANSI.dim}· ${s}${ANSI.reset}` : `· ${s}`;
  });
  const head = current === 'uploading' ? 'uploading… ' : '';
  return `${head}${parts.join('  ')}  ${(elapsedMs / 1000).toFixed(1)} s`;
}

/** Whitespace tokenisation with character offsets, and sentence splitting, shared by the engines. */

export interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** The port's words: whitespace-separated tokens with punctuation attached. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** A sentence of the input with its offset, so corrections can be stitched back in place. */
export interface Segment {
  readonly text: string;
  readonly start: number;
}

/** Sentence-final punctuation, with any closing quotes or brackets, before whitespace or the end. */
const SENTENCE_END = /[.!?]+["')\]]*(?=\s+|$)/;
/** A line break that starts a blank line: a paragraph's end. */
const BLANK_LINE = /\n[^\S\n]*(?=\n)/;

/**
 * Splits after . ! ? (optionally followed by closing quotes/brackets) when whitespace follows, and at
 * line breaks that cannot be inside a sentence: a blank line (a new paragraph) always, and any line
 * break in a text with no . ! ? at all, whose lines are then its sentences ("he go to school" and
 * "there is many problem" piped as two lines). A written text's single line breaks are wrapping.
 * An unpunctuated transcript on one line stays one segment; Harper copes with that once LongSentences is off.
 */
export function sentences(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  const boundary = new RegExp(`${SENTENCE_END.source}|${/[.!?]/.test(text) ? BLANK_LINE.source : '\\n'}`, 'g');
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const end = m.index + m[0].length;
    // Do not split after a single capital initial, a known abbreviation ("Mr.", "etc.") or a dotted
    // one ("e.g.", "U.S.", "Ph.D."): a new sentence there would get a capital ("the U.S. Are").
    const before = text.slice(last, m.index);
    if (/(?:^|\s)(?:[A-Z]|Mr|Mrs|Ms|Dr|St|vs|etc|(?:\p{L}{1,2}\.)+\p{L}{1,2})$/iu.test(before) && m[0] === '.') continue;
    pushTrimmed(out, text, last, end);
    last = end;
  }
  pushTrimmed(out, text, last, text.length);
  return out;
}

function pushTrimmed(out: Segment[], text: string, from: number, to: number): void {
  const slice = text.slice(from, to);
  const lead = slice.length - slice.trimStart().length;
  const body = slice.trim();
  if (body) out.push({ text: body, start: from + lead });
}

/**
 * The grammar corrector port: correct(text, options?) → { corrected, edits }.
 * Words are the whitespace-separated tokens of the text (punctuation stays attached to its word).
 */

/** One non-overlapping change, located both by characters and by words in the ORIGINAL text. */
export interface TextEdit {
  /** Character span [start, end) in the original text (start === end for a pure insertion). */
  readonly start: number;
  readonly end: number;
  /** Word span [wordStart, wordEnd) in the original text's words (equal for a pure insertion, which goes before wordStart). */
  readonly wordStart: number;
  readonly wordEnd: number;
  /** The original words of the span, joined by single spaces ('' for an insertion). */
  readonly original: string;
  /** What replaces them ('' for a deletion). */
  readonly corrected: string;
}

export interface Correction {
  readonly corrected: string;
  /** Sorted by position, non-overlapping. */
  readonly edits: readonly TextEdit[];
}

export interface CorrectOptions {
  /**
   * The speaker's language, as the job gives it ("en-GB"): its spelling is kept and used in what is
   * changed (see dialect.ts). American spelling when absent.
   */
  readonly language?: string;
}

export interface GrammarCorrector {
  correct(text: string, options?: CorrectOptions): Promise<Correction>;
}

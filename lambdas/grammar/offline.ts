import type { LocalLinter } from 'harper.js';
import { alignEdits } from './alignment';
import { harperFixes, harperLinter, type HarperFix } from './harper';
import type { Correction, GrammarCorrector } from './port';
import { applyRules } from './rules';
import { isCommonWord } from './rules/lexicon';
import { sentences } from './text';

/** Harper re-lints after each round because one fix can reveal the next ("a apples" → "an apples" → …). */
const HARPER_ROUNDS = 4;

/**
 * Corrects one sentence: our rules, then Harper and our rules again until neither changes anything.
 * Stopping only at that fixed point is what makes correcting corrected text a no-op.
 */
export async function correctSentence(linter: LocalLinter, sentence: string, written = true): Promise<string> {
  let text = applyRules(sentence, { written });
  for (let round = 0; round < HARPER_ROUNDS; round++) {
    const next = applyRules(applyHarper(text, await harperFixes(linter, text)), { written });
    if (next === text) break;
    text = next;
  }
  return text;
}

/** Applies the chosen option of each non-overlapping fix, right to left (code-point offsets). */
export function applyHarper(text: string, fixes: readonly HarperFix[]): string {
  const chars = Array.from(text);
  let floor = Infinity;
  for (const fix of [...fixes].sort((x, y) => y.start - x.start)) {
    if (fix.end > floor || fix.options.length === 0) continue;
    const choice = chooseOption(fix);
    if (choice === undefined) continue;
    chars.splice(fix.start, fix.end - fix.start, ...Array.from(choice));
    floor = fix.start;
  }
  return chars.join('');
}

function chooseOption(fix: HarperFix): string | undefined {
  return fix.rule === 'SpellCheck' ? chooseSpelling(fix.problem, fix.options) : fix.options[0];
}

/** The most frequent English words: a misspelling near one of them most likely meant it ("wich" → "which", not "wish"). */
const FREQUENT: ReadonlySet<string> = new Set(
  ('the of and to a in that is was he for it with as his on be at by this had not are but from or have an they which one ' +
    'you were her all she there would their we him been has when who will more no if out so said what up its about into ' +
    'than them can only other new some could time these two may then do first any my now such like our over me even most ' +
    'made after also did many before must through back years where much your way well down should because each just those ' +
    'people how too little good very make world still own see work long get here between both life being under never day ' +
    'same another know while last might us great old year off come since against go came right used take three want').split(' '),
);

/**
 * Harper ranks spellings by edit distance alone; we also prefer common words (ones our lexicon
 * knows, frequent ones most) that keep the first letter. Apostrophes and spaces cost nothing
 * ("dont" → "don't") except a possessive "'s".
 */
export function chooseSpelling(problem: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  const bare = (w: string): string => w.toLowerCase().replace(/['’\s]/g, '');
  options.forEach((option, rank) => {
    const score =
      editDistance(bare(problem), bare(option)) +
      (option.charAt(0).toLowerCase() === problem.charAt(0).toLowerCase() ? 0 : 1.5) +
      (option.split(/\s+/).every((part) => isCommonWord(part.replace(/['’]\w*$/, ''))) ? 0 : 1) +
      rank * 0.3 +
      // A possessive is rarely what a misspelt plural meant ("knowledges" → "knowledge's").
      (/['’]s$/i.test(option) && !/['’]/.test(problem) ? 1 : 0) -
      (FREQUENT.has(option.toLowerCase()) ? 0.7 : 0);
    if (score < bestScore) {
      bestScore = score;
      best = option;
    }
  });
  return best;
}

/** Optimal string alignment distance (adjacent transpositions count once). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * Harper does not always capitalise a sentence's first word; a written sentence (the input has
 * punctuation somewhere) also gets a final full stop. Raw transcripts get no punctuation added.
 */
export function finishSentence(sentence: string, written: boolean): string {
  let out = sentence.replace(/^(["'(\[]?)(\p{Ll})/u, (_m, open: string, first: string) => open + first.toUpperCase());
  if (written && /[\p{L}\p{N}]$/u.test(out) && out.split(/\s+/).length >= 3) out += '.';
  return out;
}

/** Joins corrected sentences back with the original whitespace between them. */
async function correctText(linter: LocalLinter, text: string): Promise<string> {
  let out = '';
  let cursor = 0;
  const written = /[.!?,;:]/.test(text);
  for (const seg of sentences(text)) {
    out += text.slice(cursor, seg.start) + finishSentence(await correctSentence(linter, seg.text, written), written);
    cursor = seg.start + seg.text.length;
  }
  return out + text.slice(cursor);
}

let offline: Promise<GrammarCorrector> | undefined;

/** The default engine: Harper plus our rules, offline. Initialised once per process. */
export function createOfflineCorrector(): Promise<GrammarCorrector> {
  offline ??= harperLinter().then(
    (linter): GrammarCorrector => ({
      async correct(text: string): Promise<Correction> {
        const corrected = await correctText(linter, text);
        return { corrected, edits: alignEdits(text, corrected) };
      },
    }),
    (error: unknown) => {
      offline = undefined;
      throw error;
    },
  );
  return offline;
}

import type { LocalLinter } from 'harper.js';
import { alignEdits } from './alignment';
import { harperFixes, harperLinter, type HarperFix } from './harper';
import type { Correction, GrammarCorrector } from './port';
import { applyRules } from './rules';
import { sentences } from './text';

/** Harper re-lints after each round because one fix can reveal the next ("a apples" → "an apples" → …). */
const HARPER_ROUNDS = 3;

/** Rules whose suggestions restyle rather than correct; applying them costs precision. */
const SKIPPED_RULES = new Set<string>([]);

/** Corrects one sentence: our rules, then Harper to a fixed point, then our rules again. */
export async function correctSentence(linter: LocalLinter, sentence: string): Promise<string> {
  let text = applyRules(sentence);
  for (let round = 0; round < HARPER_ROUNDS; round++) {
    const next = applyHarper(text, await harperFixes(linter, text));
    if (next === text) break;
    text = next;
  }
  return applyRules(text);
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
  if (SKIPPED_RULES.has(fix.rule)) return undefined;
  return fix.options[0];
}

/** Joins corrected sentences back with the original whitespace between them. */
async function correctText(linter: LocalLinter, text: string): Promise<string> {
  let out = '';
  let cursor = 0;
  for (const seg of sentences(text)) {
    out += text.slice(cursor, seg.start) + (await correctSentence(linter, seg.text));
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
        // A second pass catches fixes that only become visible after the first (idempotence).
        const once = await correctText(linter, text);
        const corrected = once === text ? once : await correctText(linter, once);
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

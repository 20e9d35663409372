import { oneOf, optional, positiveInt } from '../shared/config';

/** Environment variables the grammar module reads. */
export const GRAMMAR_ENV = {
  /** harper (default, offline) or bedrock. */
  engine: 'GRAMMAR_ENGINE',
  /** Bedrock model id (bedrock engine only). */
  bedrockModelId: 'BEDROCK_MODEL_ID',
  /** Bedrock call timeout in ms before falling back to the offline engine (default 8000). */
  bedrockTimeoutMs: 'BEDROCK_TIMEOUT_MS',
  /** on (default): start Harper from its memory snapshot, writing one where none is; off: always build it. */
  harperSnapshot: 'HARPER_SNAPSHOT',
  /** auto (default): the model bundled beside the code, else Debian's pocketsphinx-en-us one, else none; off; or a model file's path. */
  languageModel: 'GRAMMAR_LANGUAGE_MODEL',
} as const;

export const DEFAULT_BEDROCK_MODEL_ID = 'anthropic.claude-3-haiku-20240307-v1:0';

export interface GrammarConfig {
  readonly engine: 'harper' | 'bedrock';
  readonly bedrockModelId: string;
  readonly bedrockTimeoutMs: number;
  readonly harperSnapshot: boolean;
  /** 'auto', 'off' or a file's path (see language-model-file.ts). */
  readonly languageModel: string;
}

/** Reads the grammar settings once; throws ConfigError on a bad value. */
export function grammarConfig(env: Record<string, string | undefined> = process.env): GrammarConfig {
  return {
    engine: oneOf(GRAMMAR_ENV.engine, ['harper', 'bedrock'] as const, 'harper', env),
    bedrockModelId: optional(GRAMMAR_ENV.bedrockModelId, DEFAULT_BEDROCK_MODEL_ID, env),
    bedrockTimeoutMs: positiveInt(GRAMMAR_ENV.bedrockTimeoutMs, 8000, env),
    harperSnapshot: oneOf(GRAMMAR_ENV.harperSnapshot, ['on', 'off'] as const, 'on', env) === 'on',
    languageModel: optional(GRAMMAR_ENV.languageModel, 'auto', env),
  };
}

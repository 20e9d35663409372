import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
// Named imports: the `z` namespace pulls every zod locale into the bundle.
import { strictObject, string } from 'zod';
import { alignEdits } from './alignment';
import { dialectOf } from './dialect';
import type { Correction, CorrectOptions, GrammarCorrector } from './port';

/** The model's answer: only the corrected text; edits are re-derived by alignment, never trusted. */
const ModelAnswer = strictObject({ corrected: string().min(1) });

export class BedrockCorrectionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BedrockCorrectionError';
  }
}

export interface BedrockCorrectorOptions {
  /** Bedrock model id or inference profile, e.g. "anthropic.claude-3-haiku-20240307-v1:0". */
  readonly modelId: string;
  /** Give up on the model after this long and answer with the fallback (ms). */
  readonly timeoutMs: number;
  /** Answers when the model times out, fails or returns something unusable. */
  readonly fallback: GrammarCorrector;
  /** Injected for tests and for sharing one client per Lambda container. */
  readonly client?: BedrockRuntimeClient;
  /** Called with the reason whenever the fallback answers. */
  readonly onFallback?: (error: unknown) => void;
}

export const SYSTEM_PROMPT = [
  'You correct grammar in transcribed speech. Make the minimal edits needed for standard grammatical English:',
  'agreement, tense, articles, plurals, prepositions, word forms, capitalisation and spelling.',
  'Keep the meaning, the words, the order and the tone; do not rephrase, shorten, expand or add content.',
  'Keep the spelling variety given as "spelling" (American, British or Australian): never respell a word that is correct in it, and spell what you change its way.',
  'If the text is already correct, return it unchanged.',
  'Answer with JSON only, exactly {"corrected": "<the corrected text>"}.',
].join(' ');

/** The Bedrock engine: Converse API, minimal-edit prompt, schema-checked JSON, offline fallback. */
export function createBedrockCorrector(options: BedrockCorrectorOptions): GrammarCorrector {
  const client = options.client ?? new BedrockRuntimeClient({});
  return {
    async correct(text: string, correctOptions: CorrectOptions = {}): Promise<Correction> {
      if (text.trim() === '') return { corrected: text, edits: [] };
      try {
        const corrected = await askModel(client, options, text, SPELLING[dialectOf(correctOptions.language)]);
        return { corrected, edits: alignEdits(text, corrected) };
      } catch (error) {
        options.onFallback?.(error);
        return options.fallback.correct(text, correctOptions);
      }
    },
  };
}

/** The prompt's names of the spelling varieties. */
const SPELLING = { american: 'American', british: 'British', australian: 'Australian' } as const;

async function askModel(client: BedrockRuntimeClient, options: BedrockCorrectorOptions, text: string, spelling: string): Promise<string> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), options.timeoutMs);
  try {
    const response = await client.send(
      new ConverseCommand({
        modelId: options.modelId,
        system: [{ text: SYSTEM_PROMPT }],
        messages: [{ role: 'user', content: [{ text: JSON.stringify({ text, spelling }) }] }],
        inferenceConfig: { temperature: 0, maxTokens: Math.min(4096, 64 + text.length) },
      }),
      { abortSignal: abort.signal },
    );
    const reply = response.output?.message?.content?.map((c) => c.text ?? '').join('') ?? '';
    return parseAnswer(reply);
  } finally {
    clearTimeout(timer);
  }
}

/** Extracts and validates the JSON object, tolerating a fenced code block around it. */
export function parseAnswer(reply: string): string {
  const json = /\{[\s\S]*\}/.exec(reply)?.[0];
  if (!json) throw new BedrockCorrectionError('model reply holds no JSON object');
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (cause) {
    throw new BedrockCorrectionError('model reply is not valid JSON', { cause });
  }
  const parsed = ModelAnswer.safeParse(data);
  if (!parsed.success) throw new BedrockCorrectionError(`model reply does not match the schema: ${parsed.error.message}`);
  return parsed.data.corrected.trim();
}

import { ConfigError } from '../../lambdas/shared/config';
import { grammarConfig } from '../../lambdas/grammar/config';

describe('grammar config', () => {
  it('defaults to the offline engine', () => {
    expect(grammarConfig({})).toMatchObject({ engine: 'harper', bedrockTimeoutMs: 8000, harperSnapshot: true });
  });

  it('reads the Bedrock settings', () => {
    expect(grammarConfig({ GRAMMAR_ENGINE: 'bedrock', BEDROCK_MODEL_ID: 'my-model', BEDROCK_TIMEOUT_MS: '2500' })).toEqual({ engine: 'bedrock', bedrockModelId: 'my-model', bedrockTimeoutMs: 2500, harperSnapshot: true, languageModel: 'auto' });
  });

  it('turns the Harper snapshot off, and refuses other values', () => {
    expect(grammarConfig({ HARPER_SNAPSHOT: 'off' }).harperSnapshot).toBe(false);
    expect(() => grammarConfig({ HARPER_SNAPSHOT: 'no' })).toThrow(ConfigError);
  });

  it('reads the language model setting: auto by default, off, or a file', () => {
    expect(grammarConfig({}).languageModel).toBe('auto');
    expect(grammarConfig({ GRAMMAR_LANGUAGE_MODEL: 'off' }).languageModel).toBe('off');
    expect(grammarConfig({ GRAMMAR_LANGUAGE_MODEL: '/models/lm.bin' }).languageModel).toBe('/models/lm.bin');
  });

  it('fails on an unknown engine', () => {
    expect(() => grammarConfig({ GRAMMAR_ENGINE: 'gpt' })).toThrow(ConfigError);
  });
});

import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { createBedrockCorrector, parseAnswer, BedrockCorrectionError } from '../../lambdas/grammar/bedrock';
import type { GrammarCorrector } from '../../lambdas/grammar/port';

const bedrock = mockClient(BedrockRuntimeClient);
const reply = (text: string) => ({ output: { message: { role: 'assistant' as const, content: [{ text }] } }, stopReason: 'end_turn' as const, usage: undefined, metrics: undefined });

function fallback(): GrammarCorrector & { calls: string[] } {
  const calls: string[] = [];
  return { calls, correct: async (text) => (calls.push(text), { corrected: `offline:${text}`, edits: [] }) };
}

describe('Bedrock corrector', () => {
  beforeEach(() => bedrock.reset());

  it('sends the text to the configured model and re-derives edits by alignment', async () => {
    // Arrange
    bedrock.on(ConverseCommand).resolves(reply('{"corrected": "He goes to school."}'));
    const corrector = createBedrockCorrector({ modelId: 'test-model', timeoutMs: 1000, fallback: fallback(), client: new BedrockRuntimeClient({ region: 'eu-west-1' }) });

    // Act
    const result = await corrector.correct('he go to school');

    // Assert
    expect(result.corrected).toBe('He goes to school.');
    expect(result.edits).toEqual([
      { start: 0, end: 5, wordStart: 0, wordEnd: 2, original: 'he go', corrected: 'He goes' },
      { start: 9, end: 15, wordStart: 3, wordEnd: 4, original: 'school', corrected: 'school.' },
    ]);
    expect(bedrock).toHaveReceivedCommandWith(ConverseCommand, { modelId: 'test-model', inferenceConfig: expect.objectContaining({ temperature: 0 }) });
    const sent = bedrock.commandCalls(ConverseCommand)[0].args[0].input;
    expect(JSON.stringify(sent.messages)).toContain('he go to school');
    expect(sent.system?.[0]).toMatchObject({ text: expect.stringContaining('minimal') });
  });

  it("tells the model the speaker's spelling variety, and passes the language to the fallback", async () => {
    bedrock.on(ConverseCommand).resolvesOnce(reply('{"corrected": "The colour is nice."}')).resolves(reply('not JSON'));
    const offline = fallback();
    const asked: unknown[] = [];
    const corrector = createBedrockCorrector({ modelId: 'm', timeoutMs: 1000, fallback: { correct: (text, options) => (asked.push(options), offline.correct(text)) }, client: new BedrockRuntimeClient({ region: 'eu-west-1' }) });
    expect((await corrector.correct('the colour are nice', { language: 'en-GB' })).corrected).toBe('The colour is nice.');
    await corrector.correct('he go', { language: 'en-AU' });
    await corrector.correct('he go');
    const spelling = bedrock.commandCalls(ConverseCommand).map((call) => JSON.parse(call.args[0].input.messages?.[0].content?.[0].text ?? '{}').spelling);
    expect(spelling).toEqual(['British', 'Australian', 'American']);
    expect(asked).toEqual([{ language: 'en-AU' }, {}]);
  });

  it('accepts JSON wrapped in a code fence', async () => {
    bedrock.on(ConverseCommand).resolves(reply('```json\n{"corrected": "I went home."}\n```'));
    const corrector = createBedrockCorrector({ modelId: 'm', timeoutMs: 1000, fallback: fallback(), client: new BedrockRuntimeClient({ region: 'eu-west-1' }) });
    expect((await corrector.correct('i go home')).corrected).toBe('I went home.');
  });

  it.each([
    ['prose instead of JSON', 'Sure! Here is the text: He goes.'],
    ['JSON of the wrong shape', '{"text": "He goes."}'],
    ['an empty correction', '{"corrected": ""}'],
  ])('falls back to the offline engine on %s', async (_name, answer) => {
    bedrock.on(ConverseCommand).resolves(reply(answer));
    const offline = fallback();
    const errors: unknown[] = [];
    const corrector = createBedrockCorrector({ modelId: 'm', timeoutMs: 1000, fallback: offline, client: new BedrockRuntimeClient({ region: 'eu-west-1' }), onFallback: (e) => errors.push(e) });
    expect((await corrector.correct('he go')).corrected).toBe('offline:he go');
    expect(errors[0]).toBeInstanceOf(BedrockCorrectionError);
  });

  it('falls back when the service fails', async () => {
    bedrock.on(ConverseCommand).rejects(new Error('ThrottlingException'));
    const offline = fallback();
    const corrector = createBedrockCorrector({ modelId: 'm', timeoutMs: 1000, fallback: offline, client: new BedrockRuntimeClient({ region: 'eu-west-1' }) });
    expect((await corrector.correct('he go')).corrected).toBe('offline:he go');
    expect(offline.calls).toEqual(['he go']);
  });

  it('falls back when the model does not answer in time', async () => {
    bedrock.on(ConverseCommand).callsFake((_input, getClient) => new Promise(() => void getClient));
    const offline = fallback();
    const client = new BedrockRuntimeClient({ region: 'eu-west-1' });
    // The mock ignores the abort signal, so race it the way the SDK's handler would.
    const send = client.send.bind(client) as (command: unknown, options?: { abortSignal?: AbortSignal }) => Promise<unknown>;
    client.send = ((command: unknown, options?: { abortSignal?: AbortSignal }) =>
      new Promise((resolve, reject) => {
        options?.abortSignal?.addEventListener('abort', () => reject(new Error('aborted')));
        send(command, options).then(resolve as (value: unknown) => void, reject);
      })) as typeof client.send;
    const corrector = createBedrockCorrector({ modelId: 'm', timeoutMs: 20, fallback: offline, client });
    expect((await corrector.correct('he go')).corrected).toBe('offline:he go');
  });

  it('does not call the model for empty text', async () => {
    const corrector = createBedrockCorrector({ modelId: 'm', timeoutMs: 1000, fallback: fallback(), client: new BedrockRuntimeClient({ region: 'eu-west-1' }) });
    expect(await corrector.correct('  ')).toEqual({ corrected: '  ', edits: [] });
    expect(bedrock).not.toHaveReceivedCommand(ConverseCommand);
  });

  it('fails to parse a reply without JSON', () => {
    expect(() => parseAnswer('no json')).toThrow(BedrockCorrectionError);
  });
});

import { createEngines } from '../../lambdas/pipeline/engines';
import { loadEngineConfig } from '../../lambdas/pipeline/config';
import { createWasmCodec } from '../../lambdas/pipeline/adapters/wasm-codec';
import { createFfmpegCodec } from '../../lambdas/pipeline/adapters/ffmpeg-codec';
import { createPocketsphinxStt } from '../../lambdas/pipeline/adapters/pocketsphinx';
import { createFliteTts } from '../../lambdas/pipeline/adapters/flite';
import { createOfflineCorrector } from '../../lambdas/grammar/offline';
import { MemoryStore } from './fakes';

jest.mock('../../lambdas/pipeline/adapters/wasm-codec', () => ({ createWasmCodec: jest.fn(() => ({ kind: 'wasm' })) }));
jest.mock('../../lambdas/pipeline/adapters/ffmpeg-codec', () => ({ createFfmpegCodec: jest.fn(() => ({ kind: 'ffmpeg' })) }));
jest.mock('../../lambdas/pipeline/adapters/pocketsphinx', () => ({ createPocketsphinxStt: jest.fn(() => ({ kind: 'pocketsphinx' })) }));
jest.mock('../../lambdas/pipeline/adapters/flite', () => ({ createFliteTts: jest.fn(() => ({ kind: 'flite' })) }));
jest.mock('../../lambdas/grammar/offline', () => ({ createOfflineCorrector: jest.fn() }));

beforeEach(() => jest.clearAllMocks());

describe('loadEngineConfig', () => {
  it('defaults to the AWS engines', () => {
    expect(loadEngineConfig({})).toEqual({ stt: 'transcribe', tts: 'polly', codec: 'wasm', grammar: 'harper' });
  });
  it('fails fast on an unknown engine', () => {
    expect(() => loadEngineConfig({ STT_ENGINE: 'whisper' })).toThrow(/STT_ENGINE must be one of transcribe, pocketsphinx/);
  });
});

describe('createEngines', () => {
  it('builds the AWS engines by default, each once and only when first used', () => {
    const engines = createEngines(loadEngineConfig({}), new MemoryStore());
    expect(createWasmCodec).not.toHaveBeenCalled();
    expect(engines.codec()).toBe(engines.codec());
    expect(createWasmCodec).toHaveBeenCalledTimes(1);
    expect(engines.stt()).toBe(engines.stt());
    expect(typeof engines.stt().start).toBe('function');
    expect(typeof engines.tts().synthesize).toBe('function');
    expect(createPocketsphinxStt).not.toHaveBeenCalled();
    expect(createFliteTts).not.toHaveBeenCalled();
  });

  it('builds the local engines when configured', () => {
    const store = new MemoryStore();
    const engines = createEngines(loadEngineConfig({ STT_ENGINE: 'pocketsphinx', TTS_ENGINE: 'flite', AUDIO_CODEC: 'ffmpeg' }), store);
    expect(engines.codec()).toEqual({ kind: 'ffmpeg' });
    expect(engines.stt()).toEqual({ kind: 'pocketsphinx' });
    expect(engines.tts()).toEqual({ kind: 'flite' });
    expect(createFfmpegCodec).toHaveBeenCalledTimes(1);
    expect(createPocketsphinxStt).toHaveBeenCalledWith(expect.objectContaining({ codec: { kind: 'ffmpeg' }, readObject: store.getBytes, writeObject: store.putBytes }));
  });

  it('builds the corrector once, and again after a failed build', async () => {
    const corrector = { correct: jest.fn() };
    (createOfflineCorrector as jest.Mock).mockRejectedValueOnce(new Error('wasm failed')).mockResolvedValue(corrector);
    const engines = createEngines(loadEngineConfig({}), new MemoryStore());
    await expect(engines.corrector()).rejects.toThrow('wasm failed');
    await expect(engines.corrector()).resolves.toBe(corrector);
    await expect(engines.corrector()).resolves.toBe(corrector);
    expect(createOfflineCorrector).toHaveBeenCalledTimes(2);
  });
});

import type { AudioCodec } from '../../../lambdas/shared/ports';
import { parseWav, speechLevel, writeWav } from '../../../lambdas/pipeline/audio';
import { ffmpegConvert, fliteWav, PNG, TEXT } from './media';
import { sine } from './signals';

/** The behaviour every AudioCodec adapter shares, run against the real decoders/binaries. */
export function describeCodec(name: string, create: () => AudioCodec): void {
  describe(`${name} codec`, () => {
    const codec = create();
    const wav = fliteWav('the quick brown fox jumps over the lazy dog');
    const seconds = parseWav(wav).samples.length / 16000;

    it('probes a WAV and decodes it at another rate', async () => {
      expect(await codec.probe(wav)).toEqual({ format: 'wav', durationSeconds: expect.closeTo(seconds, 2) });
      const pcm = await codec.decode(wav, 22050);
      expect(pcm.sampleRate).toBe(22050);
      expect(pcm.samples.length / 22050).toBeCloseTo(seconds, 1);
      expect(speechLevel(pcm)).toBeGreaterThan(0.01);
    });

    it('round-trips through its own mp3 encoder', async () => {
      const pcm = await codec.decode(wav, 16000);
      const mp3 = await codec.encodeMp3(pcm);
      const info = await codec.probe(mp3);
      expect(info?.format).toBe('mp3');
      expect(Math.abs(info!.durationSeconds - seconds)).toBeLessThan(0.15);
      const back = await codec.decode(mp3, 16000);
      expect(Math.abs(back.samples.length / 16000 - seconds)).toBeLessThan(0.15);
      expect(speechLevel(back) / speechLevel(pcm)).toBeGreaterThan(0.7);
      expect(speechLevel(back) / speechLevel(pcm)).toBeLessThan(1.3);
    });

    it.each([
      ['mp3 with an ID3 tag', 'mp3', ['-c:a', 'libmp3lame', '-b:a', '96k', '-id3v2_version', '3', '-metadata', 'title=Test'], 'mp3'],
      ['stereo 44.1 kHz mp3', 'mp3', ['-ac', '2', '-ar', '44100', '-c:a', 'libmp3lame'], 'mp3'],
      ['flac', 'flac', [], 'flac'],
      ['ogg opus', 'ogg', ['-c:a', 'libopus'], 'ogg'],
      ['ogg vorbis', 'ogg', ['-c:a', 'libvorbis'], 'ogg'],
    ])('probes and decodes %s made by ffmpeg', async (_label, ext, args, format) => {
      const bytes = ffmpegConvert(wav, ext, args);
      const info = await codec.probe(bytes);
      expect(info?.format).toBe(format);
      expect(Math.abs(info!.durationSeconds - seconds)).toBeLessThan(0.15);
      const pcm = await codec.decode(bytes, 16000);
      expect(Math.abs(pcm.samples.length / 16000 - seconds)).toBeLessThan(0.15);
      expect(speechLevel(pcm)).toBeGreaterThan(0.01);
    });

    it('encodes PCM at a rate mp3 does not support', async () => {
      const mp3 = await codec.encodeMp3(sine(440, 1, 17000));
      expect((await codec.probe(mp3))?.format).toBe('mp3');
    });

    it.each([
      ['a PNG image', PNG],
      ['a text file', TEXT],
      ['an empty file', new Uint8Array(0)],
      ['a WAV header cut short', writeWav(sine(440, 0.1)).subarray(0, 30)],
      ['bytes that only start like an mp3', Uint8Array.from([0xff, 0xfb, 0x90, 0x64, ...TEXT])],
    ])('probe rejects %s', async (_label, bytes) => {
      expect(await codec.probe(bytes)).toBeUndefined();
    });

    it('fails to decode something that is not audio', async () => {
      await expect(codec.decode(TEXT, 16000)).rejects.toThrow();
    });
  });
}

import { isWav, parseWav, parseWavChannels, readWavHeader, WavFormatError, writeWav } from '../../../lambdas/pipeline/audio';
import { sine } from './signals';

/** Builds a WAV by hand with any encoding, to test the parser against writers other than ours. */
function wavBytes(opts: { format: number; channels: number; rate: number; bits: number; frames: number[][]; dataSize?: number; extraChunk?: boolean }): Uint8Array {
  const width = opts.bits / 8;
  const dataLength = opts.frames.length * opts.channels * width;
  const extra = opts.extraChunk ? 8 + 4 : 0;
  const bytes = new Uint8Array(44 + extra + dataLength);
  const view = new DataView(bytes.buffer);
  const put = (at: number, s: string) => [...s].forEach((c, i) => (bytes[at + i] = c.charCodeAt(0)));
  put(0, 'RIFF');
  view.setUint32(4, bytes.length - 8, true);
  put(8, 'WAVE');
  put(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, opts.format, true);
  view.setUint16(22, opts.channels, true);
  view.setUint32(24, opts.rate, true);
  view.setUint32(28, opts.rate * opts.channels * width, true);
  view.setUint16(32, opts.channels * width, true);
  view.setUint16(34, opts.bits, true);
  let at = 36;
  if (opts.extraChunk) {
    put(at, 'LIST');
    view.setUint32(at + 4, 4, true);
    put(at + 8, 'INFO');
    at += 12;
  }
  put(at, 'data');
  view.setUint32(at + 4, opts.dataSize ?? dataLength, true);
  at += 8;
  for (const frame of opts.frames) {
    for (const v of frame) {
      if (opts.format === 3) view.setFloat32(at, v, true);
      else if (opts.bits === 8) bytes[at] = Math.round(v * 128 + 128);
      else if (opts.bits === 16) view.setInt16(at, Math.round(v * 32767), true);
      else if (opts.bits === 24) {
        const x = Math.round(v * 8388607);
        bytes[at] = x & 0xff;
        bytes[at + 1] = (x >> 8) & 0xff;
        bytes[at + 2] = (x >> 16) & 0xff;
      } else view.setInt32(at, Math.round(v * 2147483647), true);
      at += width;
    }
  }
  return bytes;
}

describe('WAV', () => {
  it('round-trips 16-bit mono within quantisation error', () => {
    const pcm = sine(440, 0.5, 22050);
    const back = parseWav(writeWav(pcm));
    expect(back.sampleRate).toBe(22050);
    expect(back.samples.length).toBe(pcm.samples.length);
    let err = 0;
    pcm.samples.forEach((s, i) => (err = Math.max(err, Math.abs(s - back.samples[i]))));
    expect(err).toBeLessThan(1 / 16000);
  });

  it.each([
    [1, 8],
    [1, 16],
    [1, 24],
    [1, 32],
    [3, 32],
  ])('reads format %i at %i bits and downmixes stereo', (format, bits) => {
    const frames = [[0.5, -0.5], [0.25, 0.25], [-0.5, -0.25]];
    const bytes = wavBytes({ format, channels: 2, rate: 8000, bits, frames, extraChunk: true });
    const { channelData } = parseWavChannels(bytes);
    expect(channelData).toHaveLength(2);
    const mono = parseWav(bytes).samples;
    const tolerance = bits === 8 ? 0.01 : 1e-4;
    [0, 0.25, -0.375].forEach((v, i) => expect(Math.abs(mono[i] - v)).toBeLessThan(tolerance));
  });

  it('accepts a streamed WAV whose data size is 0 or larger than the file', () => {
    const frames = [[0.1], [0.2], [0.3], [0.4]];
    expect(readWavHeader(wavBytes({ format: 1, channels: 1, rate: 16000, bits: 16, frames, dataSize: 0 })).dataLength).toBe(8);
    expect(readWavHeader(wavBytes({ format: 1, channels: 1, rate: 16000, bits: 16, frames, dataSize: 0xffffffff })).dataLength).toBe(8);
    expect(readWavHeader(wavBytes({ format: 1, channels: 1, rate: 16000, bits: 16, frames, dataSize: 1000 })).durationSeconds).toBeCloseTo(4 / 16000);
  });

  it('fails on non-WAV bytes and unsupported encodings', () => {
    expect(isWav(new TextEncoder().encode('hello there, not audio'))).toBe(false);
    expect(() => parseWav(new TextEncoder().encode('hello there, not audio'))).toThrow(WavFormatError);
    expect(() => parseWav(wavBytes({ format: 2, channels: 1, rate: 8000, bits: 16, frames: [[0]] }))).toThrow(/unsupported WAV encoding/);
    expect(() => parseWav(writeWav(sine(100, 0.1)).subarray(0, 36))).toThrow(/no data chunk/);
  });
});

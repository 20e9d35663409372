import type { Pcm } from '../../shared/ports';

/** Why a WAV could not be read; the codecs map it to "not audio". */
export class WavFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WavFormatError';
  }
}

/** What a WAV header says, without decoding the samples. */
export interface WavHeader {
  readonly sampleRate: number;
  readonly channels: number;
  readonly bitsPerSample: number;
  /** 1 = integer PCM, 3 = IEEE float. */
  readonly encoding: 1 | 3;
  readonly dataOffset: number;
  readonly dataLength: number;
  readonly durationSeconds: number;
}

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_FLOAT = 3;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

/** True when the bytes start like a RIFF/WAVE file. */
export function isWav(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE';
}

/**
 * Reads the RIFF chunks up to `data`. Streamed WAVs (ffmpeg, flite writing to a pipe) may carry a
 * zero or oversized data length, so the length is clamped to what the file holds.
 */
export function readWavHeader(bytes: Uint8Array): WavHeader {
  if (!isWav(bytes)) throw new WavFormatError('not a RIFF/WAVE file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 12;
  let fmt: Omit<WavHeader, 'dataOffset' | 'dataLength' | 'durationSeconds'> | undefined;
  while (offset + 8 <= bytes.length) {
    const id = ascii(bytes, offset, 4);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > bytes.length) throw new WavFormatError('fmt chunk too short');
      let format = view.getUint16(body, true);
      const channels = view.getUint16(body + 2, true);
      const sampleRate = view.getUint32(body + 4, true);
      const bitsPerSample = view.getUint16(body + 14, true);
      if (format === WAVE_FORMAT_EXTENSIBLE && size >= 40 && body + 26 <= bytes.length) {
        format = view.getUint16(body + 24, true); // first two bytes of the sub-format GUID
      }
      if (format !== WAVE_FORMAT_PCM && format !== WAVE_FORMAT_FLOAT) {
        throw new WavFormatError(`unsupported WAV encoding ${format}`);
      }
      const okBits = format === WAVE_FORMAT_FLOAT ? [32, 64] : [8, 16, 24, 32];
      if (!okBits.includes(bitsPerSample)) throw new WavFormatError(`unsupported ${bitsPerSample}-bit WAV`);
      if (channels < 1 || sampleRate < 1000 || sampleRate > 384000) {
        throw new WavFormatError(`implausible WAV header: ${channels} channels at ${sampleRate} Hz`);
      }
      fmt = { sampleRate, channels, bitsPerSample, encoding: format as 1 | 3 };
    } else if (id === 'data') {
      if (!fmt) throw new WavFormatError('data chunk before fmt chunk');
      const available = bytes.length - body;
      const frame = (fmt.bitsPerSample / 8) * fmt.channels;
      const declared = size === 0 || size === 0xffffffff ? available : Math.min(size, available);
      const dataLength = declared - (declared % frame);
      return { ...fmt, dataOffset: body, dataLength, durationSeconds: dataLength / frame / fmt.sampleRate };
    }
    offset = body + size + (size % 2);
  }
  throw new WavFormatError(fmt ? 'no data chunk' : 'no fmt chunk');
}

/** Decodes a WAV file into one Float32Array per channel. */
export function parseWavChannels(bytes: Uint8Array): { sampleRate: number; channelData: Float32Array[] } {
  const h = readWavHeader(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = h.bitsPerSample / 8;
  const frames = h.dataLength / (width * h.channels);
  const channelData = Array.from({ length: h.channels }, () => new Float32Array(frames));
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < h.channels; c++) {
      const at = h.dataOffset + (i * h.channels + c) * width;
      let v: number;
      if (h.encoding === WAVE_FORMAT_FLOAT) v = width === 4 ? view.getFloat32(at, true) : view.getFloat64(at, true);
      else if (width === 2) v = view.getInt16(at, true) / 32768;
      else if (width === 1) v = (bytes[at] - 128) / 128;
      else if (width === 3) v = ((bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16)) << 8 >> 8) / 8388608;
      else v = view.getInt32(at, true) / 2147483648;
      channelData[c][i] = v;
    }
  }
  return { sampleRate: h.sampleRate, channelData };
}

/** Decodes a WAV file to mono PCM at its own sample rate. */
export function parseWav(bytes: Uint8Array): Pcm {
  const { sampleRate, channelData } = parseWavChannels(bytes);
  return { sampleRate, samples: downmix(channelData) };
}

/** Averages channels into one. */
export function downmix(channelData: readonly Float32Array[]): Float32Array {
  if (channelData.length === 0) return new Float32Array(0);
  if (channelData.length === 1) return channelData[0];
  const length = Math.min(...channelData.map((c) => c.length));
  const out = new Float32Array(length);
  for (const channel of channelData) {
    for (let i = 0; i < length; i++) out[i] += channel[i];
  }
  for (let i = 0; i < length; i++) out[i] /= channelData.length;
  return out;
}

/** Encodes mono PCM as a 16-bit WAV file. */
export function writeWav(pcm: Pcm): Uint8Array {
  const n = pcm.samples.length;
  const bytes = new Uint8Array(44 + n * 2);
  const view = new DataView(bytes.buffer);
  const put = (at: number, s: string) => { for (let i = 0; i < s.length; i++) bytes[at + i] = s.charCodeAt(i); };
  put(0, 'RIFF');
  view.setUint32(4, 36 + n * 2, true);
  put(8, 'WAVE');
  put(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, WAVE_FORMAT_PCM, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, pcm.sampleRate, true);
  view.setUint32(28, pcm.sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  put(36, 'data');
  view.setUint32(40, n * 2, true);
  for (let i = 0; i < n; i++) {
    const s = Math.max(-1, Math.min(1, pcm.samples[i]));
    view.setInt16(44 + i * 2, Math.round(s < 0 ? s * 32768 : s * 32767), true);
  }
  return bytes;
}

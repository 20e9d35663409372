import { readWavHeader } from './wav';

export type SniffedFormat = 'mp3' | 'wav' | 'flac' | 'ogg';

const BITRATES_V1_L3 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2_L3 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const SAMPLE_RATES = [44100, 48000, 32000];

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

/** Recognises the container by its magic bytes alone. */
export function sniffFormat(bytes: Uint8Array): SniffedFormat | undefined {
  if (bytes.length < 4) return undefined;
  const head = ascii(bytes, 0, 4);
  if (head === 'RIFF' && bytes.length >= 12 && ascii(bytes, 8, 4) === 'WAVE') return 'wav';
  if (head === 'fLaC') return 'flac';
  if (head === 'OggS') return 'ogg';
  if (head.startsWith('ID3')) return 'mp3';
  if (parseMp3Frame(bytes, 0)) return 'mp3';
  return undefined;
}

interface Mp3Frame {
  readonly length: number;
  readonly samples: number;
  readonly sampleRate: number;
}

/** Parses an MPEG-1/2/2.5 Layer III frame header at `at`; undefined when there is none. */
export function parseMp3Frame(bytes: Uint8Array, at: number): Mp3Frame | undefined {
  if (at + 4 > bytes.length || bytes[at] !== 0xff || (bytes[at + 1] & 0xe0) !== 0xe0) return undefined;
  const version = (bytes[at + 1] >> 3) & 3; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
  const layer = (bytes[at + 1] >> 1) & 3; // 1 = Layer III
  if (version === 1 || layer !== 1) return undefined;
  const bitrateIndex = bytes[at + 2] >> 4;
  const rateIndex = (bytes[at + 2] >> 2) & 3;
  if (bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return undefined;
  const padding = (bytes[at + 2] >> 1) & 1;
  const mpeg1 = version === 3;
  const bitrate = (mpeg1 ? BITRATES_V1_L3 : BITRATES_V2_L3)[bitrateIndex] * 1000;
  const sampleRate = SAMPLE_RATES[rateIndex] / (mpeg1 ? 1 : version === 2 ? 2 : 4);
  const samples = mpeg1 ? 1152 : 576;
  const length = Math.floor((samples / 8) * bitrate / sampleRate) + padding;
  return { length, samples, sampleRate };
}

/** Skips an ID3v2 tag (and any zero padding after it). */
function skipId3(bytes: Uint8Array): number {
  let at = 0;
  while (at + 10 <= bytes.length && ascii(bytes, at, 3) === 'ID3') {
    const size = ((bytes[at + 6] & 0x7f) << 21) | ((bytes[at + 7] & 0x7f) << 14) | ((bytes[at + 8] & 0x7f) << 7) | (bytes[at + 9] & 0x7f);
    const footer = bytes[at + 5] & 0x10 ? 10 : 0;
    at += 10 + size + footer;
  }
  while (at < bytes.length && bytes[at] === 0) at++;
  return at;
}

/**
 * Duration of an mp3 by walking its frame headers. It is decodable only if it finds a run of at
 * least `minFrames` consecutive valid frames (a stray 0xFFE sync in other data will not).
 */
export function mp3Duration(bytes: Uint8Array, minFrames = 3): number | undefined {
  let at = skipId3(bytes);
  // Tolerate a little junk before the first frame, as decoders do.
  const searchEnd = Math.min(bytes.length, at + 4096);
  let start = -1;
  for (let i = at; i < searchEnd; i++) {
    let j = i;
    let run = 0;
    while (run < minFrames) {
      const f = parseMp3Frame(bytes, j);
      if (!f) break;
      j += f.length;
      run++;
      if (j >= bytes.length) break;
    }
    if (run >= minFrames || (run > 0 && j >= bytes.length)) {
      start = i;
      break;
    }
  }
  if (start < 0) return undefined;
  at = start;
  let samples = 0;
  let rate = 0;
  let frames = 0;
  for (;;) {
    const f = parseMp3Frame(bytes, at);
    if (!f) break;
    // A Xing/Info/VBRI frame holds metadata, not sound.
    const tag = frames === 0 ? ascii(bytes, at + 4, Math.min(40, f.length)) : '';
    if (!/Xing|Info|VBRI/.test(tag)) samples += f.samples;
    rate = f.sampleRate;
    frames++;
    at += f.length;
  }
  if (frames < Math.min(minFrames, 1) || rate === 0) return undefined;
  return samples / rate;
}

/** Duration from FLAC's STREAMINFO; undefined when the header is broken or the length unknown. */
export function flacDuration(bytes: Uint8Array): number | undefined {
  if (bytes.length < 42 || ascii(bytes, 0, 4) !== 'fLaC' || (bytes[4] & 0x7f) !== 0) return undefined;
  const s = 8; // STREAMINFO body
  const sampleRate = (bytes[s + 10] << 12) | (bytes[s + 11] << 4) | (bytes[s + 12] >> 4);
  const total = (bytes[s + 13] & 0x0f) * 2 ** 32 + ((bytes[s + 14] << 24) >>> 0) + (bytes[s + 15] << 16) + (bytes[s + 16] << 8) + bytes[s + 17];
  if (sampleRate === 0 || total === 0) return undefined;
  return total / sampleRate;
}

export type OggCodec = 'opus' | 'vorbis';

/** The codec of an Ogg stream's first packet and its duration from the last page's granule position. */
export function oggInfo(bytes: Uint8Array): { codec: OggCodec; durationSeconds: number } | undefined {
  if (bytes.length < 28 || ascii(bytes, 0, 4) !== 'OggS') return undefined;
  const segments = bytes[26];
  const body = 27 + segments;
  if (body + 19 > bytes.length) return undefined;
  let codec: OggCodec;
  let rate: number;
  let preSkip = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (ascii(bytes, body, 8) === 'OpusHead') {
    codec = 'opus';
    rate = 48000;
    preSkip = view.getUint16(body + 10, true);
  } else if (bytes[body] === 1 && ascii(bytes, body + 1, 6) === 'vorbis') {
    codec = 'vorbis';
    rate = view.getUint32(body + 12, true);
  } else return undefined;
  if (rate === 0) return undefined;
  for (let at = bytes.length - 27; at >= 0; at--) {
    if (bytes[at] === 0x4f && ascii(bytes, at, 4) === 'OggS') {
      const granule = view.getUint32(at + 6, true) + view.getUint32(at + 10, true) * 2 ** 32;
      if (granule > 0 && granule < 2 ** 52) return { codec, durationSeconds: Math.max(0, granule - preSkip) / rate };
    }
  }
  return undefined;
}

/** Format and duration from the header alone, when the bytes are a container this project reads. */
export function probeHeader(bytes: Uint8Array): { format: SniffedFormat; durationSeconds: number } | undefined {
  const format = sniffFormat(bytes);
  let durationSeconds: number | undefined;
  switch (format) {
    case 'wav':
      try {
        durationSeconds = readWavHeader(bytes).durationSeconds;
      } catch {
        return undefined;
      }
      break;
    case 'mp3':
      durationSeconds = mp3Duration(bytes);
      break;
    case 'flac':
      durationSeconds = flacDuration(bytes);
      break;
    case 'ogg':
      durationSeconds = oggInfo(bytes)?.durationSeconds;
      break;
    default:
      return undefined;
  }
  return durationSeconds === undefined ? undefined : { format, durationSeconds };
}

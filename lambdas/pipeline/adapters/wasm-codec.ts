import type { AudioCodec, AudioInfo, Pcm } from '../../shared/ports';
import { AudioDecodeError, downmix, oggInfo, parseWavChannels, probeHeader, resample } from '../audio';

/** Bit rate of the mp3s we write: speech, mono. */
const MP3_KBPS = 64;
/** Sample rates an MPEG-1/2/2.5 Layer III encoder accepts. */
const MP3_RATES = [8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000];
const MP3_BLOCK = 1152;

interface Decoded {
  readonly channelData: Float32Array[];
  readonly sampleRate: number;
  readonly samplesDecoded?: number;
}

/** Runs one WASM decoder and always frees it (each holds its own wasm memory). */
async function withDecoder<D extends { ready: Promise<void>; free: () => void }>(decoder: D, run: (d: D) => Promise<Decoded> | Decoded): Promise<Decoded> {
  try {
    await decoder.ready;
    return await run(decoder);
  } finally {
    decoder.free();
  }
}

// Decoders are loaded on first use: a cold start pays only for the format it meets.
async function decodeMp3(bytes: Uint8Array): Promise<Decoded> {
  const { MPEGDecoder } = await import('mpg123-decoder');
  return withDecoder(new MPEGDecoder(), (d) => d.decode(bytes));
}

async function decodeFlac(bytes: Uint8Array): Promise<Decoded> {
  const { FLACDecoder } = await import('@wasm-audio-decoders/flac');
  return withDecoder(new FLACDecoder(), (d) => d.decodeFile(bytes));
}

async function decodeOgg(bytes: Uint8Array): Promise<Decoded> {
  if (oggInfo(bytes)?.codec === 'vorbis') {
    const { OggVorbisDecoder } = await import('@wasm-audio-decoders/ogg-vorbis');
    return withDecoder(new OggVorbisDecoder(), (d) => d.decodeFile(bytes));
  }
  const { OggOpusDecoder } = await import('ogg-opus-decoder');
  return withDecoder(new OggOpusDecoder(), (d) => d.decodeFile(bytes));
}

function toInt16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]));
    out[i] = s < 0 ? s * 32768 : s * 32767;
  }
  return out;
}

/**
 * The codec that runs inside Lambda: pure JS and WASM, no binaries. Probing reads headers only
 * (magic bytes, then a header that must parse: mp3 frames, WAV chunks, FLAC STREAMINFO, Ogg pages).
 */
export function createWasmCodec(): AudioCodec {
  return {
    async probe(bytes: Uint8Array): Promise<AudioInfo | undefined> {
      return probeHeader(bytes);
    },

    async decode(bytes: Uint8Array, sampleRate: number): Promise<Pcm> {
      const info = probeHeader(bytes);
      if (!info) throw new AudioDecodeError('not a recognised audio file (mp3, wav, flac or ogg)');
      let decoded: Decoded;
      try {
        switch (info.format) {
          case 'wav':
            decoded = parseWavChannels(bytes);
            break;
          case 'mp3':
            decoded = await decodeMp3(bytes);
            break;
          case 'flac':
            decoded = await decodeFlac(bytes);
            break;
          default:
            decoded = await decodeOgg(bytes);
        }
      } catch (error) {
        throw new AudioDecodeError(`could not decode the ${info.format} file: ${(error as Error).message}`, { cause: error });
      }
      const length = decoded.samplesDecoded;
      const channels = length === undefined ? decoded.channelData : decoded.channelData.map((c) => c.subarray(0, length));
      if (channels.length === 0 || channels[0].length === 0) throw new AudioDecodeError(`the ${info.format} file holds no audio`);
      return resample({ sampleRate: decoded.sampleRate, samples: downmix(channels) }, sampleRate);
    },

    async encodeMp3(pcm: Pcm): Promise<Uint8Array> {
      const { Mp3Encoder } = await import('@breezystack/lamejs');
      const rate = MP3_RATES.includes(pcm.sampleRate) ? pcm.sampleRate : 16000;
      const samples = toInt16(resample(pcm, rate).samples);
      const encoder = new Mp3Encoder(1, rate, MP3_KBPS);
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < samples.length; i += MP3_BLOCK) {
        const out = encoder.encodeBuffer(samples.subarray(i, i + MP3_BLOCK));
        if (out.length > 0) chunks.push(new Uint8Array(out));
      }
      const tail = encoder.flush();
      if (tail.length > 0) chunks.push(new Uint8Array(tail));
      const total = chunks.reduce((n, c) => n + c.length, 0);
      const mp3 = new Uint8Array(total);
      let at = 0;
      for (const c of chunks) {
        mp3.set(c, at);
        at += c.length;
      }
      return mp3;
    },
  };
}

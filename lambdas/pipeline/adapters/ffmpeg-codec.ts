import type { AudioCodec, AudioInfo, Pcm } from '../../shared/ports';
import { AudioDecodeError, sniffFormat } from '../audio';
import { runProcess } from '../audio/process';

export interface FfmpegCodecOptions {
  /** Default 'ffmpeg' (Debian's, on PATH). */
  readonly ffmpegPath?: string;
  /** Default 'ffprobe'. */
  readonly ffprobePath?: string;
}

/** ffprobe's format names for the containers we accept. */
const FORMAT_NAMES: Record<string, string> = { mp3: 'mp3', wav: 'wav', flac: 'flac', ogg: 'ogg' };

/**
 * The codec for local mode: Debian's ffmpeg through pipes (no temporary files). Same behaviour as
 * the WASM codec: magic bytes first, then ffprobe must find an audio stream in that container.
 */
export function createFfmpegCodec(options: FfmpegCodecOptions = {}): AudioCodec {
  const ffmpeg = options.ffmpegPath ?? 'ffmpeg';
  const ffprobe = options.ffprobePath ?? 'ffprobe';

  async function decode(bytes: Uint8Array, sampleRate: number): Promise<Pcm> {
    let stdout: Buffer;
    try {
      ({ stdout } = await runProcess(ffmpeg, ['-nostdin', '-v', 'error', '-i', 'pipe:0', '-vn', '-ac', '1', '-ar', String(sampleRate), '-f', 'f32le', 'pipe:1'], bytes));
    } catch (error) {
      throw new AudioDecodeError(`ffmpeg could not decode the audio: ${(error as Error).message}`, { cause: error });
    }
    // Copy into an aligned buffer: a Buffer's byteOffset need not be a multiple of 4.
    const samples = new Float32Array(stdout.length >> 2);
    new Uint8Array(samples.buffer).set(stdout.subarray(0, samples.length * 4));
    if (samples.length === 0) throw new AudioDecodeError('the file holds no audio');
    return { sampleRate, samples };
  }

  return {
    async probe(bytes: Uint8Array): Promise<AudioInfo | undefined> {
      const sniffed = sniffFormat(bytes);
      if (!sniffed) return undefined;
      let report: { format?: { format_name?: string; duration?: string }; streams?: Array<{ codec_type?: string; duration?: string }> };
      try {
        const { stdout } = await runProcess(ffprobe, ['-v', 'error', '-show_entries', 'format=format_name,duration:stream=codec_type,duration', '-of', 'json', '-i', 'pipe:0'], bytes);
        report = JSON.parse(stdout.toString('utf8'));
      } catch {
        return undefined;
      }
      const names = (report.format?.format_name ?? '').split(',');
      if (!names.includes(FORMAT_NAMES[sniffed]) || !report.streams?.some((s) => s.codec_type === 'audio')) return undefined;
      let durationSeconds = Number(report.format?.duration ?? report.streams?.find((s) => s.codec_type === 'audio')?.duration);
      if (!Number.isFinite(durationSeconds)) {
        // Piped input gives no duration for some containers: count the decoded samples instead.
        try {
          const pcm = await decode(bytes, 8000);
          durationSeconds = pcm.samples.length / pcm.sampleRate;
        } catch {
          return undefined;
        }
      }
      return { format: sniffed, durationSeconds };
    },

    decode,

    async encodeMp3(pcm: Pcm): Promise<Uint8Array> {
      const raw = new Uint8Array(pcm.samples.buffer, pcm.samples.byteOffset, pcm.samples.byteLength);
      const { stdout } = await runProcess(
        ffmpeg,
        ['-nostdin', '-v', 'error', '-f', 'f32le', '-ar', String(pcm.sampleRate), '-ac', '1', '-i', 'pipe:0', '-c:a', 'libmp3lame', '-b:a', '64k', '-f', 'mp3', 'pipe:1'],
        raw,
      );
      return new Uint8Array(stdout.buffer, stdout.byteOffset, stdout.byteLength);
    },
  };
}

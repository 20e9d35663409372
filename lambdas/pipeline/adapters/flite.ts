import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pcm, TextToSpeech } from '../../shared/ports';
import { parseWav, resample, splice } from '../audio';
import { runProcess } from '../audio/process';

export interface FliteOptions {
  /** Default 'slt' (a 16 kHz voice that pocketsphinx recognises well). */
  readonly voice?: string;
  /** Default 'flite' (Debian's, on PATH). */
  readonly binary?: string;
  /** Longest text per flite run, in characters (default 1000). */
  readonly maxChunkChars?: number;
}

/** Output rate of every clip, whatever the voice's own rate. */
export const FLITE_SAMPLE_RATE = 16000;

/** Splits text at sentence ends (else at spaces) into pieces of at most `max` characters. */
export function chunkText(text: string, max: number): string[] {
  const sentences = text.trim().split(/(?<=[.!?;:])\s+/).filter(Boolean);
  const chunks: string[] = [];
  let current = '';
  const flush = () => {
    if (current) chunks.push(current);
    current = '';
  };
  for (const sentence of sentences) {
    if (sentence.length > max) {
      flush();
      for (const word of sentence.split(/\s+/)) {
        if (current && current.length + 1 + word.length > max) flush();
        current = current ? `${current} ${word}` : word;
      }
      flush();
    } else if (current && current.length + 1 + sentence.length > max) {
      flush();
      current = sentence;
    } else current = current ? `${current} ${sentence}` : sentence;
  }
  flush();
  return chunks;
}

/** Text to speech with Debian's flite, one process per chunk, writing its WAV to a pipe. */
export function createFliteTts(options: FliteOptions = {}): TextToSpeech {
  const voice = options.voice ?? 'slt';
  const binary = options.binary ?? 'flite';
  const max = options.maxChunkChars ?? 1000;

  // flite cannot write to Node's stdout socket, so each clip goes through a private temp file, always removed.
  async function speak(text: string): Promise<Float32Array> {
    const dir = await mkdtemp(join(tmpdir(), 'flite-'));
    try {
      const file = join(dir, 'speech.wav');
      await runProcess(binary, ['-voice', voice, '-t', text, '-o', file]);
      const pcm = parseWav(new Uint8Array(await readFile(file)));
      return resample(pcm, FLITE_SAMPLE_RATE).samples;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  return {
    // flite speaks English only; `language` is accepted and ignored.
    async synthesize(text: string): Promise<Pcm> {
      const chunks = chunkText(text, max);
      const clips: Float32Array[] = [];
      for (const chunk of chunks) clips.push(await speak(chunk));
      return splice(clips, FLITE_SAMPLE_RATE, 0);
    },
  };
}

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AudioCodec, SpeechToText, TimedWord, Transcript, TranscriptionRequest, TranscriptionStatus } from '../../shared/ports';
import { splitAtPauses, writeWav } from '../audio';
import { runProcess } from '../audio/process';

/** What the adapter writes to the request's output object. */
export type PocketsphinxOutput = { readonly status: 'completed'; readonly transcript: Transcript } | { readonly status: 'failed'; readonly reason: string };

export interface PocketsphinxOptions {
  /** Reads an object; resolves undefined, or rejects with NoSuchKey / NotFound / a 404, when it is absent. */
  readObject(bucket: string, key: string): Promise<Uint8Array | undefined>;
  writeObject(bucket: string, key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  codec: AudioCodec;
  /** Default 'pocketsphinx_continuous' (Debian pocketsphinx + pocketsphinx-en-us). */
  binary?: string;
  /** Decoder flags after -infile/-time (default DEFAULT_DECODER_ARGS); e.g. add ['-hmm', dir, '-lm', file, '-dict', file]. */
  decoderArgs?: readonly string[];
  /** Decoder processes at once across all jobs (default: the number of cores). */
  maxProcesses?: number;
  /** A recording is cut at pauses into pieces of at least this many seconds, decoded in parallel (default 15). */
  minPieceSeconds?: number;
}

/**
 * Tighter search beams than the defaults: on flite speech they cut decoder CPU time by ~40 %
 * with the same word error rate (10 % on a 47 s story).
 */
export const DEFAULT_DECODER_ARGS: readonly string[] = ['-maxhmmpf', '3000', '-maxwpf', '10'];

const RATE = 16000;
const LANGUAGE = 'en-US';
const WORD_LINE = /^(\S+)\s+(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?(?:e-?\d+)?)$/;

/**
 * Parses `pocketsphinx_continuous -time yes` output: per utterance a hypothesis line, then one
 * "word start end posterior" line per segment. Silence, sentence markers and fillers are dropped,
 * alternate pronunciations ("read(2)") lose their suffix, words are lower-cased.
 */
export function parsePocketsphinxOutput(stdout: string, offsetSeconds = 0): TimedWord[] {
  const words: TimedWord[] = [];
  for (const line of stdout.split('\n')) {
    const m = WORD_LINE.exec(line.trim());
    if (!m) continue;
    const token = m[1];
    if (/^(<.*>|\[.*\]|\+\+.*\+\+)$/.test(token)) continue;
    const text = token.replace(/\(\d+\)$/, '').toLowerCase();
    if (!text) continue;
    const round = (s: string) => Math.round((Number(s) + offsetSeconds) * 1000) / 1000;
    words.push({ text, start: round(m[2]), end: round(m[3]), confidence: Math.max(0, Math.min(1, Number(m[4]))) });
  }
  return words;
}

function isAbsent(error: unknown): boolean {
  const e = error as { name?: string; code?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
  return ['NoSuchKey', 'NotFound'].includes(e?.name ?? '') || ['NoSuchKey', 'NotFound', 'ENOENT'].includes(e?.code ?? e?.Code ?? '') || e?.$metadata?.httpStatusCode === 404;
}

/** A counting semaphore: at most `limit` decoder processes run at once. */
function limiter(limit: number) {
  let active = 0;
  const queue: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => queue.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      queue.shift()?.();
    }
  };
}

/**
 * Local speech to text. start() returns at once and decodes in the background (child processes,
 * so other jobs keep running); the result or the failure lands as JSON at the request's output
 * object, which check() reads. The same jobId is never decoded twice while running or once done.
 */
export function createPocketsphinxStt(options: PocketsphinxOptions): SpeechToText {
  const binary = options.binary ?? 'pocketsphinx_continuous';
  const run = limiter(options.maxProcesses ?? availableParallelism());
  const running = new Map<string, Promise<void>>();
  /** Failures whose record could not be written either. */
  const unrecorded = new Map<string, string>();

  async function readOutput(request: TranscriptionRequest): Promise<PocketsphinxOutput | undefined> {
    let bytes: Uint8Array | undefined;
    try {
      bytes = await options.readObject(request.outputBucket, request.outputKey);
    } catch (error) {
      if (isAbsent(error)) return undefined;
      throw error;
    }
    return bytes ? (JSON.parse(Buffer.from(bytes).toString('utf8')) as PocketsphinxOutput) : undefined;
  }

  async function decodePiece(wav: Uint8Array, offsetSeconds: number): Promise<TimedWord[]> {
    return run(async () => {
      const dir = await mkdtemp(join(tmpdir(), 'pocketsphinx-'));
      try {
        const file = join(dir, 'audio.wav');
        await writeFile(file, wav);
        const { stdout } = await runProcess(binary, ['-infile', file, '-time', 'yes', '-logfn', '/dev/null', ...(options.decoderArgs ?? DEFAULT_DECODER_ARGS)]);
        return parsePocketsphinxOutput(stdout.toString('utf8'), offsetSeconds);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }

  async function transcribe(request: TranscriptionRequest): Promise<Transcript> {
    const media = await options.readObject(request.bucket, request.key);
    if (!media) throw new Error(`no object at ${request.bucket}/${request.key}`);
    const pcm = await options.codec.decode(media, RATE);
    const cuts = splitAtPauses(pcm, options.maxProcesses ?? availableParallelism(), options.minPieceSeconds ?? 15);
    const pieces = await Promise.all(
      cuts.slice(0, -1).map((from, i) => decodePiece(writeWav({ sampleRate: RATE, samples: pcm.samples.subarray(from, cuts[i + 1]) }), from / RATE)),
    );
    const words = pieces.flat();
    return { text: words.map((w) => w.text).join(' '), words, language: LANGUAGE };
  }

  async function job(request: TranscriptionRequest): Promise<void> {
    if (await readOutput(request)) return; // finished earlier
    let output: PocketsphinxOutput;
    try {
      output = { status: 'completed', transcript: await transcribe(request) };
    } catch (error) {
      output = { status: 'failed', reason: (error as Error).message };
    }
    try {
      await options.writeObject(request.outputBucket, request.outputKey, Buffer.from(JSON.stringify(output)), 'application/json');
    } catch (error) {
      unrecorded.set(request.jobId, output.status === 'failed' ? output.reason : `could not store the transcript: ${(error as Error).message}`);
    }
  }

  function ensureStarted(request: TranscriptionRequest): void {
    if (running.has(request.jobId)) return;
    unrecorded.delete(request.jobId);
    const work = job(request)
      .catch((error: Error) => {
        unrecorded.set(request.jobId, error.message);
      })
      .finally(() => running.delete(request.jobId));
    running.set(request.jobId, work);
  }

  return {
    async start(request: TranscriptionRequest): Promise<void> {
      ensureStarted(request);
    },

    async check(request: TranscriptionRequest): Promise<TranscriptionStatus> {
      const output = await readOutput(request);
      if (output?.status === 'completed') return { state: 'completed', transcript: output.transcript };
      if (output?.status === 'failed') return { state: 'failed', reason: output.reason };
      const lost = unrecorded.get(request.jobId);
      if (lost !== undefined && !running.has(request.jobId)) return { state: 'failed', reason: lost };
      // Nothing stored and nothing running (say, local mode restarted mid-job): start it again.
      ensureStarted(request);
      return { state: 'in-progress' };
    },
  };
}

/** Test recordings made on the spot with flite (voice slt, which pocketsphinx hears well) and heard back with pocketsphinx. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createFfmpegCodec } from '../../../lambdas/pipeline/adapters/ffmpeg-codec';
import { createFliteTts } from '../../../lambdas/pipeline/adapters/flite';
import { createPocketsphinxStt } from '../../../lambdas/pipeline/adapters/pocketsphinx';

const codec = createFfmpegCodec();
const tts = createFliteTts({ voice: 'slt' });

/** Speaks `text` into `<dir>/<name>.mp3`; returns the path and the length in seconds. */
export async function speakToMp3(text: string, dir: string, name: string): Promise<{ path: string; seconds: number }> {
  await mkdir(dir, { recursive: true });
  const pcm = await tts.synthesize(text, { language: 'en-US' });
  const path = join(dir, `${name}.mp3`);
  await writeFile(path, await codec.encodeMp3(pcm));
  return { path, seconds: pcm.samples.length / pcm.sampleRate };
}

/** Transcribes an audio file with the pocketsphinx adapter over an in-memory store; lower-case words. */
export async function transcribeFile(path: string): Promise<string> {
  const objects = new Map<string, Uint8Array>([['in/audio', new Uint8Array(await readFile(path))]]);
  const stt = createPocketsphinxStt({
    codec,
    readObject: async (bucket, key) => objects.get(`${bucket}/${key}`),
    writeObject: async (bucket, key, bytes) => void objects.set(`${bucket}/${key}`, bytes),
  });
  const request = { jobId: path, bucket: 'in', key: 'audio', mediaFormat: 'mp3', outputBucket: 'out', outputKey: 'transcript.json' };
  await stt.start(request);
  for (;;) {
    const status = await stt.check(request);
    if (status.state === 'completed') return status.transcript.text;
    if (status.state === 'failed') throw new Error(`pocketsphinx could not transcribe ${path}: ${status.reason}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Lower-case words without punctuation. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9']+/)
    .filter(Boolean);
}

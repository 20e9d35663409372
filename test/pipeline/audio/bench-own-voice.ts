/**
 * Benchmark: transcribe + own-voice render for a ~60 s flite recording with a few edits, through
 * the local engines (pocketsphinx, flite, ffmpeg or WASM codec). Prints wall times as a fraction
 * of the audio's length. Run: npx tsx test/pipeline/audio/bench-own-voice.ts [ffmpeg|wasm] [out.mp3]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { TextEdit } from '../../../lambdas/grammar/port';
import { createFfmpegCodec } from '../../../lambdas/pipeline/adapters/ffmpeg-codec';
import { createFliteTts } from '../../../lambdas/pipeline/adapters/flite';
import { createPocketsphinxStt } from '../../../lambdas/pipeline/adapters/pocketsphinx';
import { createWasmCodec } from '../../../lambdas/pipeline/adapters/wasm-codec';
import { renderOwnVoice } from '../../../lambdas/pipeline/audio';

const STORY = `Last summer my family and I went to the mountains for a week. We stayed in a small cabin near a lake.
Every morning my father cooked breakfast while my sister and I went swimming. The water was very cold but we enjoyed it anyway.
In the afternoon we walked through the forest and looked for birds. One day we saw a large eagle sitting on a tree.
My mother took many pictures of it. In the evening we sat by the fire and told stories.
My brother told a funny story about a bear who wanted to learn how to dance. Everyone laughed until they cried.
On the last day it started to rain, so we stayed inside and played cards. I won three games in a row.
When we drove home, we were all tired but happy. We unpacked our bags and ate a big dinner together.
My little cousin came with us for the first time and she loved every minute of it.
The next morning my sister showed her photos to all of her friends at school.
Our neighbours asked us where we had been, and my father told them about the lake and the eagle.
I hope we can go back there next year, because it was the best holiday we have ever had.`;

/** CPU seconds used by this process's finished children (Linux /proc: cutime + cstime). */
function childCpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

async function main(): Promise<void> {
  const codec = process.argv[2] === 'wasm' ? createWasmCodec() : createFfmpegCodec();
  const tts = createFliteTts();
  const objects = new Map<string, Uint8Array>();
  const store = {
    readObject: async (b: string, k: string) => objects.get(`${b}/${k}`),
    writeObject: async (b: string, k: string, bytes: Uint8Array) => void objects.set(`${b}/${k}`, bytes),
  };
  objects.set('in/rec.mp3', await codec.encodeMp3(await tts.synthesize(STORY, { language: 'en-US' })));
  const stt = createPocketsphinxStt({ ...store, codec });
  const req = { jobId: 'bench', bucket: 'in', key: 'rec.mp3', mediaFormat: 'mp3', outputBucket: 'out', outputKey: 'stt.json' };

  const cpu0 = childCpuSeconds();
  const t0 = performance.now();
  await stt.start(req);
  let status = await stt.check(req);
  while (status.state === 'in-progress') {
    await new Promise((r) => setTimeout(r, 50));
    status = await stt.check(req);
  }
  const t1 = performance.now();
  const sttCpu = childCpuSeconds() - cpu0;
  if (status.state !== 'completed') throw new Error(`transcription failed: ${status.reason}`);
  const words = status.transcript.words;
  const w = words.map((x) => x.text);
  // Four edits of each kind at spread-out places: replacement, insertion, two-word replacement, deletion.
  const at = [Math.floor(w.length * 0.1), Math.floor(w.length * 0.3), Math.floor(w.length * 0.6), Math.floor(w.length * 0.85)];
  const edits: TextEdit[] = [
    { start: 0, end: 0, wordStart: at[0], wordEnd: at[0] + 1, original: w[at[0]], corrected: 'friends' },
    { start: 0, end: 0, wordStart: at[1], wordEnd: at[1], original: '', corrected: 'very' },
    { start: 0, end: 0, wordStart: at[2], wordEnd: at[2] + 2, original: w.slice(at[2], at[2] + 2).join(' '), corrected: 'walked slowly' },
    { start: 0, end: 0, wordStart: at[3], wordEnd: at[3] + 1, original: w[at[3]], corrected: '' },
  ];
  const corrected = [...w.slice(0, at[0]), 'friends', ...w.slice(at[0] + 1, at[1]), 'very', ...w.slice(at[1], at[2]), 'walked', 'slowly', ...w.slice(at[2] + 2, at[3]), ...w.slice(at[3] + 1)].join(' ');

  const t2 = performance.now();
  const original = await codec.decode(objects.get('in/rec.mp3')!, 24000);
  const rendered = await renderOwnVoice({ original, words, edits, correctedText: corrected, tts, language: 'en-US' });
  const mp3 = await codec.encodeMp3(rendered.pcm);
  const t3 = performance.now();

  const seconds = original.samples.length / original.sampleRate;
  const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s (${(ms / 1000 / seconds).toFixed(3)}x)`;
  console.log(`codec ${process.argv[2] === 'wasm' ? 'wasm' : 'ffmpeg'}; audio ${seconds.toFixed(1)} s; ${words.length} words; load average ${loadavg()[0].toFixed(2)}`);
  console.log(`transcribe (pocketsphinx) ${fmt(t1 - t0)} wall, ${sttCpu.toFixed(2)} s decoder CPU`);
  console.log(`decode + own-voice render (${rendered.spans.length} spans) + mp3 encode ${fmt(t3 - t2)}; mp3 ${mp3.length} bytes`);
  console.log(`total ${fmt(t1 - t0 + t3 - t2)}`);
  if (process.argv[3]) writeFileSync(process.argv[3], mp3); // to listen to, or to re-transcribe
  for (const s of rendered.spans) console.log(`  ${s.start.toFixed(2)}-${s.end.toFixed(2)} s  "${s.original}" -> "${s.text}"`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/**
 * `npm run bench:local [-- --runs N]`: a ~60 s flite recording end to end through local mode via the
 * client. Prints wall time from upload request to file-ready (and as a fraction of the audio's length;
 * target ≤ 0.3×), per-stage timings, and peak memory of this process (which hosts the runtime) and
 * of its child processes (ffmpeg, pocketsphinx, flite), sampled from /proc.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { VoiceCorrectionClient, oneLine, type CorrectionResult } from '../../client/src';
import { startLocal } from '../../local/start';
import { speakToMp3 } from '../e2e/support/audio';

/** About a minute of speech with errors learners make. */
const TEXT = [
  'Last summer my family and I go to the seaside for two weeks.',
  'The weather was warm and the water was very clear.',
  'Every morning my brother and me walked along the beach before breakfast.',
  'We was always hungry when we come back to the hotel.',
  'My mother like to read books under a big umbrella, and my father swim far from the shore.',
  'One day we visit a small village near the mountains.',
  'The people there was very friendly and they show us how to make bread.',
  'He don\u2019t speak English, but we understood each other with our hands.',
  'In the evening we eat fresh fish in a restaurant by the harbour.',
  'I has many photos of that holiday on my phone.',
  'On the last day it rain all morning, so we stayed inside and played cards with the other families.',
  'My little sister win every game, and she was very proud of herself.',
  'In the afternoon the sun come out again and we went swimming one more time.',
  'The next morning we drive home early, because my father have to work on Monday.',
  'The journey take six hours, and everybody was tired when we arrived.',
  'Next year we want to go there again, because it was the best holiday we ever have.',
].join(' ');

/** Data directory of the benchmark's runtime (kept: the synthesized app is cached there). */
const DATA_DIR = '.bench/local-data';
const SAMPLE_MS = 100;

const kb = (n: number) => `${(n / 1024).toFixed(0)} MB`;

/** VmRSS / VmHWM of a process in kB; undefined once it is gone. */
function status(pid: number | 'self'): { rss: number; hwm: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
    return { rss: field('VmRSS'), hwm: field('VmHWM') };
  } catch {
    return undefined;
  }
}

/** Every descendant of this process (children of children too). */
function descendants(): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Field 4 of /proc/PID/stat is the parent pid; the command name (field 2) may hold spaces.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // exited meanwhile
    }
  }
  const found: number[] = [];
  let frontier = [process.pid];
  while (frontier.length > 0) {
    const next = [...parent].filter(([, ppid]) => frontier.includes(ppid)).map(([pid]) => pid);
    found.push(...next);
    frontier = next;
  }
  return found;
}

/** Samples memory until stopped: peak of the children's summed RSS, largest child, and self + children together. */
function memorySampler() {
  const peak = { children: 0, largestChild: 0, total: 0, processes: 0 };
  const hwm = new Map<number, number>();
  const timer = setInterval(() => {
    const self = status('self')?.rss ?? 0;
    let sum = 0;
    const kids = descendants();
    for (const pid of kids) {
      const s = status(pid);
      if (!s) continue;
      sum += s.rss;
      hwm.set(pid, Math.max(hwm.get(pid) ?? 0, s.hwm));
    }
    peak.children = Math.max(peak.children, sum);
    peak.total = Math.max(peak.total, self + sum);
    peak.processes = Math.max(peak.processes, kids.length);
  }, SAMPLE_MS);
  return {
    stop() {
      clearInterval(timer);
      peak.largestChild = Math.max(0, ...hwm.values());
      return peak;
    },
  };
}

function report(run: number, seconds: number, result: CorrectionResult): number {
  const from = result.stageTimes['requesting-upload'] ?? 0;
  const ready = (result.stageTimes.done ?? result.elapsedMs) - from;
  const ratio = ready / 1000 / seconds;
  console.log(`\nrun ${run}: ${result.edits.length} edits, notified via ${result.via}`);
  console.log(`  upload request → file-ready  ${(ready / 1000).toFixed(2)} s = ${ratio.toFixed(3)}× audio length (target ≤ 0.3×) ${ratio <= 0.3 ? 'OK' : 'OVER'}`);
  console.log(`  pipeline stages (ms)         ${Object.entries(result.timings).map(([k, v]) => `${k} ${v}`).join(' · ')}`);
  const seen = Object.entries(result.stageTimes).map(([k, v]) => `${k} ${((v! - from) / 1000).toFixed(2)}`);
  console.log(`  seen by the client (s)       ${seen.join(' · ')}`);
  return ratio;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '1' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got "${values.runs}"`);

  const dir = await mkdtemp(join(tmpdir(), 'vc-bench-'));
  const t0 = Date.now();
  const runtime = await startLocal({ dataDir: DATA_DIR, verbose: false, deliverCode: () => undefined });
  try {
    console.log(`local mode ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const sample = await speakToMp3(TEXT, dir, 'holiday');
    console.log(`recording: ${sample.seconds.toFixed(1)} s of flite speech (${TEXT.split(' ').length} words)`);
    const client = await VoiceCorrectionClient.fromOutputsFile(runtime.outputsFile);
    await client.ensureUser('bench@example.com', 'Bench-Passw0rd!');

    const sampler = memorySampler();
    const ratios: number[] = [];
    for (let run = 1; run <= runs; run++) {
      const result = await client.correctFile(sample.path, { requireSocket: true });
      ratios.push(report(run, sample.seconds, result));
    }
    const peak = sampler.stop();
    const self = status('self')!;
    console.log(`\nmemory: this process (runtime + client) peak RSS ${kb(self.hwm)} (resourceUsage maxRSS ${kb(process.resourceUsage().maxRSS)})`);
    console.log(`        child processes: peak ${kb(peak.children)} together (up to ${peak.processes} at once), largest single child ${kb(peak.largestChild)}`);
    console.log(`        sampled peak of process + children together: ${kb(peak.total)}`);
    if (runs > 1) console.log(`ratio over ${runs} runs: ${ratios.map((r) => r.toFixed(3)).join(', ')}`);
  } finally {
    await runtime.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`bench:local failed: ${oneLine(e)}`);
    process.exit(1);
  },
);

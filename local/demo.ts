/**
 * `npm run demo -- [FILE]`: starts local mode, corrects FILE (or a generated sample) with the
 * voice-correct CLI, re-transcribes the corrected mp3 to show the fix was spoken, and stops.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { VoiceCorrectionClient, oneLine } from '../client/src';
import { run as runCli } from '../client/src/cli';
import { LOCAL_DEFAULT_USER } from '../client/src/cli-config';
import { correctedPathFor } from '../client/src/client';
import { speakToMp3, transcribeFile, wordsOf } from '../test/e2e/support/audio';
import { startLocal, type LocalRuntime } from './start';

/** Errors learners make, in sentences the local engines hear and correct reliably. */
const SAMPLE_TEXT = "We was late for the meeting. Yesterday I go to the market. He don't know the answer.";
const DATA_DIR = '.local-data';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Words of `text` absent from `reference`, bracketed. */
function markNew(text: string, reference: string): string {
  const known = new Set(wordsOf(reference));
  return wordsOf(text)
    .map((w) => (known.has(w) ? w : `[${w}]`))
    .join(' ');
}

async function demo(argv: readonly string[], onRuntime: (r: LocalRuntime) => void): Promise<number> {
  if (argv.length > 1) throw new Error('usage: npm run demo -- [FILE]');
  const t0 = Date.now();
  console.log('Starting local mode (the first start synthesizes the CDK app, ~30 s)…');
  const runtime = await startLocal({ dataDir: DATA_DIR, verbose: false });
  onRuntime(runtime);
  console.log(`Local mode ready in ${seconds(Date.now() - t0)}; outputs in ${runtime.outputsFile}\n`);

  let file: string;
  if (argv[0] !== undefined) file = resolve(argv[0]);
  else {
    const sample = await speakToMp3(SAMPLE_TEXT, join(DATA_DIR, 'demo'), 'sample');
    file = resolve(sample.path);
    console.log(`Sample recording (flite, ${sample.seconds.toFixed(1)} s): ${file}\n  "${SAMPLE_TEXT}"\n`);
  }

  console.log(`$ voice-correct ${file}`);
  const code = await runCli([file, '--outputs', runtime.outputsFile], {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  });
  if (code !== 0) return code;

  // The CLI signed in the local default user: its newest job is the one just corrected.
  const client = await VoiceCorrectionClient.fromOutputsFile(runtime.outputsFile);
  await client.ensureUser(LOCAL_DEFAULT_USER.email, LOCAL_DEFAULT_USER.password);
  const [job] = (await client.listJobs({ limit: 1 })).items;
  if (!job?.result) throw new Error('the corrected job is not in the job list');
  console.log('\nPer-stage timings (pipeline):');
  for (const [stage, ms] of Object.entries(job.timings ?? {})) console.log(`  ${stage.padEnd(12)} ${String(ms).padStart(6)} ms`);

  const output = correctedPathFor(file);
  const heard = await transcribeFile(output);
  console.log('\nRe-transcribed with pocketsphinx (words not in the original transcript in [brackets]):');
  console.log(`  original:  ${job.result.transcript}`);
  console.log(`  corrected: ${job.result.correctedText}`);
  console.log(`  output:    ${markNew(heard, job.result.transcript)}`);
  console.log(`\nDone in ${seconds(Date.now() - t0)}. Corrected recording: ${output}`);
  return 0;
}

async function main(): Promise<void> {
  let runtime: LocalRuntime | undefined;
  const stop = async () => {
    await runtime?.stop();
  };
  process.once('SIGINT', () => {
    console.log('\nSIGINT: stopping local mode…');
    stop().finally(() => process.exit(130));
  });
  let code: number;
  try {
    await mkdir(DATA_DIR, { recursive: true });
    code = await demo(process.argv.slice(2), (r) => (runtime = r));
  } catch (e) {
    console.error(`demo failed: ${oneLine(e)}`);
    code = 1;
  }
  await stop().catch((e: unknown) => console.error(`demo: stopping local mode failed: ${oneLine(e)}`));
  // Keep-alive sockets and the WASM grammar engine must not hold the process open.
  process.stdout.write('', () => process.exit(code));
}

void main();

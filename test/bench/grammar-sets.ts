/**
 * Grammar benchmark on sets of sentences rather than GLEU: how much text that needs no correction
 * the engine changes (precision), and how many learner sentences it turns into their reference
 * correction (recall). Usage: npm run bench:grammar-sets [-- --jfleg DIR] [--show]
 * Sets: test/bench/data (see its README), and JFLEG dev's corrected references when DIR (default
 * ../shared/benchmarks/jfleg-dev) holds them. `--show` prints the changes made to the sets that may be
 * read: never the held-out ones.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../lib/constructs/house-function';
import { detokenize } from '../../lambdas/grammar/bench/ptb';
import { bundleEngine, type Engine } from './grammar-engine';

const DATA = join(PROJECT_ROOT, 'test/bench/data');
const lines = (file: string): string[] => readFileSync(file, 'utf8').replace(/\n$/, '').split('\n');

/**
 * Two sentences match when they differ at most in case and a final stop: a correction and its
 * reference, or correct text and what correcting a transcript adds to it (capitals, a full stop).
 */
const matches = (output: string, reference: string): boolean =>
  output.trim().replace(/[.!?]$/, '').toLowerCase() === reference.trim().replace(/[.!?]$/, '').toLowerCase();

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const show = argv.includes('--show');
  const jfleg = argv.includes('--jfleg') ? argv[argv.indexOf('--jfleg') + 1] : join(PROJECT_ROOT, '../shared/benchmarks/jfleg-dev');
  const { createOfflineCorrector } = (await import(bundleEngine())) as Engine;
  const corrector = await createOfflineCorrector();
  const correct = async (text: string, language?: string): Promise<string> => (await corrector.correct(text, { language })).corrected;

  const unchangedSets: { name: string; sentences: string[]; readable: boolean; language?: string }[] = [];
  if (existsSync(join(jfleg, 'dev.ref0'))) {
    const refs = [0, 1, 2, 3].flatMap((k) => lines(join(jfleg, `dev.ref${k}`)).map(detokenize));
    unchangedSets.push({ name: "JFLEG dev's corrected references", sentences: refs, readable: true });
  } else console.log(`(no JFLEG references at ${jfleg}; skipping them)`);
  unchangedSets.push({ name: 'everyday speech, correct (tuning)', sentences: lines(join(DATA, 'speech-correct-tuning.txt')), readable: true });
  // Its writer spelled the British way ("neighbour", "centre"): as an en-GB job's transcript, kept.
  unchangedSets.push({ name: 'everyday speech, correct (tuning), as en-GB', sentences: lines(join(DATA, 'speech-correct-tuning.txt')), readable: true, language: 'en-GB' });
  unchangedSets.push({ name: 'everyday speech, correct (tuning 2)', sentences: lines(join(DATA, 'speech-correct-tuning-2.txt')), readable: true });
  unchangedSets.push({ name: 'everyday speech, correct, 25 kinds of structure', sentences: lines(join(DATA, 'speech-correct-structures.txt')), readable: true });
  unchangedSets.push({ name: 'everyday speech, correct (held out)', sentences: lines(join(DATA, 'speech-correct-held-out.txt')), readable: false });
  unchangedSets.push({ name: 'everyday speech, correct near misses of learner errors', sentences: lines(join(DATA, 'speech-correct-near-misses.txt')), readable: true });
  unchangedSets.push({ name: 'everyday speech, correct near misses (held out)', sentences: lines(join(DATA, 'speech-correct-near-misses-held-out.txt')), readable: false });
  for (const set of unchangedSets) {
    let [changed, beyondForm] = [0, 0];
    for (const sentence of set.sentences) {
      const out = await correct(sentence, set.language);
      if (out === sentence) continue;
      changed++;
      if (matches(sentence, out)) continue;
      beyondForm++;
      if (show && set.readable) console.log(`  ${sentence}\n    → ${out}`);
    }
    console.log(`${set.name}: ${changed} of ${set.sentences.length} changed; ${beyondForm} beyond capitals and a final stop`);
  }
  const learnerSets = [
    ['everyday speech, learners (tuning)', 'speech-learner-tuning.tsv', true],
    ['everyday speech, learners (tuning 2)', 'speech-learner-tuning-2.tsv', true],
    ['everyday speech, learners (held out)', 'speech-learner-held-out.tsv', false],
    ['everyday speech, learners (held out 2)', 'speech-learner-held-out-2.tsv', false],
  ] as const;
  for (const [name, file, readable] of learnerSets) {
    const pairs = lines(join(DATA, file)).map((l) => l.split('\t') as [string, string]);
    let [exact, untouched] = [0, 0];
    for (const [learner, reference] of pairs) {
      const out = await correct(learner);
      if (matches(out, reference)) exact++;
      else if (matches(out, learner)) untouched++;
      else if (show && readable) console.log(`  ${learner}\n    → ${out}\n    reference: ${reference}`);
    }
    console.log(`${name}: ${exact} of ${pairs.length} corrected to the reference; ${untouched} left as they were; ${pairs.length - exact - untouched} changed otherwise`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

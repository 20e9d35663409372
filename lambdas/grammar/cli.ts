/** correct-text "he go to school" (or text on stdin): prints the corrected text and the edits. */
import { createCorrectorFromConfig } from './index';
import type { Correction } from './port';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function formatCorrection(c: Correction): string {
  const lines = [c.corrected];
  for (const e of c.edits) {
    lines.push(`  [${e.start}-${e.end}) words ${e.wordStart}-${e.wordEnd}: "${e.original}" → "${e.corrected}"`);
  }
  if (c.edits.length === 0) lines.push('  (no changes)');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args[0] === '--json';
  const text = (json ? args.slice(1) : args).join(' ') || (await readStdin());
  const corrector = await createCorrectorFromConfig();
  const result = await corrector.correct(text.trim());
  process.stdout.write((json ? JSON.stringify(result, null, 2) : formatCorrection(result)) + '\n');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`correct-text: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}

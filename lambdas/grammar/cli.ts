/**
 * correct-text [--json] [--language en-GB] "he go to school" (or text on stdin): prints the corrected
 * text and the edits. The language's spelling is kept (American when none is given).
 */
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

/** The flags (--json, --language CODE) before the text's words. */
export function parseArgs(args: readonly string[]): { json: boolean; language?: string; words: string[] } {
  const usage = 'usage: correct-text [--json] [--language en-GB] TEXT';
  let [json, language, i] = [false, undefined as string | undefined, 0];
  for (; i < args.length && args[i].startsWith('--'); i++) {
    if (args[i] === '--json') json = true;
    else if (args[i] !== '--language') throw new Error(`unknown option ${args[i]}; ${usage}`);
    else if (/^[a-z]{2}-[A-Z]{2}$/.test(args[i + 1] ?? '')) language = args[++i];
    else throw new Error(`--language needs a language code such as en-GB, not "${args[i + 1] ?? ''}"; ${usage}`);
  }
  return { json, language, words: args.slice(i) };
}

async function main(): Promise<void> {
  const { json, language, words } = parseArgs(process.argv.slice(2));
  const text = words.join(' ') || (await readStdin());
  const corrector = await createCorrectorFromConfig();
  const result = await corrector.correct(text.trim(), { language });
  process.stdout.write((json ? JSON.stringify(result, null, 2) : formatCorrection(result)) + '\n');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`correct-text: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}

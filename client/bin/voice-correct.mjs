#!/usr/bin/env node
// Launcher: runs the TypeScript CLI through tsx (a devDependency), so no build step is needed.
import { tsImport } from 'tsx/esm/api';

let code = 1;
try {
  const cli = await tsImport('../src/cli.ts', import.meta.url);
  const run = cli.run ?? cli.default?.run;
  code = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() });
} catch (e) {
  process.stderr.write(`voice-correct: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
}
// Exit once output is flushed: keep-alive HTTP agents must not hold the process open.
process.stdout.write('', () => process.exit(code));

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Finds a file shipped by an npm package (`node_modules/…`, relative to the repository root) by
 * walking up from the bundle's directory, then from the working directory: in development it is the
 * repository's node_modules, in Lambda the copy the house bundler put beside the bundle.
 */
export function findPackageFile(file: string): string | undefined {
  const starts = [typeof __dirname === 'string' ? __dirname : undefined, process.cwd()].filter((x): x is string => !!x);
  for (const start of starts) {
    for (let dir = start; ; dir = dirname(dir)) {
      if (existsSync(join(dir, file))) return join(dir, file);
      if (dirname(dir) === dir) break;
    }
  }
  return undefined;
}

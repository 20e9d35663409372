#!/usr/bin/env node
// Runs the TypeScript CLI through tsx (a project devDependency), so it works after `npm ci`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));
const tsx = require.resolve('tsx/cli');
const { status } = spawnSync(process.execPath, [tsx, cli, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(status ?? 1);

/**
 * Bundles every Lambda handler with the house function's own esbuild options (houseBundleOptions:
 * ESM with code splitting, minified, source maps, AWS SDK bundled, Harper's inlined WASM left out of
 * pipeline steps) and prints each bundle's size (all its files, and the part a cold start loads: the
 * entry and the chunks it imports statically) and cold module-init time: the median of 5 fresh `node`
 * processes importing the bundle with the Lambda's NODE_OPTIONS. Targets: ≤ 1 MB and ≤ 150 ms.
 */
import { build, type Metafile } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { houseBundleOptions } from '../../lib/constructs/house-function';
import { PIPELINE_EXTERNALS } from '../../lib/constructs/pipeline';

const ROOT = join(__dirname, '..', '..');
const DIRS = ['lambdas/http', 'lambdas/ws', 'lambdas/pipeline'];
const RUNS = 5;
const MAX_BYTES = 1024 * 1024;
const MAX_INIT_MS = 150;

/** Placeholder configuration so module-scope config accessors succeed; nothing is called at init. */
const BENCH_ENV: Record<string, string> = {
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'AKIDBENCH',
  AWS_SECRET_ACCESS_KEY: 'bench',
  JOBS_TABLE: 'jobs',
  CONNECTIONS_TABLE: 'connections',
  UPLOAD_BUCKET: 'upload',
  OUTPUT_BUCKET: 'output',
  USER_POOL_ID: 'eu-west-1_Bench',
  USER_POOL_CLIENT_IDS: 'a,b',
  WS_ENDPOINT: 'https://abc.execute-api.eu-west-1.amazonaws.com/prod',
  DOWNLOAD_URL_SIGNER: 'cloudfront',
  CLOUDFRONT_DOMAIN: 'd111.cloudfront.net',
  CLOUDFRONT_KEY_PAIR_ID: 'K1',
  CLOUDFRONT_PRIVATE_KEY_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:cf',
  STATE_MACHINE_ARN: 'arn:aws:states:eu-west-1:123456789012:stateMachine:bench',
  POWERTOOLS_SERVICE_NAME: 'bench',
  POWERTOOLS_METRICS_NAMESPACE: 'Bench',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
};

function handlers(): string[] {
  return DIRS.flatMap((dir) => {
    const abs = join(ROOT, dir);
    if (!existsSync(abs)) return [];
    return readdirSync(abs)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
      .map((f) => join(abs, f))
      .filter((f) => statSync(f).isFile() && /export\s+const\s+handler\b/.test(readFileSync(f, 'utf8')));
  });
}

/** One fresh process: milliseconds to import the bundle, or the error it threw. */
function initOnce(bundle: string): number {
  const script = `const t=process.hrtime.bigint();await import(${JSON.stringify(pathToFileURL(bundle).href)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const out = execFileSync(process.execPath, ['--enable-source-maps', '--no-warnings', '--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', ...BENCH_ENV },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return Number(out);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Bytes of every JavaScript file of the bundle, and of those a cold start loads (index.mjs and its static imports). */
function sizes(metafile: Metafile): { total: number; atInit: number } {
  const js = Object.entries(metafile.outputs).filter(([f]) => f.endsWith('.mjs'));
  const byPath = new Map(js);
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f) || !byPath.has(f)) return;
    seen.add(f);
    for (const i of byPath.get(f)!.imports) if (i.kind === 'import-statement') visit(i.path);
  };
  // Chunks reached by import() are entry points too: start from the handler's own file.
  visit(js.find(([f]) => f.endsWith('/index.mjs'))![0]);
  return { total: js.reduce((n, [, o]) => n + o.bytes, 0), atInit: [...seen].reduce((n, f) => n + byPath.get(f)!.bytes, 0) };
}

async function main() {
  const out = mkdtempSync(join(tmpdir(), 'bench-bundles-'));
  const rows: string[] = [];
  let failures = 0;
  let overTarget = 0;
  console.log(`node ${process.version}; ${RUNS} fresh processes per bundle; targets ≤ ${MAX_BYTES / 1024} KiB, ≤ ${MAX_INIT_MS} ms\n`);
  try {
    for (const entry of handlers()) {
      const name = relative(ROOT, entry).replace(/\.ts$/, '');
      const outdir = join(out, name);
      try {
        const { metafile } = await build({
          ...houseBundleOptions(relative(ROOT, entry), outdir, name.startsWith('lambdas/pipeline/') ? PIPELINE_EXTERNALS : []),
          metafile: true,
          logLevel: 'silent',
        });
        const { total: bytes, atInit } = sizes(metafile);
        const outfile = join(outdir, 'index.mjs');
        const times = Array.from({ length: RUNS }, () => initOnce(outfile));
        const ms = median(times);
        const ok = bytes <= MAX_BYTES && ms <= MAX_INIT_MS;
        if (!ok) overTarget++;
        rows.push(
          `${ok ? 'ok  ' : 'OVER'} ${name.padEnd(36)} ${(bytes / 1024).toFixed(0).padStart(6)} KiB (${(atInit / 1024).toFixed(0).padStart(4)} at init) ${ms.toFixed(1).padStart(8)} ms  (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`,
        );
      } catch (err) {
        failures++;
        const message = (err as { stderr?: string }).stderr || (err as Error).message;
        rows.push(`FAIL ${name.padEnd(36)} ${message.split('\n').find((l) => l.trim()) ?? ''}`);
      }
      console.log(rows[rows.length - 1]);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  console.log(`\n${rows.length} bundles, ${overTarget} over target, ${failures} failed to build or load`);
  if (failures > 0) process.exitCode = 1;
}

void main();

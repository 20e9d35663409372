/** The `voice-correct` command: sign in, correct one recording, show progress and the highlighted result. */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { CodeRequest } from './auth';
import { VoiceCorrectionClient, type CorrectionResult, type Progress } from './client';
import { configFromOutputs, LOCAL_OUTPUTS_FILE, loadConfig, type ClientConfig, type ConfigOverrides } from './config';
import { readCliEnv, LOCAL_DEFAULT_USER } from './cli-config';
import { ClientConfigError, oneLine } from './errors';
import {
  displayStageOf,
  formatDuration,
  formatEdits,
  formatTimings,
  highlightCorrections,
  progressLine,
  type DisplayStage,
} from './render';
import { LANGUAGES } from './types';
import { contentTypeFor } from './upload';

export const USAGE = `usage: voice-correct <file> [--outputs FILE] [--stack NAME]
         [--api-url URL --ws-url URL --user-pool-id ID --client-id ID --cognito-endpoint URL --region R]
         [--email E --password P | --email E --code] [--language ${LANGUAGES.join('|')}]
         [--mode own-voice|full] [--timeout SECONDS] [--json]
Corrects the grammar of a recording and writes <name>.corrected.mp3 beside it.
Configuration: --outputs (cdk deploy --outputs-file JSON; default ${LOCAL_OUTPUTS_FILE} when present) or the URL flags.
Credentials: flags, or VOICE_CORRECT_EMAIL / VOICE_CORRECT_PASSWORD; local mode signs in a default user without them.
--code signs in with a one-time code sent by email (local mode prints it on the local runtime's console).`;

/** Where the CLI reads and writes; a test passes fakes. */
export interface CliIo {
  readonly stdout: { write(s: string): unknown; isTTY?: boolean };
  readonly stderr: { write(s: string): unknown; isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream;
  readonly env: Record<string, string | undefined>;
  readonly cwd: string;
}

/** A bad command line: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CliOptions {
  readonly file: string;
  readonly outputs?: string;
  readonly stack?: string;
  readonly overrides: ConfigOverrides;
  readonly email?: string;
  readonly password?: string;
  readonly code: boolean;
  readonly language?: string;
  readonly mode?: 'own-voice' | 'full';
  readonly timeoutMs?: number;
  readonly json: boolean;
  readonly help: boolean;
}

/** Parses and checks the command line; throws UsageError. Credentials from the environment fill in missing flags. */
export function parseCli(argv: readonly string[], env: Record<string, string | undefined>): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        outputs: { type: 'string' },
        stack: { type: 'string' },
        'api-url': { type: 'string' },
        'ws-url': { type: 'string' },
        'user-pool-id': { type: 'string' },
        'client-id': { type: 'string' },
        'cognito-endpoint': { type: 'string' },
        region: { type: 'string' },
        email: { type: 'string' },
        password: { type: 'string' },
        code: { type: 'boolean', default: false },
        language: { type: 'string' },
        mode: { type: 'string' },
        timeout: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    // Node's messages carry a code prefix under some runners and a hint about dashes: keep the first sentence.
    const message = oneLine(e).replace(/^(?:\w*Error )?\[ERR_[A-Z_]+\]: /, '');
    throw new UsageError(message.replace(/\.? (?:To specify|Did you forget).*$/, ''));
  }
  const v = parsed.values;
  if (v.help) return { file: '', overrides: {}, code: false, json: false, help: true };
  if (parsed.positionals.length === 0) throw new UsageError('missing <file>: the recording to correct');
  if (parsed.positionals.length > 1) throw new UsageError(`expected one <file>, got ${parsed.positionals.length}: ${parsed.positionals.join(' ')}`);
  if (v.language !== undefined && !(LANGUAGES as readonly string[]).includes(v.language)) {
    throw new UsageError(`--language must be one of ${LANGUAGES.join(', ')}, got "${v.language}"`);
  }
  if (v.mode !== undefined && v.mode !== 'own-voice' && v.mode !== 'full') throw new UsageError(`--mode must be own-voice or full, got "${v.mode}"`);
  let timeoutMs: number | undefined;
  if (v.timeout !== undefined) {
    const seconds = Number(v.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--timeout must be a positive number of seconds, got "${v.timeout}"`);
    timeoutMs = seconds * 1000;
  }
  if (v.code && v.password !== undefined) throw new UsageError('use either --password or --code, not both');
  const fromEnv = readCliEnv(env);
  const email = v.email ?? fromEnv.email;
  const password = v.code ? undefined : (v.password ?? fromEnv.password);
  if (v.code && email === undefined) throw new UsageError('--code needs --email (or VOICE_CORRECT_EMAIL)');
  if (v.password !== undefined && email === undefined) throw new UsageError('--password needs --email (or VOICE_CORRECT_EMAIL)');
  if (v.email !== undefined && !v.code && password === undefined) {
    throw new UsageError('--email needs --password (or VOICE_CORRECT_PASSWORD), or --code to sign in with an emailed code');
  }
  const overrides: ConfigOverrides = {
    apiUrl: v['api-url'],
    wsUrl: v['ws-url'],
    userPoolId: v['user-pool-id'],
    clientId: v['client-id'],
    cognitoEndpoint: v['cognito-endpoint'],
    region: v.region,
  };
  return {
    file: parsed.positionals[0],
    outputs: v.outputs,
    stack: v.stack,
    overrides: Object.fromEntries(Object.entries(overrides).filter(([, x]) => x !== undefined)),
    email,
    password,
    code: v.code,
    language: v.language,
    mode: v.mode as CliOptions['mode'],
    timeoutMs,
    json: v.json,
    help: false,
  };
}

/** Config from --outputs, else the local default file (unless URL flags are given), else the flags alone. */
async function resolveConfig(options: CliOptions, cwd: string): Promise<ClientConfig> {
  const localFile = resolve(cwd, LOCAL_OUTPUTS_FILE);
  const file =
    options.outputs !== undefined
      ? resolve(cwd, options.outputs)
      : options.overrides.apiUrl === undefined && existsSync(localFile)
        ? localFile
        : undefined;
  if (file !== undefined) return loadConfig(file, { stackName: options.stack, overrides: options.overrides });
  if (options.stack !== undefined) throw new UsageError('--stack needs --outputs FILE');
  if (Object.keys(options.overrides).length === 0) {
    throw new UsageError(`no configuration: pass --outputs FILE (cdk deploy --outputs-file) or --api-url/--ws-url/--user-pool-id/--client-id, or start local mode (${LOCAL_OUTPUTS_FILE})`);
  }
  try {
    return configFromOutputs({}, options.overrides);
  } catch (e) {
    throw e instanceof ClientConfigError ? new UsageError(e.message) : e;
  }
}

/** Reads one line from stdin for the emailed code. */
function askCodeFrom(io: CliIo): (request: CodeRequest) => Promise<string> {
  return (request) =>
    new Promise((resolveCode, reject) => {
      const where = request.destination ? ` (sent to ${request.destination})` : '';
      io.stderr.write(`Enter the sign-in code emailed to ${request.email}${where}: `);
      const rl = createInterface({ input: io.stdin, terminal: false });
      let answered = false;
      rl.once('line', (line) => {
        answered = true;
        rl.close();
        resolveCode(line);
      });
      rl.once('close', () => {
        if (!answered) reject(new Error('input ended before a code was entered'));
      });
    });
}

async function signIn(client: VoiceCorrectionClient, options: CliOptions, io: CliIo): Promise<void> {
  if (options.code) {
    await client.signInWithEmailCode(options.email!, askCodeFrom(io));
  } else if (options.email !== undefined && options.password !== undefined) {
    if (client.config.local) await client.ensureUser(options.email, options.password);
    else await client.signInWithPassword(options.email, options.password);
  } else if (client.config.local) {
    await client.ensureUser(LOCAL_DEFAULT_USER.email, LOCAL_DEFAULT_USER.password);
  } else {
    throw new UsageError('no credentials: pass --email and --password (or --code), or set VOICE_CORRECT_EMAIL and VOICE_CORRECT_PASSWORD');
  }
}

/** The progress display: one rewritten line on a TTY, one plain line per stage otherwise, nothing when silent. */
class ProgressDisplay {
  private stage: DisplayStage | 'uploading' = 'uploading';
  private elapsedMs = 0;
  private readonly started = Date.now();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly out: { write(s: string): unknown },
    private readonly mode: 'tty' | 'lines' | 'silent',
    private readonly color: boolean,
  ) {
    if (mode === 'tty') {
      this.timer = setInterval(() => this.draw(Date.now() - this.started), 200);
      this.timer.unref();
    }
  }

  update(p: Progress): void {
    const stage = displayStageOf(p.stage);
    if (stage === undefined || stage === this.stage) return;
    this.stage = stage;
    this.elapsedMs = p.elapsedMs;
    if (this.mode === 'lines') this.out.write(`[${(p.elapsedMs / 1000).toFixed(1).padStart(6)} s] ${stage}\n`);
    else this.draw(p.elapsedMs);
  }

  /** Stops refreshing; on a TTY ends the line (marking done on success). */
  end(success: boolean): void {
    clearInterval(this.timer);
    if (this.mode !== 'tty') return;
    if (success) this.stage = 'done';
    this.draw(success ? Date.now() - this.started : this.elapsedMs);
    this.out.write('\n');
  }

  private draw(elapsedMs: number): void {
    if (this.mode !== 'tty') return;
    this.out.write(`\r\u001b[K${progressLine(this.stage, elapsedMs, { color: this.color })}`);
  }
}

/** The human summary printed after a successful run. */
export function formatResult(result: CorrectionResult, options: { color: boolean }): string {
  const lines: string[] = [];
  if (result.unchanged || result.edits.length === 0) {
    lines.push('No corrections needed: the recording is returned unchanged.', '', 'Transcript:', `  ${result.transcript}`);
  } else {
    lines.push('Transcript (corrections highlighted):', `  ${highlightCorrections(result.transcript, result.correctedText, options)}`);
    lines.push('', `Edits (${result.edits.length}):`, ...formatEdits(result.edits).map((l) => `  ${l}`));
  }
  lines.push('', 'Timings:');
  const server = formatTimings(result.timings);
  if (server) lines.push(`  pipeline: ${server}`);
  lines.push(`  client: upload ${formatDuration(result.uploadMs)} · total ${formatDuration(result.elapsedMs)} (notified via ${result.via})`);
  lines.push('', `Corrected recording: ${result.outputPath}`);
  return `${lines.join('\n')}\n`;
}

/** Runs the command; returns the exit code (0 ok, 1 failure, 2 usage). Never throws. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const fail = (code: number, error: unknown) => {
    io.stderr.write(`voice-correct: ${oneLine(error)}\n`);
    return code;
  };
  let options: CliOptions;
  try {
    options = parseCli(argv, io.env);
  } catch (e) {
    return fail(2, e);
  }
  if (options.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const file = resolve(io.cwd, options.file);
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return fail(2, new UsageError(`cannot read ${options.file}: no such file`));
  if (!contentTypeFor(file)) return fail(2, new UsageError(`${options.file} is not a supported recording: use mp3, wav, flac or ogg`));

  const color = !readCliEnv(io.env).noColor;
  const display = new ProgressDisplay(
    options.json ? io.stderr : io.stdout,
    options.json ? (io.stderr.isTTY ? 'tty' : 'silent') : io.stdout.isTTY ? 'tty' : 'lines',
    color && (options.json ? io.stderr.isTTY === true : io.stdout.isTTY === true),
  );
  let ended = false;
  try {
    const config = await resolveConfig(options, io.cwd);
    const client = new VoiceCorrectionClient(config);
    await signIn(client, options, io);
    const result = await client.correctFile(file, {
      language: options.language,
      outputMode: options.mode,
      timeoutMs: options.timeoutMs,
      onProgress: (p) => display.update(p),
    });
    display.end(true);
    ended = true;
    io.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : formatResult(result, { color: color && io.stdout.isTTY === true }));
    return 0;
  } catch (e) {
    if (!ended) display.end(false);
    return fail(e instanceof UsageError ? 2 : 1, e);
  }
}

import { spawn } from 'node:child_process';

/** A local engine binary that failed or is missing. */
export class ProcessError extends Error {
  constructor(message: string, readonly exitCode: number | null, readonly stderr: string) {
    super(message);
    this.name = 'ProcessError';
  }
}

export interface ProcessResult {
  readonly stdout: Buffer;
  readonly stderr: string;
}

/**
 * Runs a binary with `input` piped to stdin and collects stdout. Asynchronous, so a long run does
 * not hold the event loop; an EPIPE from a tool that stops reading early (ffprobe) is not an error.
 */
export function runProcess(binary: string, args: readonly string[], input?: Uint8Array, options: { timeoutMs?: number } = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'], timeout: options.timeoutMs });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdin.on('error', () => undefined);
    child.on('error', (e) => reject(new ProcessError(`cannot run ${binary}: ${e.message}`, null, '')));
    child.on('close', (code, signal) => {
      const stderr = Buffer.concat(err).toString('utf8');
      if (code === 0) resolve({ stdout: Buffer.concat(out), stderr });
      else reject(new ProcessError(`${binary} exited with ${code ?? signal}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`, code, stderr));
    });
    if (input) child.stdin.end(input);
    else child.stdin.end();
  });
}

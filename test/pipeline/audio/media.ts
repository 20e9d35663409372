import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Test media made at test time with Debian's flite and ffmpeg (no committed audio). */
function inTempDir<T>(run: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'audio-test-'));
  try {
    return run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A flite (slt, 16 kHz) recording of `text` as WAV bytes. */
export function fliteWav(text: string): Uint8Array {
  return inTempDir((dir) => {
    execFileSync('flite', ['-voice', 'slt', '-t', text, '-o', join(dir, 'a.wav')]);
    return new Uint8Array(readFileSync(join(dir, 'a.wav')));
  });
}

/** Converts audio bytes with ffmpeg; `ext` picks the container, `args` the codec options. */
export function ffmpegConvert(input: Uint8Array, ext: string, args: string[] = []): Uint8Array {
  return inTempDir((dir) => {
    writeFileSync(join(dir, 'in'), input);
    execFileSync('ffmpeg', ['-nostdin', '-v', 'error', '-i', join(dir, 'in'), ...args, join(dir, `out.${ext}`)]);
    return new Uint8Array(readFileSync(join(dir, `out.${ext}`)));
  });
}

/** A valid 1×1 PNG. */
export const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
export const TEXT = new TextEncoder().encode('This is a plain text file, certainly not audio.\n'.repeat(20));

import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Where the snapshot of a set-up Harper linter is kept, relative to the repository root (found with
 * findPackageFile like the WASM binary; the house bundler puts a fresh one in the Correct bundle).
 */
export const HARPER_SNAPSHOT_FILE = 'node_modules/.cache/voice-correction/harper-linter.snapshot';

/**
 * A snapshot is the WASM linear memory of Harper's instance right after `Linter.new` (~1.5–2 s of
 * building its dictionary and ~300 rules) plus the linter's address in it. Restoring copies the
 * memory into a fresh instance of the same binary, so start-up is a file read instead of that build.
 * This works because a Rust/wasm-bindgen instance keeps all its state in linear memory: the stack
 * pointer (not exported) is back at its base between calls, and the exported globals are constants.
 * The header pins the binary by hash and records the tables' sizes; a snapshot of any other binary,
 * taken with other table sizes, or of the wrong length is refused.
 */
const MAGIC = 'voice-correction harper snapshot 2';
const HEADER_BYTES = 4096;
const WASM_PAGE = 65536;
const CHUNK = 1 << 26;

/** A WebAssembly.Memory (the project's TypeScript libs have no DOM/WebAssembly types). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** An instance's exports: its memory, and maybe tables. */
export interface WasmExports {
  readonly memory: WasmMemory;
  readonly [name: string]: unknown;
}

/**
 * The sizes of the instance's tables, by export name. wasm-bindgen grows its externref table as JS
 * values cross into Rust, and the allocator of its slots lives in linear memory, so memory is only
 * valid with tables of the size they had when it was saved.
 */
function tableSizes(exports: WasmExports): Record<string, number> {
  const Table = (globalThis as unknown as { WebAssembly: { Table: abstract new () => { length: number } } }).WebAssembly.Table;
  const sizes: Record<string, number> = {};
  for (const name of Object.keys(exports).sort()) {
    const value = exports[name];
    if (value instanceof Table) sizes[name] = value.length;
  }
  return sizes;
}

interface Header {
  readonly magic: string;
  /** sha256 of the WASM binary the memory belongs to. */
  readonly wasm: string;
  readonly linter: number;
  readonly bytes: number;
  readonly tables: Record<string, number>;
}

/** sha256 of a WASM binary, the key a snapshot must match (~15 ms for Harper's 16 MB). */
export async function wasmFingerprint(wasmPath: string): Promise<string> {
  return createHash('sha256').update(await readFile(wasmPath)).digest('hex');
}

/**
 * Writes the memory and linter address to `file` atomically (a temporary file renamed into place),
 * so a reader never sees half a snapshot. Call it between WASM calls, never during one.
 */
export function writeSnapshot(file: string, exports: WasmExports, linter: number, wasm: string): void {
  const bytes = new Uint8Array(exports.memory.buffer);
  const header: Header = { magic: MAGIC, wasm, linter, bytes: bytes.length, tables: tableSizes(exports) };
  const head = Buffer.alloc(HEADER_BYTES, ' ');
  const json = Buffer.from(`${JSON.stringify(header)}\n`);
  if (json.length > HEADER_BYTES) throw new Error('Harper snapshot header too long');
  json.copy(head);
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeAll(fd, head);
    writeAll(fd, bytes);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temp, file);
}

/** A snapshot being loaded: the linter's address, valid once `loaded` settles. */
export interface Restoring {
  readonly address: number;
  readonly loaded: Promise<void>;
}

/**
 * Starts loading a snapshot into the instance's memory (growing it). Resolves once the header is
 * checked and the one read of the image is under way on libuv's threads (page faults of the new
 * memory included), or with undefined, the memory untouched, when the file is missing or cut short,
 * or was made from another binary or with other table sizes. Until `loaded` settles the caller may
 * do other work but must not call into the instance.
 */
export async function openSnapshot(file: string, exports: WasmExports, wasm: string): Promise<Restoring | undefined> {
  const opened = await openWhole(file);
  if (!opened) return undefined;
  const { handle, header } = opened;
  const { memory } = exports;
  const tablesFit = JSON.stringify(header.tables) === JSON.stringify(tableSizes(exports));
  if (header.wasm !== wasm || !tablesFit || header.bytes % WASM_PAGE !== 0 || header.bytes < memory.buffer.byteLength) {
    await handle.close();
    return undefined;
  }
  memory.grow((header.bytes - memory.buffer.byteLength) / WASM_PAGE);
  return { address: header.linter, loaded: readImage(handle, new Uint8Array(memory.buffer), file).finally(() => handle.close()) };
}

/** Reads the image after the header: one read call for all of it when the kernel allows. */
async function readImage(handle: FileHandle, image: Uint8Array, file: string): Promise<void> {
  for (let at = 0; at < image.length; ) {
    const { bytesRead } = await handle.read(image, at, image.length - at, HEADER_BYTES + at);
    // The size was checked, so only a file changed under us ends early; the memory is then unusable.
    if (bytesRead === 0) throw new Error(`Harper snapshot ${file} changed while it was read`);
    at += bytesRead;
  }
}

/** True when `file` is a whole snapshot of the binary with fingerprint `wasm`. */
export async function snapshotMatches(file: string, wasm: string): Promise<boolean> {
  const opened = await openWhole(file);
  await opened?.handle.close();
  return opened?.header.wasm === wasm;
}

/** Opens a snapshot and reads its header; undefined when the file is missing, not one, or not as long as it says. */
async function openWhole(file: string): Promise<{ handle: FileHandle; header: Header } | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const head = Buffer.alloc(HEADER_BYTES);
    const header = (await handle.read(head, 0, HEADER_BYTES, 0)).bytesRead === HEADER_BYTES ? parseHeader(head) : undefined;
    if (header && (await handle.stat()).size === HEADER_BYTES + header.bytes) return { handle, header };
  } catch (error) {
    await handle.close();
    throw error;
  }
  await handle.close();
  return undefined;
}

function parseHeader(head: Buffer): Header | undefined {
  try {
    const header = JSON.parse(head.toString('utf8', 0, head.indexOf('\n'))) as Partial<Header>;
    if (header.magic !== MAGIC || typeof header.wasm !== 'string') return undefined;
    if (!Number.isSafeInteger(header.linter) || !Number.isSafeInteger(header.bytes) || typeof header.tables !== 'object') return undefined;
    return header as Header;
  } catch {
    return undefined;
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, Math.min(CHUNK, bytes.length - at));
}

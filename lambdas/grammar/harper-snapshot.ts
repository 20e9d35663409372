import { webcrypto } from 'node:crypto';
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Where the snapshot of a set-up Harper linter is kept, relative to the repository root (found with
 * findPackageFile like the WASM binary; the house bundler puts a fresh one in the Correct bundle).
 */
export const HARPER_SNAPSHOT_FILE = 'node_modules/.cache/voice-correction/harper-linter.snapshot';

/**
 * A snapshot is the WASM linear memory of Harper's instance after `Linter.new` (~1.5–2 s of building
 * its dictionary and ~300 rules) and a first lint (~0.3 s more: what Harper builds lazily on first
 * use), plus the linter's address in it. Restoring copies the memory into a fresh instance of the
 * same binary, so start-up is a file read instead of that work.
 * This works because a Rust/wasm-bindgen instance keeps all its state in linear memory: the stack
 * pointer (not exported) is back at its base between calls, and the exported globals are constants.
 * The header pins the binary by hash and records the tables' sizes; a snapshot of any other binary,
 * of the wrong length, or whose tables are smaller than the instance's is refused.
 */
const MAGIC = 'voice-correction harper snapshot 3';
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

/** A WebAssembly.Table, as far as snapshots use it. */
interface WasmTable {
  readonly length: number;
  grow(entries: number): number;
}

/** The instance's tables, by export name. */
function tables(exports: WasmExports): Record<string, WasmTable> {
  const Table = (globalThis as unknown as { WebAssembly: { Table: abstract new () => WasmTable } }).WebAssembly.Table;
  const found: Record<string, WasmTable> = {};
  for (const name of Object.keys(exports).sort()) {
    const value = exports[name];
    if (value instanceof Table) found[name] = value;
  }
  return found;
}

const tableSizes = (exports: WasmExports): Record<string, number> =>
  Object.fromEntries(Object.entries(tables(exports)).map(([name, table]) => [name, table.length]));

/**
 * Grows the instance's tables to the sizes a snapshot recorded, or returns false (growing nothing)
 * when a table is missing from either side or already larger. wasm-bindgen grows its externref table
 * as JS values cross into Rust, and its allocator of the slots lives in linear memory, so the memory
 * is valid only with tables of the size they had when it was saved. The slots grown are empty, as
 * every slot past a fresh instance's was free again when the snapshot was taken (all lints freed).
 */
function fitTables(exports: WasmExports, recorded: Record<string, number>): boolean {
  const found = tables(exports);
  const names = Object.keys(found);
  const fits = names.length === Object.keys(recorded).length && names.every((name) => found[name].length <= (recorded[name] ?? -1));
  if (fits) for (const name of names) found[name].grow(recorded[name] - found[name].length);
  return fits;
}

interface Header {
  readonly magic: string;
  /** sha256 of the WASM binary the memory belongs to. */
  readonly wasm: string;
  readonly linter: number;
  readonly bytes: number;
  readonly tables: Record<string, number>;
}

/**
 * sha256 of a WASM binary, the key a snapshot must match. WebCrypto hashes on libuv's threads,
 * so the main thread is free meanwhile (Harper's 16 MB take it ~50 ms).
 */
export async function wasmFingerprint(wasmPath: string): Promise<string> {
  return Buffer.from(await webcrypto.subtle.digest('SHA-256', await readFile(wasmPath))).toString('hex');
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
 * memory included), or with undefined, the instance untouched, when the file is missing or cut
 * short, or was made from another binary or with tables smaller than the instance's. Until `loaded`
 * settles the caller may do other work but must not call into the instance.
 */
export async function openSnapshot(file: string, exports: WasmExports, wasm: string): Promise<Restoring | undefined> {
  const opened = await openWhole(file);
  if (!opened) return undefined;
  const { handle, header } = opened;
  const { memory } = exports;
  if (header.wasm !== wasm || header.bytes % WASM_PAGE !== 0 || header.bytes < memory.buffer.byteLength || !fitTables(exports, header.tables)) {
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

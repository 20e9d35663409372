/** A JSON document on disk, written atomically (temp file + rename) and one write at a time. */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export class JsonFile<T> {
  private queue: Promise<void> = Promise.resolve();
  private counter = 0;

  constructor(readonly path: string) {}

  /** Reads the document; `fallback` when the file does not exist yet. */
  async read(fallback: T): Promise<T> {
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as T;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
      throw err;
    }
  }

  /** Queues a write of `value` as it is now; resolves when it is on disk. */
  write(value: T): Promise<void> {
    const text = JSON.stringify(value, null, 1);
    const tmp = `${this.path}.${process.pid}.${++this.counter}.tmp`;
    const next = this.queue.then(async () => {
      await mkdir(dirname(this.path), { recursive: true });
      await writeFile(tmp, text);
      await rename(tmp, this.path);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}

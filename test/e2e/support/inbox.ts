/** Records every message a notifications socket receives, so tests can wait for and count them. */
import type { JobSocket, ServerMessage, VoiceCorrectionClient } from '../../../client/src';
import type { FileFailedMessage, FileReadyMessage } from '../../../client/src';

/** Generous guard so a lost message fails with a clear line instead of the jest timeout. */
const WAIT_LIMIT_MS = 180_000;

export class Inbox {
  readonly messages: ServerMessage[] = [];
  private waiters: Array<() => void> = [];

  private constructor(readonly socket: JobSocket) {
    socket.on('message', (m) => {
      this.messages.push(m);
      for (const w of this.waiters) w();
    });
  }

  /** Opens a socket for the client's current token. */
  static async open(client: VoiceCorrectionClient): Promise<Inbox> {
    return new Inbox(await client.connect());
  }

  /** Messages about one job. */
  about(jobId: string): ServerMessage[] {
    return this.messages.filter((m) => 'jobId' in m && m.jobId === jobId);
  }

  /** Resolves with the first message (already received or to come) matching the predicate. */
  waitFor<T extends ServerMessage>(match: (m: ServerMessage) => m is T, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = this.messages.find(match);
        if (!hit) return false;
        done();
        resolve(hit);
        return true;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no ${what} within ${WAIT_LIMIT_MS / 1000} s; got: ${JSON.stringify(this.messages.map((m) => [m.type, 'jobId' in m ? m.jobId : '', 'status' in m ? m.status : '']))}`));
      }, WAIT_LIMIT_MS);
      const waiter = () => void check();
      const done = () => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== waiter);
      };
      this.waiters.push(waiter);
      check();
    });
  }

  /** The job's outcome: file-ready or file-failed. */
  outcome(jobId: string): Promise<FileReadyMessage | FileFailedMessage> {
    return this.waitFor((m): m is FileReadyMessage | FileFailedMessage => (m.type === 'file-ready' || m.type === 'file-failed') && m.jobId === jobId, `outcome of job ${jobId}`);
  }

  close(): Promise<void> {
    return this.socket.close();
  }
}

/** Requests an upload and uploads the file through the presigned POST; returns the job id. */
export async function submit(client: VoiceCorrectionClient, path: string, options: { contentType?: string; fileName?: string; size: number }): Promise<string> {
  const contentType = options.contentType ?? 'audio/mpeg';
  const ticket = await client.createUpload({ fileName: options.fileName ?? path.split('/').pop()!, contentType, size: options.size });
  await client.uploadFile(ticket, path, { contentType });
  return ticket.jobId;
}

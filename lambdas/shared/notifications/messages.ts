/** Messages the product sends to a client over the WebSocket. Documented in the README. */
import type { FailureCode, JobStatus, TimedEdit } from '../jobs/model';

/** Progress: the job moved to a new status. */
export interface JobStatusMessage {
  readonly type: 'job-status';
  readonly jobId: string;
  readonly status: JobStatus;
}

/** The corrected recording is ready. */
export interface FileReadyMessage {
  readonly type: 'file-ready';
  readonly jobId: string;
  /** Time-limited download URL for the corrected mp3. */
  readonly downloadUrl: string;
  /** ISO time after which the URL stops working. */
  readonly expiresAt: string;
  readonly transcript: string;
  readonly correctedText: string;
  readonly edits: readonly TimedEdit[];
  readonly unchanged: boolean;
  /** Milliseconds per stage. */
  readonly timings: Readonly<Record<string, number>>;
}

/** The job failed; it is recorded as `failed` with the same code and reason. */
export interface FileFailedMessage {
  readonly type: 'file-failed';
  readonly jobId: string;
  readonly code: FailureCode;
  readonly reason: string;
}

/** Answer to `{ "action": "ping" }`. */
export interface PongMessage {
  readonly type: 'pong';
  readonly at: string;
}

export type ServerMessage = JobStatusMessage | FileReadyMessage | FileFailedMessage | PongMessage;

/** Sends a message to every open connection of an owner. Never throws for a gone connection. */
export interface Notifier {
  /** Returns how many connections received it and how many were gone (and removed). */
  notifyOwner(owner: string, message: ServerMessage): Promise<{ delivered: number; gone: number }>;
}

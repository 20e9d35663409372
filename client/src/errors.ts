/** Typed errors of the client. Every failure a caller can see is one of these, with a one-line message. */

/** Base class: `code` is a stable machine string, `message` a one-line human reason. */
export class VoiceCorrectionError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'VoiceCorrectionError';
  }
}

/** The server (API, Cognito, token endpoint, S3, WebSocket handshake) answered with an error status. */
export class ApiError extends VoiceCorrectionError {
  constructor(
    readonly status: number,
    code: string,
    message: string,
  ) {
    super(code, message);
    this.name = 'ApiError';
  }
}

/** The server could not be reached at all (refused, reset, DNS, timeout). */
export class NetworkError extends VoiceCorrectionError {
  constructor(message: string) {
    super('network', message);
    this.name = 'NetworkError';
  }
}

/** Client configuration is missing or malformed (outputs file, flags). */
export class ClientConfigError extends VoiceCorrectionError {
  constructor(message: string) {
    super('config', message);
    this.name = 'ClientConfigError';
  }
}

/** The job ended `failed`; `code` is the server's FailureCode and `reason` its human reason. */
export class JobFailedError extends VoiceCorrectionError {
  constructor(
    readonly jobId: string,
    code: string,
    readonly reason: string,
  ) {
    super(code, `job ${jobId} failed (${code}): ${reason}`);
    this.name = 'JobFailedError';
  }
}

/** The job did not finish within the caller's time limit. */
export class JobTimeoutError extends VoiceCorrectionError {
  constructor(
    readonly jobId: string,
    readonly timeoutMs: number,
    readonly lastStatus: string,
  ) {
    super('timeout', `job ${jobId} did not finish within ${Math.round(timeoutMs / 1000)} s (last status: ${lastStatus})`);
    this.name = 'JobTimeoutError';
  }
}

/** An operation needs a token and none is set: sign in first or pass one. */
export class NotSignedInError extends VoiceCorrectionError {
  constructor() {
    super('not-signed-in', 'not signed in: call signInWithPassword, signInWithEmailCode or serviceToken first, or setToken');
    this.name = 'NotSignedInError';
  }
}

/** Describes any thrown value as one line (no stack, no newlines). */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

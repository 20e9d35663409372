/** Wire types of the HTTP API, as the client sees them. Job statuses and messages come from the shared contract. */
import type { FailureCode, JobStatus, OutputMode, TimedEdit } from '../../lambdas/shared/jobs/model';
import type { FileFailedMessage, FileReadyMessage, JobStatusMessage, PongMessage, ServerMessage } from '../../lambdas/shared/notifications/messages';

export type { FailureCode, JobStatus, OutputMode, TimedEdit, ServerMessage, JobStatusMessage, FileReadyMessage, FileFailedMessage, PongMessage };

/** Languages the API accepts; absent means identify automatically. */
export const LANGUAGES = ['en-US', 'en-GB', 'en-AU', 'en-IN', 'en-IE', 'en-NZ', 'en-ZA'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Body of POST /uploads. */
export interface UploadRequest {
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly language?: string;
  readonly outputMode?: OutputMode;
}

/** 201 answer of POST /uploads: a presigned POST for the recording. */
export interface UploadTicket {
  readonly jobId: string;
  readonly upload: { readonly url: string; readonly fields: Readonly<Record<string, string>> };
  readonly expiresAt: string;
}

export interface JobResultView {
  readonly transcript: string;
  readonly correctedText: string;
  readonly edits: readonly TimedEdit[];
  readonly unchanged: boolean;
  readonly downloadUrl: string;
  readonly downloadExpiresAt: string;
}

/** A job as GET /jobs and GET /jobs/{id} return it. */
export interface JobView {
  readonly jobId: string;
  readonly status: JobStatus;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly language?: string;
  readonly outputMode: OutputMode;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly timings?: Readonly<Record<string, number>>;
  readonly error?: { readonly code: FailureCode; readonly reason: string };
  readonly result?: JobResultView;
}

export interface JobList {
  readonly items: readonly JobView[];
  readonly nextToken?: string;
}

/** 200 answer of GET /token/verify. */
export interface TokenVerification {
  readonly valid: true;
  readonly principal: {
    readonly kind: 'user' | 'service';
    readonly owner: string;
    readonly clientId: string;
    readonly username?: string;
    readonly email?: string;
    readonly scopes: readonly string[];
  };
  readonly tokenUse: 'id' | 'access';
  readonly expiresAt: string;
  readonly claims: Readonly<Record<string, unknown>>;
}

/** Tokens from a sign-in. `accessToken` is what the client sends as the bearer token. */
export interface Tokens {
  readonly accessToken: string;
  readonly idToken?: string;
  readonly refreshToken?: string;
  /** Seconds the access token lives, as the issuer said. */
  readonly expiresIn?: number;
}

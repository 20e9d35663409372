/** Wire types of the HTTP API, as the client sees them. Job statuses and messages come from the shared contract. */
import type { FailureCode, JobStatus, Language, OutputMode, TimedEdit } from '../../lambdas/shared/jobs/model';
import type { JobView } from '../../lambdas/shared/jobs/use-cases';
import type { Principal } from '../../lambdas/shared/auth/principal';
import type { FileFailedMessage, FileReadyMessage, JobStatusMessage, PongMessage, ServerMessage } from '../../lambdas/shared/notifications/messages';

export type { FailureCode, JobStatus, Language, OutputMode, TimedEdit, ServerMessage, JobStatusMessage, FileReadyMessage, FileFailedMessage, PongMessage, JobView };
export { LANGUAGES } from '../../lambdas/shared/jobs/model';


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

/** A job's result as GET /jobs/{id} returns it. */
export type JobResultView = NonNullable<JobView['result']>;

export interface JobList {
  readonly items: readonly JobView[];
  readonly nextToken?: string;
}

/** 200 answer of GET /token/verify. */
export interface TokenVerification {
  readonly valid: true;
  readonly principal: Pick<Principal, 'kind' | 'owner' | 'clientId' | 'username' | 'email' | 'scopes'>;
  readonly tokenUse: Principal['tokenUse'];
  readonly expiresAt: string;
  readonly claims: Principal['claims'];
}

/** Tokens from a sign-in. `accessToken` is what the client sends as the bearer token. */
export interface Tokens {
  readonly accessToken: string;
  readonly idToken?: string;
  readonly refreshToken?: string;
  /** Seconds the access token lives, as the issuer said. */
  readonly expiresIn?: number;
}

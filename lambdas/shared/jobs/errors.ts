/** Domain errors of the jobs context; lambdas/shared/http/errors.ts maps them to responses. */

/** The job does not exist or belongs to someone else (deliberately indistinguishable). */
export class JobNotFoundError extends Error {
  constructor(readonly jobId: string) {
    super(`job ${jobId} not found`);
    this.name = 'JobNotFoundError';
  }
}

/** A nextToken that is not one we issued to this owner. */
export class InvalidPageTokenError extends Error {
  constructor() {
    super('nextToken is not valid for this listing');
    this.name = 'InvalidPageTokenError';
  }
}

/** The declared content type is not an audio type we accept. */
export class UnsupportedContentTypeError extends Error {
  constructor(readonly contentType: string, readonly allowed: readonly string[]) {
    super(`contentType "${contentType}" is not supported; use one of ${allowed.join(', ')}`);
    this.name = 'UnsupportedContentTypeError';
  }
}

/** The declared size is above the configured maximum. */
export class UploadTooLargeError extends Error {
  constructor(readonly size: number, readonly max: number) {
    super(`size ${size} exceeds the maximum of ${max} bytes`);
    this.name = 'UploadTooLargeError';
  }
}

/** Every error a client can see, decided here. Anything unrecognised becomes a bare 500. */
import { ForbiddenError, UnauthorizedError } from '../auth/errors';
import { InvalidPageTokenError, JobNotFoundError, UnsupportedContentTypeError, UploadTooLargeError } from '../jobs/errors';

/** Input failed the schema; `issues` lists each field and why. */
export class ValidationError extends Error {
  constructor(readonly issues: readonly { field: string; message: string }[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('; '));
    this.name = 'ValidationError';
  }
}

/** The request could not be read at all (malformed JSON, missing body). */
export class BadRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadRequestError';
  }
}

export type ErrorCode = 'bad-request' | 'validation' | 'unauthorized' | 'forbidden' | 'not-found' | 'too-large' | 'unsupported-media-type' | 'internal';

export interface ErrorResponse {
  readonly statusCode: number;
  readonly body: { readonly error: ErrorCode; readonly message: string; readonly issues?: readonly { field: string; message: string }[] };
  readonly headers?: Readonly<Record<string, string>>;
}

/** middy's JSON body parser signals failures as http errors whose cause names the package. */
const bodyParserCause = (err: unknown) => {
  const cause = typeof err === 'object' && err !== null ? (err as { cause?: { package?: string; data?: unknown } }).cause : undefined;
  return cause?.package === '@middy/http-json-body-parser' ? cause : undefined;
};

/** Maps an error to its response; `internal` says whether it was unexpected (to be logged as an error). */
export function toErrorResponse(err: unknown): ErrorResponse & { internal: boolean } {
  const r = (statusCode: number, error: ErrorCode, message: string, extra: Partial<ErrorResponse> = {}) => ({
    statusCode,
    body: { error, message, ...extra.body },
    ...(extra.headers && { headers: extra.headers }),
    internal: false,
  });
  if (err instanceof UnauthorizedError)
    return r(401, 'unauthorized', err.reason, { headers: { 'www-authenticate': `Bearer error="invalid_token", error_description="${err.reason}"` } });
  if (err instanceof ForbiddenError) return r(403, 'forbidden', `this token lacks the scope ${err.scope}`);
  if (err instanceof ValidationError) return { ...r(400, 'validation', err.message), body: { error: 'validation', message: err.message, issues: err.issues } };
  if (err instanceof BadRequestError) return r(400, 'bad-request', err.message);
  if (err instanceof InvalidPageTokenError) return r(400, 'bad-request', 'nextToken: not a token issued to you by this listing');
  if (err instanceof JobNotFoundError) return r(404, 'not-found', 'no such job');
  if (err instanceof UploadTooLargeError) return r(413, 'too-large', `size: ${err.message}`);
  if (err instanceof UnsupportedContentTypeError) return r(415, 'unsupported-media-type', `contentType: ${err.message}`);
  const parserCause = bodyParserCause(err);
  if (parserCause) return r(400, 'bad-request', parserCause.data === undefined ? 'body: a JSON object is required' : 'body: malformed JSON');
  return { statusCode: 500, body: { error: 'internal', message: 'internal error' }, internal: true };
}

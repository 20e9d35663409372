/** Request shapes of the jobs API. Zod messages name the field and say why. */
// zod/mini: the same core with functional checks; classic zod's methods cost ~70 KiB of parsing and evaluation at every cold start.
import { _default, coerce, enum as zEnum, gte, int, lte, maxLength, minLength, number, object, optional, refine, strictObject, string, type output } from 'zod/mini';
import { LANGUAGES, OUTPUT_MODES } from './model';

/** Audio types Transcribe accepts, as browsers and tools label them. */
export const AUDIO_CONTENT_TYPES = ['audio/mpeg', 'audio/mp3', 'audio/wav', 'audio/x-wav', 'audio/wave', 'audio/flac', 'audio/x-flac', 'audio/ogg'] as const;
export const MIN_UPLOAD_BYTES = 1024;

/** 1..499 characters, no control characters, no path separators: it is metadata, never a key. */
export const fileNameSchema = string({ error: 'must be a string' }).check(
  minLength(1, 'must not be empty'),
  maxLength(499, 'must be at most 499 characters'),
  refine((s) => !/[\p{Cc}]/u.test(s), 'must not contain control characters'),
  refine((s) => !/[/\\]/.test(s), 'must not contain / or \\'),
);

export const createUploadSchema = strictObject(
  {
    fileName: fileNameSchema,
    // Membership is checked by the use case so an unknown type gets 415, not 400.
    contentType: string({ error: 'must be a string' }).check(minLength(1, 'must not be empty'), maxLength(255, 'must be at most 255 characters')),
    size: number({ error: 'must be a number' }).check(int('must be a whole number of bytes'), gte(MIN_UPLOAD_BYTES, `must be at least ${MIN_UPLOAD_BYTES} bytes`)),
    language: optional(zEnum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(', ')}` })),
    outputMode: _default(zEnum(OUTPUT_MODES, { error: `must be one of ${OUTPUT_MODES.join(', ')}` }), 'own-voice'),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : 'must be a JSON object') },
);
export type CreateUploadInput = output<typeof createUploadSchema>;

export const listJobsQuerySchema = strictObject(
  {
    limit: _default(
      coerce.number({ error: 'must be a number' }).check(int('must be a whole number'), gte(1, 'must be at least 1'), lte(100, 'must be at most 100')),
      20,
    ),
    nextToken: optional(string().check(minLength(1, 'must not be empty'), maxLength(2048, 'is too long'))),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown parameter(s): ${issue.keys.join(', ')}` : 'invalid query') },
);
export type ListJobsQuery = output<typeof listJobsQuerySchema>;

export const jobIdPathSchema = object({ id: string().check(minLength(1, 'must not be empty'), maxLength(128, 'is too long')) });

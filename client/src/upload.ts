/** The presigned POST upload: form fields in the order given, then `file` last (S3 ignores fields after it). */
import { openAsBlob } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { ApiError, ClientConfigError } from './errors';
import { errorFromResponse, send } from './http';
import type { UploadTicket } from './types';

const TYPES: Readonly<Record<string, string>> = {
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.wave': 'audio/wav',
  '.flac': 'audio/flac',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
};

/** Content type the API expects for a file, by extension; undefined when it is not a supported audio type. */
export function contentTypeFor(path: string): string | undefined {
  return TYPES[extname(path).toLowerCase()];
}

/** The multipart body S3 expects: every presigned field, then the file. */
export function buildUploadForm(fields: Readonly<Record<string, string>>, file: Blob, fileName: string): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (name !== 'file') form.append(name, value);
  }
  form.append('file', file, fileName);
  return form;
}

/** S3 answers a successful POST with 204 (default), 201 (success_action_status=201) or 200. */
const UPLOAD_OK = new Set([200, 201, 204]);

/** Uploads a file through a presigned POST; S3's XML error becomes an ApiError with its Code and Message. */
export async function uploadToPresignedPost(
  ticket: Pick<UploadTicket, 'upload'>,
  path: string,
  options: { contentType?: string; timeoutMs?: number } = {},
): Promise<{ status: number }> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new ClientConfigError(`cannot read ${path}: no such file`);
  const blob = await openAsBlob(path, { type: options.contentType ?? contentTypeFor(path) ?? 'application/octet-stream' });
  const form = buildUploadForm(ticket.upload.fields, blob, basename(path));
  const res = await send(
    ticket.upload.url,
    { method: 'POST', body: form, signal: AbortSignal.timeout(options.timeoutMs ?? 10 * 60_000) },
    'upload',
  );
  if (!UPLOAD_OK.has(res.status)) {
    if (res.ok) throw new ApiError(res.status, 'bad-response', `upload: unexpected answer HTTP ${res.status} from storage`);
    throw await errorFromResponse(res, 'upload');
  }
  await res.arrayBuffer().catch(() => undefined);
  return { status: res.status };
}

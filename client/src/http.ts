/** fetch with the API's error shape mapped to ApiError, and transport failures to NetworkError. */
import { ApiError, NetworkError } from './errors';

/** Maps a non-2xx answer to an ApiError: `{error, message}` JSON (API), OAuth `{error, error_description}`, S3 XML, or the status line. */
export async function errorFromResponse(res: Response, what: string): Promise<ApiError> {
  const text = await res.text().catch(() => '');
  const fallback = `${what} failed: HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const code = typeof body.error === 'string' ? body.error : typeof body.__type === 'string' ? body.__type : undefined;
    const message =
      typeof body.message === 'string' ? body.message : typeof body.error_description === 'string' ? body.error_description : undefined;
    if (code !== undefined || message !== undefined) {
      return new ApiError(res.status, code ?? `http-${res.status}`, `${what} failed: ${message ?? code} (HTTP ${res.status})`);
    }
  } catch {
    // Not JSON: try S3's XML below.
  }
  const xml = parseS3Error(text);
  if (xml) return new ApiError(res.status, xml.code, `${what} failed: ${xml.message} (${xml.code}, HTTP ${res.status})`);
  return new ApiError(res.status, `http-${res.status}`, fallback);
}

/** Extracts `<Code>` and `<Message>` from an S3 XML error document. */
export function parseS3Error(text: string): { code: string; message: string } | undefined {
  const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
  if (code === undefined) return undefined;
  const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1];
  return { code, message: decodeXml(message || code) };
}

function decodeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Describes a fetch rejection (undici hides the socket error in `cause`). */
export function networkError(error: unknown, url: string, what: string): NetworkError {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError') return new NetworkError(`${what} timed out (${origin(url)})`);
  const detail = e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
  return new NetworkError(`cannot reach ${origin(url)} for ${what}: ${detail}`);
}

function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** fetch that throws NetworkError when the server cannot be reached. */
export async function send(url: string, init: RequestInit, what: string): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (e) {
    throw networkError(e, url, what);
  }
}

/** JSON request; non-2xx → ApiError. */
export async function requestJson<T>(url: string, init: RequestInit, what: string): Promise<T> {
  const res = await send(url, init, what);
  if (!res.ok) throw await errorFromResponse(res, what);
  const text = await res.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(res.status, 'bad-response', `${what}: the server answered ${res.status} with a body that is not JSON`);
  }
}

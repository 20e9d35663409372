import { VoiceCorrectionClient } from '../../client/src/client';
import { ApiError, NetworkError, NotSignedInError } from '../../client/src/errors';
import { parseS3Error } from '../../client/src/http';
import { FakeStack, GOOD_TOKEN, clientFor } from './fake-stack';

let stack: FakeStack;
let client: VoiceCorrectionClient;

beforeEach(async () => {
  stack = await new FakeStack().start();
  client = clientFor(stack);
  client.setToken(GOOD_TOKEN);
});
afterEach(() => stack.stop());

describe('API calls', () => {
  it('sends the bearer token and the JSON body of an upload request', async () => {
    stack.routes.set('POST /uploads', () => ({ status: 201, body: { jobId: 'j1', upload: { url: 'http://x', fields: {} }, expiresAt: 'e' } }));
    const ticket = await client.createUpload({ fileName: 'a.mp3', contentType: 'audio/mpeg', size: 2048, language: 'en-GB' });
    expect(ticket.jobId).toBe('j1');
    const sent = stack.requests[0];
    expect(sent.headers.authorization).toBe(`Bearer ${GOOD_TOKEN}`);
    expect(sent.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent.body.toString())).toEqual({ fileName: 'a.mp3', contentType: 'audio/mpeg', size: 2048, language: 'en-GB' });
  });

  it('passes limit and nextToken to GET /jobs', async () => {
    stack.routes.set('GET /jobs', () => ({ status: 200, body: { items: [], nextToken: 'n2' } }));
    await expect(client.listJobs({ limit: 5, nextToken: 'a b' })).resolves.toEqual({ items: [], nextToken: 'n2' });
    expect(stack.requests[0].path).toBe('/jobs?limit=5&nextToken=a+b');
  });

  it('maps the API error body to ApiError with status, code and message', async () => {
    stack.routes.set('GET /jobs/*', () => ({ status: 404, body: { error: 'not-found', message: 'no such job' } }));
    const error = await client.getJob('nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'not-found', message: 'job nope failed: no such job (HTTP 404)' });
  });

  it('maps a 401 from token verification', async () => {
    stack.routes.set('GET /token/verify', () => ({ status: 401, body: { error: 'unauthorized', message: 'token expired' } }));
    await expect(client.verifyToken('old')).rejects.toMatchObject({ status: 401, code: 'unauthorized', message: expect.stringContaining('token expired') });
    expect(stack.requests[0].headers.authorization).toBe('Bearer old');
  });

  it('maps a non-JSON error page to an http-<status> code', async () => {
    stack.routes.set('GET /jobs', () => ({ status: 502, body: '<html>Bad Gateway</html>' }));
    await expect(client.listJobs()).rejects.toMatchObject({ status: 502, code: 'http-502', message: 'job list failed: HTTP 502 Bad Gateway' });
  });

  it('fails with bad-response when a 200 is not JSON', async () => {
    stack.routes.set('GET /jobs', () => ({ status: 200, body: 'hello' }));
    await expect(client.listJobs()).rejects.toMatchObject({ code: 'bad-response' });
  });

  it('fails with NetworkError when nothing listens', async () => {
    await stack.stop();
    const error = await client.listJobs().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toMatch(/^cannot reach http:\/\/127\.0\.0\.1:\d+ for job list: ECONNREFUSED$/);
    stack = await new FakeStack().start();
  });

  it('fails before any request when not signed in', async () => {
    client.setToken(undefined);
    await expect(client.listJobs()).rejects.toBeInstanceOf(NotSignedInError);
    expect(stack.requests).toHaveLength(0);
  });

  it('reads Code and Message out of an S3 XML error', () => {
    const xml = '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Policy &amp; expiry</Message></Error>';
    expect(parseS3Error(xml)).toEqual({ code: 'AccessDenied', message: 'Policy & expiry' });
    expect(parseS3Error('plain')).toBeUndefined();
  });
});

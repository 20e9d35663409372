import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { correctedPathFor, VoiceCorrectionClient, type Progress } from '../../client/src/client';
import { ApiError, ClientConfigError, JobFailedError, JobTimeoutError } from '../../client/src/errors';
import type { JobView } from '../../client/src/types';
import { FakeStack, formEntries, GOOD_TOKEN, clientFor } from './fake-stack';

const MP3 = Buffer.from('ID3-fake-corrected-mp3');
const EDITS = [{ start: 1.2, end: 1.45, original: 'go', corrected: 'goes' }];

let stack: FakeStack;
let client: VoiceCorrectionClient;
let input: string;

function fileReady(jobId: string) {
  return {
    type: 'file-ready',
    jobId,
    downloadUrl: `${stack.base}/files/out.mp3`,
    expiresAt: '2030-01-01T00:00:00.000Z',
    transcript: 'she go to school',
    correctedText: 'she goes to school',
    edits: EDITS,
    unchanged: false,
    timings: { transcribe: 1200, correct: 40, synthesize: 800 },
  };
}

function jobView(status: JobView['status'], extra: Partial<JobView> = {}): JobView {
  return { jobId: 'job-1', status, fileName: 'talk.wav', contentType: 'audio/wav', size: 4096, outputMode: 'own-voice', createdAt: 'c', updatedAt: 'u', ...extra };
}

beforeEach(async () => {
  stack = await new FakeStack().start();
  client = clientFor(stack, { socket: { reconnectDelayMs: 10 } }, GOOD_TOKEN);
  const dir = await mkdtemp(join(tmpdir(), 'vc-correct-'));
  input = join(dir, 'talk.wav');
  await writeFile(input, Buffer.alloc(4096, 1));
  stack.routes.set('POST /uploads', () => ({
    status: 201,
    body: { jobId: 'job-1', upload: { url: `${stack.base}/bucket`, fields: { key: 'uploads/o/job-1/source' } }, expiresAt: 'e' },
  }));
  stack.routes.set('POST /bucket', () => ({ status: 204 }));
  stack.routes.set('GET /files/out.mp3', () => ({ status: 200, body: MP3, headers: { 'content-type': 'audio/mpeg' } }));
});
afterEach(() => stack.stop());

describe('correctFile', () => {
  it('uploads, follows the socket to file-ready and downloads <name>.corrected.mp3 beside the input', async () => {
    stack.routes.set('POST /bucket', () => {
      // Sent before the upload answer arrives: the client must not lose them.
      stack.broadcast({ type: 'job-status', jobId: 'job-1', status: 'uploaded' });
      stack.broadcast({ type: 'job-status', jobId: 'other-job', status: 'done' });
      for (const status of ['processing', 'transcribing', 'correcting', 'synthesizing', 'done']) stack.broadcast({ type: 'job-status', jobId: 'job-1', status });
      stack.broadcast(fileReady('other-job'));
      stack.broadcast(fileReady('job-1'));
      return { status: 204 };
    });
    const progress: Progress[] = [];
    const result = await client.correctFile(input, { language: 'en-GB', outputMode: 'full', onProgress: (p) => progress.push(p) });

    expect(result).toMatchObject({
      jobId: 'job-1',
      outputPath: join(input, '..', 'talk.corrected.mp3'),
      transcript: 'she go to school',
      correctedText: 'she goes to school',
      edits: EDITS,
      unchanged: false,
      timings: { transcribe: 1200, correct: 40, synthesize: 800 },
      via: 'websocket',
    });
    expect(await readFile(result.outputPath)).toEqual(MP3);
    expect(progress.map((p) => p.stage)).toEqual([
      'requesting-upload',
      'uploading',
      'uploaded',
      'processing',
      'transcribing',
      'correcting',
      'synthesizing',
      'done',
      'downloading',
      'saved',
    ]);
    expect(progress.find((p) => p.stage === 'transcribing')?.via).toBe('websocket');
    const uploadRequest = JSON.parse(stack.requests.find((r) => r.path === '/uploads')!.body.toString());
    expect(uploadRequest).toEqual({ fileName: 'talk.wav', contentType: 'audio/wav', size: 4096, language: 'en-GB', outputMode: 'full' });
    const form = await formEntries(stack.requests.find((r) => r.path === '/bucket')!);
    expect(form.map(([k]) => k)).toEqual(['key', 'file']);
  });

  it('connects the socket before requesting the upload and closes it afterwards', async () => {
    let socketsAtUploadRequest = -1;
    stack.routes.set('POST /uploads', () => {
      socketsAtUploadRequest = stack.sockets.size;
      return { status: 201, body: { jobId: 'job-1', upload: { url: `${stack.base}/bucket`, fields: {} }, expiresAt: 'e' } };
    });
    stack.routes.set('POST /bucket', () => {
      setTimeout(() => stack.broadcast(fileReady('job-1')), 5);
      return { status: 204 };
    });
    await client.correctFile(input);
    expect(socketsAtUploadRequest).toBe(1);
    while (stack.sockets.size > 0) await new Promise((r) => setTimeout(r, 5));
    expect(stack.sockets.size).toBe(0);
  });

  it('throws JobFailedError with the code and reason of file-failed', async () => {
    stack.routes.set('POST /bucket', () => {
      setTimeout(() => stack.broadcast({ type: 'file-failed', jobId: 'job-1', code: 'not-audio', reason: 'the upload is not a recording' }), 5);
      return { status: 204 };
    });
    const error = await client.correctFile(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobFailedError);
    expect(error).toMatchObject({ jobId: 'job-1', code: 'not-audio', reason: 'the upload is not a recording' });
    expect(existsSync(correctedPathFor(input))).toBe(false);
  });

  it('falls back to polling GET /jobs/{id} when the socket stays silent', async () => {
    let polls = 0;
    stack.routes.set('GET /jobs/job-1', () => {
      polls += 1;
      if (polls === 1) return { status: 200, body: jobView('transcribing') };
      return {
        status: 200,
        body: jobView('done', {
          timings: { transcribe: 5 },
          result: { transcript: 'a', correctedText: 'b', edits: [], unchanged: true, downloadUrl: `${stack.base}/files/out.mp3`, downloadExpiresAt: 'e' },
        }),
      };
    });
    const progress: Progress[] = [];
    const result = await client.correctFile(input, { pollIntervalMs: 20, onProgress: (p) => progress.push(p) });
    expect(result).toMatchObject({ via: 'polling', transcript: 'a', correctedText: 'b', unchanged: true, timings: { transcribe: 5 } });
    expect(progress.filter((p) => p.via === 'polling').map((p) => p.stage)).toEqual(['transcribing', 'done']);
    expect(await readFile(result.outputPath)).toEqual(MP3);
  });

  it('switches to fast polling when the socket is lost for good', async () => {
    stack.routes.set('POST /bucket', () => {
      stack.wsTokens.clear();
      setTimeout(() => stack.sockets.forEach((ws) => ws.terminate()), 5);
      return { status: 204 };
    });
    stack.routes.set('GET /jobs/job-1', () => ({
      status: 200,
      body: jobView('done', { result: { transcript: 'a', correctedText: 'a', edits: [], unchanged: true, downloadUrl: `${stack.base}/files/out.mp3`, downloadExpiresAt: 'e' } }),
    }));
    // The safety poll would take an hour; only the switch to the fallback interval can finish this.
    const result = await client.correctFile(input, { pollIntervalMs: 3_600_000, fallbackPollIntervalMs: 20 });
    expect(result.via).toBe('polling');
  });

  it('polls from the start when the WebSocket API cannot be reached', async () => {
    client = VoiceCorrectionClient.fromUrls({ apiUrl: stack.base, wsUrl: 'ws://127.0.0.1:1/none', userPoolId: 'us-east-1_LocalPool', clientId: 'web' });
    client.setToken(GOOD_TOKEN);
    stack.routes.set('GET /jobs/job-1', () => ({
      status: 200,
      body: jobView('done', { result: { transcript: 'a', correctedText: 'a', edits: [], unchanged: true, downloadUrl: `${stack.base}/files/out.mp3`, downloadExpiresAt: 'e' } }),
    }));
    const result = await client.correctFile(input, { pollIntervalMs: 3_600_000, fallbackPollIntervalMs: 20 });
    expect(result.via).toBe('polling');
    await expect(client.correctFile(input, { requireSocket: true })).rejects.toMatchObject({ code: 'network' });
  });

  it('fails at once when the socket refuses the token', async () => {
    client.setToken('forged');
    await expect(client.correctFile(input)).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
    expect(stack.requests).toHaveLength(0);
  });

  it('reports a failure found by polling as JobFailedError', async () => {
    stack.routes.set('GET /jobs/job-1', () => ({ status: 200, body: jobView('failed', { error: { code: 'no-speech', reason: 'no speech found' } }) }));
    await expect(client.correctFile(input, { pollIntervalMs: 20 })).rejects.toMatchObject({ code: 'no-speech', reason: 'no speech found' });
  });

  it('stops polling on a 404 and surfaces the ApiError', async () => {
    stack.routes.set('GET /jobs/job-1', () => ({ status: 404, body: { error: 'not-found', message: 'no such job' } }));
    const error = await client.correctFile(input, { pollIntervalMs: 20 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'not-found' });
  });

  it('gives up with JobTimeoutError naming the last status', async () => {
    stack.routes.set('GET /jobs/job-1', () => ({ status: 200, body: jobView('correcting') }));
    const error = await client.correctFile(input, { pollIntervalMs: 20, timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobTimeoutError);
    expect(error).toMatchObject({ jobId: 'job-1', lastStatus: 'correcting' });
  });

  it('refuses a file whose type it cannot tell, before any request', async () => {
    const text = join(input, '..', 'notes.txt');
    await writeFile(text, 'hello');
    await expect(client.correctFile(text)).rejects.toBeInstanceOf(ClientConfigError);
    expect(stack.requests).toHaveLength(0);
  });

  it('uploads any file when the content type is given (e.g. to test server-side checks)', async () => {
    const text = join(input, '..', 'notes.txt');
    await writeFile(text, 'hello');
    stack.routes.set('POST /bucket', () => {
      setTimeout(() => stack.broadcast({ type: 'file-failed', jobId: 'job-1', code: 'not-audio', reason: 'nope' }), 5);
      return { status: 204 };
    });
    await expect(client.correctFile(text, { contentType: 'audio/mpeg' })).rejects.toMatchObject({ code: 'not-audio' });
  });
});

describe('correctedPathFor', () => {
  it('replaces the extension with .corrected.mp3 in the same folder', () => {
    expect(correctedPathFor('/a/b/talk.wav')).toBe('/a/b/talk.corrected.mp3');
    expect(correctedPathFor('rec.v2.mp3')).toBe('rec.v2.corrected.mp3');
  });
});

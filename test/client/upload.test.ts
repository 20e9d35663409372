import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VoiceCorrectionClient } from '../../client/src/client';
import { ApiError } from '../../client/src/errors';
import { buildUploadForm, contentTypeFor } from '../../client/src/upload';
import { FakeStack, formEntries, clientFor } from './fake-stack';

let stack: FakeStack;
let client: VoiceCorrectionClient;
let file: string;

beforeEach(async () => {
  stack = await new FakeStack().start();
  client = clientFor(stack);
  const dir = await mkdtemp(join(tmpdir(), 'vc-upload-'));
  file = join(dir, 'talk.mp3');
  await writeFile(file, Buffer.alloc(2048, 7));
});
afterEach(() => stack.stop());

const fields = { key: 'uploads/o/j/source', 'Content-Type': 'audio/mpeg', Policy: 'p', 'X-Amz-Signature': 's' };

describe('upload form', () => {
  it('puts every presigned field first, in order, and the file last', async () => {
    const form = buildUploadForm(fields, new Blob(['abc']), 'a.mp3');
    const names = [...form.keys()];
    expect(names).toEqual(['key', 'Content-Type', 'Policy', 'X-Amz-Signature', 'file']);
    const blob = form.get('file') as File;
    expect(blob.name).toBe('a.mp3');
    expect(await blob.text()).toBe('abc');
  });

  it('never sends a presigned field named file before the real file', () => {
    const form = buildUploadForm({ key: 'k', file: 'x' }, new Blob(['abc']), 'a.mp3');
    expect(form.getAll('file')).toHaveLength(1);
  });

  it('knows the content types of supported recordings', () => {
    expect(contentTypeFor('a/B.MP3')).toBe('audio/mpeg');
    expect(contentTypeFor('x.wav')).toBe('audio/wav');
    expect(contentTypeFor('x.flac')).toBe('audio/flac');
    expect(contentTypeFor('x.ogg')).toBe('audio/ogg');
    expect(contentTypeFor('x.txt')).toBeUndefined();
  });
});

describe('uploadFile', () => {
  it('posts the multipart form to the presigned URL and accepts 204', async () => {
    stack.routes.set('POST /bucket', () => ({ status: 204 }));
    await client.uploadFile({ upload: { url: `${stack.base}/bucket`, fields } }, file);
    const entries = await formEntries(stack.requests[0]);
    expect(entries.map(([k]) => k)).toEqual(['key', 'Content-Type', 'Policy', 'X-Amz-Signature', 'file']);
    const sent = entries[4][1] as File;
    expect(sent.name).toBe('talk.mp3');
    expect(sent.type).toBe('audio/mpeg');
    expect(Buffer.from(await sent.arrayBuffer())).toEqual(Buffer.alloc(2048, 7));
  });

  it('accepts 201 (success_action_status)', async () => {
    stack.routes.set('POST /bucket', () => ({ status: 201, body: '<PostResponse/>' }));
    await expect(client.uploadFile({ upload: { url: `${stack.base}/bucket`, fields } }, file)).resolves.toBeUndefined();
  });

  it('surfaces the S3 error message and code', async () => {
    stack.routes.set('POST /bucket', () => ({
      status: 400,
      body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>EntityTooLarge</Code><Message>Your proposed upload exceeds the maximum allowed size</Message></Error>',
      headers: { 'content-type': 'application/xml' },
    }));
    const error = await client.uploadFile({ upload: { url: `${stack.base}/bucket`, fields } }, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'EntityTooLarge',
      message: 'upload failed: Your proposed upload exceeds the maximum allowed size (EntityTooLarge, HTTP 400)',
    });
  });

  it('fails on an unexpected 2xx', async () => {
    stack.routes.set('POST /bucket', () => ({ status: 202 }));
    await expect(client.uploadFile({ upload: { url: `${stack.base}/bucket`, fields } }, file)).rejects.toMatchObject({ code: 'bad-response' });
  });

  it('fails for a missing file without calling storage', async () => {
    await expect(client.uploadFile({ upload: { url: `${stack.base}/bucket`, fields } }, `${file}.missing`)).rejects.toThrow('no such file');
    expect(stack.requests).toHaveLength(0);
  });
});

/**
 * The product end to end, only through the client library and the system's URLs. Target: local mode
 * started here (default), or a deployment when E2E_OUTPUTS names its stack outputs (see support/config.ts).
 * Recordings are generated at test time with flite (voice slt) and encoded to mp3.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { ApiError, type FileFailedMessage, type FileReadyMessage } from '../../client/src';
import { speakToMp3, transcribeFile, wordsOf } from './support/audio';
import { Inbox, submit } from './support/inbox';
import { openTarget, type Target } from './support/target';

/** Sentences pocketsphinx hears exactly from flite slt, and that the grammar engine corrects (go → went) or leaves alone. */
const WITH_ERRORS = 'Yesterday I go to the market. They was very happy.';
const CLEAN = 'The weather is nice today, and we are going to the park.';
const SHORT = ['My brother play football every day.', 'We was late for the meeting.', 'He don\u2019t know the answer.', 'My friends is coming tomorrow.', 'I like to read books in the evening.'];

/** Real engines on a shared 2-core machine: generous limits, no timed assertions. */
jest.setTimeout(300_000);

let target: Target;
let dir: string;
let inboxA: Inbox;
const clips: Record<string, { path: string; seconds: number }> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vc-e2e-audio-'));
  const [t] = await Promise.all([
    openTarget(),
    (async () => {
      clips.errors = await speakToMp3(WITH_ERRORS, dir, 'with-errors');
      clips.clean = await speakToMp3(CLEAN, dir, 'clean');
      for (const [i, text] of SHORT.entries()) clips[`short${i}`] = await speakToMp3(text, dir, `short-${i}`);
    })(),
  ]);
  target = t;
  inboxA = await Inbox.open(target.userA);
}, 240_000);

afterAll(async () => {
  await inboxA?.close();
  await target?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
}, 60_000);

const sizeOf = async (path: string) => (await stat(path)).size;
const isReady = (m: FileReadyMessage | FileFailedMessage): m is FileReadyMessage => m.type === 'file-ready';

test('a recording with grammatical errors comes back corrected, and re-transcribing the output shows the fix', async () => {
  const result = await target.userA.correctFile(clips.errors.path, { requireSocket: true });

  expect(result.via).toBe('websocket');
  const ready = await inboxA.outcome(result.jobId);
  expect(ready.type).toBe('file-ready');
  expect(result.unchanged).toBe(false);
  expect(result.edits.length).toBeGreaterThan(0);
  expect(result.correctedText).not.toEqual(result.transcript);
  expect(result.outputPath).toBe(join(dir, 'with-errors.corrected.mp3'));
  expect(existsSync(result.outputPath)).toBe(true);
  expect(await sizeOf(result.outputPath)).toBeGreaterThan(1000);

  // A word the corrector put in (e.g. "went") is heard in the output but was not in the original transcript.
  const heard = new Set(wordsOf(await transcribeFile(result.outputPath)));
  const before = new Set(wordsOf(result.transcript));
  const introduced = wordsOf(result.correctedText).filter((w) => !before.has(w));
  expect(introduced.length).toBeGreaterThan(0);
  expect(introduced.filter((w) => heard.has(w))).not.toEqual([]);

  const job = await target.userA.getJob(result.jobId);
  expect(job.status).toBe('done');
  expect(job.result?.edits).toEqual(result.edits);
});

test('a clean recording comes back unchanged', async () => {
  const result = await target.userA.correctFile(clips.clean.path, { requireSocket: true });

  expect(result.unchanged).toBe(true);
  // The corrector may capitalise the (lower-case) transcript; no word may change.
  expect(wordsOf(result.correctedText)).toEqual(wordsOf(result.transcript));
  expect(result.edits.filter((e) => e.original.toLowerCase() !== e.corrected.toLowerCase())).toEqual([]);
  expect(existsSync(result.outputPath)).toBe(true);
  expect(await sizeOf(result.outputPath)).toBe(await sizeOf(clips.clean.path));
});

test('a non-audio upload ends in file-failed with code not-audio and a reason, and the job shows the same', async () => {
  const fake = join(dir, 'notes.mp3');
  await writeFile(fake, 'These are my meeting notes, not a recording.\n'.repeat(60));
  const jobId = await submit(target.userA, fake, { contentType: 'audio/mpeg', size: await sizeOf(fake) });

  const outcome = await inboxA.outcome(jobId);
  expect(outcome).toMatchObject({ type: 'file-failed', jobId, code: 'not-audio' });
  const reason = (outcome as FileFailedMessage).reason;
  expect(reason.length).toBeGreaterThan(0);

  const job = await target.userA.getJob(jobId);
  expect(job.status).toBe('failed');
  expect(job.error).toEqual({ code: 'not-audio', reason });
  expect(job.result).toBeUndefined();
});

test('an unauthenticated WebSocket connect is refused: no token, and a garbage token', async () => {
  const anonymous = await target.anonymous();
  const wsUrl = anonymous.config.wsUrl;
  const status = await new Promise<number>((resolve, reject) => {
    const ws = new WebSocket(wsUrl);
    ws.once('unexpected-response', (_req, res) => {
      res.resume();
      ws.terminate();
      resolve(res.statusCode ?? 0);
    });
    ws.once('open', () => {
      ws.close();
      reject(new Error('the WebSocket accepted a connection without a token'));
    });
    ws.once('error', () => undefined);
  });
  expect([401, 403]).toContain(status);

  const refused = await anonymous.connect({ token: 'not-a-jwt' }).then(
    (s) => s.close().then(() => undefined),
    (e: unknown) => e,
  );
  expect(refused).toBeInstanceOf(ApiError);
  expect([401, 403]).toContain((refused as ApiError).status);
});

test('GET /token/verify accepts a user token and a client-credentials token, and rejects garbage', async () => {
  const user = await target.userA.verifyToken();
  expect(user.valid).toBe(true);
  expect(user.principal.kind).toBe('user');
  expect(user.principal.owner).toEqual(expect.any(String));

  const service = await target.anonymous();
  if (!target.serviceClientSecret) throw new Error('no service client secret: set E2E_SERVICE_CLIENT_SECRET for a deployment');
  await service.serviceToken(undefined, target.serviceClientSecret);
  const machine = await service.verifyToken();
  expect(machine).toMatchObject({ valid: true, tokenUse: 'access', principal: { kind: 'service', owner: service.config.serviceClientId } });
  expect(machine.principal.scopes).toEqual(expect.arrayContaining(['voice-correction/jobs.read', 'voice-correction/jobs.write']));

  const garbage = await service.verifyToken('garbage.token.here').catch((e: unknown) => e);
  expect(garbage).toBeInstanceOf(ApiError);
  expect((garbage as ApiError).status).toBe(401);
});

test("user B cannot see user A's job or get its file", async () => {
  const jobId = await submit(target.userA, clips.short0.path, { size: await sizeOf(clips.short0.path) });
  const outcome = await inboxA.outcome(jobId);
  expect(outcome.type).toBe('file-ready');
  expect((await target.userA.getJob(jobId)).result?.downloadUrl).toEqual(expect.any(String));

  const notFound = await target.userB.getJob(jobId).catch((e: unknown) => e);
  expect(notFound).toBeInstanceOf(ApiError);
  expect(notFound).toMatchObject({ status: 404, code: 'not-found' });
  const listB = await target.userB.listJobs({ limit: 100 });
  expect(listB.items.map((j) => j.jobId)).not.toContain(jobId);
});

test('a duplicate upload event makes one job', async () => {
  const path = clips.short1.path;
  const ticket = await target.userA.createUpload({ fileName: 'twice.mp3', contentType: 'audio/mpeg', size: await sizeOf(path) });
  await target.userA.uploadFile(ticket, path);
  await target.userA.uploadFile(ticket, path);

  const outcome = await inboxA.outcome(ticket.jobId);
  expect(outcome.type).toBe('file-ready');
  await target.settle();

  const messages = inboxA.about(ticket.jobId);
  expect(messages.filter((m) => m.type === 'file-ready')).toHaveLength(1);
  expect(messages.filter((m) => m.type === 'file-failed')).toHaveLength(0);
  // One pipeline run: each progress status is announced once.
  const statuses = messages.flatMap((m) => (m.type === 'job-status' ? [m.status] : []));
  expect(statuses).toContain('processing');
  expect(statuses).toEqual([...new Set(statuses)]);
  expect((await target.userA.getJob(ticket.jobId)).status).toBe('done');
  const list = await target.userA.listJobs({ limit: 100 });
  expect(list.items.filter((j) => j.jobId === ticket.jobId)).toHaveLength(1);
});

test('five uploads at once all finish and all are notified', async () => {
  const inbox = await Inbox.open(target.userB);
  try {
    const paths = SHORT.map((_, i) => clips[`short${i}`].path);
    const jobIds = await Promise.all(paths.map(async (path) => submit(target.userB, path, { size: await sizeOf(path) })));
    expect(new Set(jobIds).size).toBe(5);

    const outcomes = await Promise.all(jobIds.map((id) => inbox.outcome(id)));
    expect(outcomes.map((o) => o.type)).toEqual(Array(5).fill('file-ready'));
    expect(outcomes.filter(isReady).every((o) => o.downloadUrl.length > 0)).toBe(true);
    expect(inbox.messages.filter((m) => m.type === 'file-ready' && jobIds.includes(m.jobId))).toHaveLength(5);

    const jobs = await Promise.all(jobIds.map((id) => target.userB.getJob(id)));
    expect(jobs.map((j) => j.status)).toEqual(Array(5).fill('done'));
    const listed = (await target.userB.listJobs({ limit: 100 })).items.map((j) => j.jobId);
    expect(listed).toEqual(expect.arrayContaining(jobIds));
  } finally {
    await inbox.close();
  }
});

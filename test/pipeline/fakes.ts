/** In-memory ports for the pipeline use-case tests. */
import type { Job, JobRepository, JobPage } from '../../lambdas/shared/jobs/model';
import type { Notifier, ServerMessage } from '../../lambdas/shared/notifications/messages';
import type { ObjectStore, StepPorts } from '../../lambdas/pipeline/use-cases/ports';
import type { PipelineState } from '../../lambdas/pipeline/state';

export const OWNER = 'owner-1';
export const JOB_ID = 'job-1';
export const UPLOAD_BUCKET = 'uploads-bucket';
export const WORK_BUCKET = 'output-bucket';

export function aJob(overrides: Partial<Job> = {}): Job {
  return {
    jobId: JOB_ID,
    owner: OWNER,
    status: 'awaiting-upload',
    fileName: 'talk.mp3',
    contentType: 'audio/mpeg',
    size: 4096,
    outputMode: 'own-voice',
    uploadKey: `uploads/${OWNER}/${JOB_ID}/source`,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    expiresAt: 1_800_000_000,
    ...overrides,
  };
}

export function aState(overrides: Partial<PipelineState> = {}): PipelineState {
  return {
    jobId: JOB_ID,
    owner: OWNER,
    bucket: UPLOAD_BUCKET,
    key: `uploads/${OWNER}/${JOB_ID}/source`,
    size: 4096,
    startedAt: '2026-01-01T00:00:00.000Z',
    timings: {},
    ...overrides,
  };
}

export class MemoryJobs implements JobRepository {
  readonly jobs = new Map<string, Job>();
  readonly updates: Array<Partial<Job>> = [];
  constructor(...jobs: Job[]) {
    for (const j of jobs) this.jobs.set(j.jobId, j);
  }
  async create(job: Job) {
    this.jobs.set(job.jobId, job);
  }
  async get(jobId: string) {
    return this.jobs.get(jobId);
  }
  async listByOwner(): Promise<JobPage> {
    return { items: [...this.jobs.values()] };
  }
  async update(jobId: string, changes: Partial<Job>) {
    const job = this.jobs.get(jobId);
    if (!job) throw new Error(`no job ${jobId}`);
    this.updates.push(changes);
    const next = { ...job, ...changes } as Job;
    this.jobs.set(jobId, next);
    return next;
  }
}

export class RecordingNotifier implements Notifier {
  readonly sent: Array<{ owner: string; message: ServerMessage }> = [];
  constructor(private readonly behaviour: 'ok' | 'throws' | 'nobody' = 'ok') {}
  async notifyOwner(owner: string, message: ServerMessage) {
    if (this.behaviour === 'throws') throw new Error('notifier down');
    this.sent.push({ owner, message });
    return this.behaviour === 'nobody' ? { delivered: 0, gone: 0 } : { delivered: 1, gone: 0 };
  }
}

export class MemoryStore implements ObjectStore {
  readonly objects = new Map<string, { body: Uint8Array; contentType: string }>();
  put(bucket: string, key: string, body: Uint8Array | string, contentType = 'application/octet-stream') {
    this.objects.set(`${bucket}/${key}`, { body: typeof body === 'string' ? new TextEncoder().encode(body) : body, contentType });
  }
  async getBytes(bucket: string, key: string) {
    const o = this.objects.get(`${bucket}/${key}`);
    if (!o) throw Object.assign(new Error(`NoSuchKey ${bucket}/${key}`), { name: 'NoSuchKey' });
    return o.body;
  }
  async putBytes(bucket: string, key: string, body: Uint8Array, contentType: string) {
    this.put(bucket, key, body, contentType);
  }
  async getJson<T>(bucket: string, key: string): Promise<T> {
    return JSON.parse(new TextDecoder().decode(await this.getBytes(bucket, key))) as T;
  }
  async putJson(bucket: string, key: string, value: unknown) {
    this.put(bucket, key, JSON.stringify(value), 'application/json');
  }
  async copy(bucket: string, fromKey: string, toKey: string, contentType: string) {
    this.put(bucket, toKey, await this.getBytes(bucket, fromKey), contentType);
  }
  json(bucket: string, key: string): unknown {
    const o = this.objects.get(`${bucket}/${key}`);
    return o ? JSON.parse(new TextDecoder().decode(o.body)) : undefined;
  }
}

export const silentLog = { info: jest.fn(), warn: jest.fn() };

/** A clock that advances 5 ms on every reading. */
export function steppingClock(start = Date.parse('2026-01-01T00:00:00.000Z')): () => number {
  let t = start;
  return () => (t += 5);
}

export function stepPorts(jobs: MemoryJobs, notifier = new RecordingNotifier(), now = steppingClock()): StepPorts {
  return { jobs, notifier, log: silentLog, now };
}

/** Runs `fn` and returns what it threw (fails the test when it does not throw). */
export async function thrown(fn: () => Promise<unknown>): Promise<Error> {
  try {
    await fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

/** An SDK streaming body as the client returns it (only the helpers our adapters call). */
export function sdkBody(data: Uint8Array | string): never {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return {
    transformToByteArray: async () => bytes,
    transformToString: async () => new TextDecoder().decode(bytes),
  } as never;
}

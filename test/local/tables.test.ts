import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoJobRepository } from '../../lambdas/shared/jobs/dynamo-job-repository';
import { JobNotFoundError } from '../../lambdas/shared/jobs/errors';
import { DynamoConnectionRepository } from '../../lambdas/shared/connections/connection-repository';
import type { Job } from '../../lambdas/shared/jobs/model';
import { dynamoServer, LocalTables } from '../../local/dynamodb/server';
import { tableSchemas } from '../../local/dynamodb/schemas';
import { close, listen } from '../../local/http-util';

const names = { jobs: 'jobs', connections: 'connections' };

function job(jobId: string, owner: string, createdAt: string): Job {
  return {
    jobId,
    owner,
    status: 'awaiting-upload',
    fileName: 'a.mp3',
    contentType: 'audio/mpeg',
    size: 2048,
    outputMode: 'own-voice',
    uploadKey: `uploads/${owner}/${jobId}/source`,
    createdAt,
    updatedAt: createdAt,
    expiresAt: 1_900_000_000,
  };
}

describe('local tables behind the DynamoDB endpoint', () => {
  let dir: string;
  let server: Server;
  let db: DynamoDBDocumentClient;

  async function start(): Promise<void> {
    server = dynamoServer(await LocalTables.open(dir, tableSchemas(names)));
    const port = await listen(server, '127.0.0.1', 0);
    db = DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }),
      { marshallOptions: { removeUndefinedValues: true } },
    );
  }

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'local-tables-'));
    await start();
  });
  afterEach(async () => {
    db.destroy();
    await close(server);
    await rm(dir, { recursive: true, force: true });
  });

  it('runs the house job repository: create once, get, update, newest-first pages', async () => {
    const jobs = new DynamoJobRepository(db, names.jobs);
    await jobs.create(job('j1', 'alice', '2026-01-01T00:00:00.000Z'));
    await jobs.create(job('j2', 'alice', '2026-01-02T00:00:00.000Z'));
    await jobs.create(job('j3', 'alice', '2026-01-03T00:00:00.000Z'));
    await jobs.create(job('b1', 'bob', '2026-01-04T00:00:00.000Z'));
    await expect(jobs.create(job('j1', 'alice', '2026-01-05T00:00:00.000Z'))).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });

    const updated = await jobs.update('j2', { status: 'done', timings: { accept: 12 } });
    expect(updated).toMatchObject({ jobId: 'j2', status: 'done', timings: { accept: 12 }, owner: 'alice' });
    await expect(jobs.update('missing', { status: 'done' })).rejects.toBeInstanceOf(JobNotFoundError);

    const first = await jobs.listByOwner('alice', 2);
    expect(first.items.map((j) => j.jobId)).toEqual(['j3', 'j2']);
    const second = await jobs.listByOwner('alice', 2, first.nextToken);
    expect(second.items.map((j) => j.jobId)).toEqual(['j1']);
    expect(second.nextToken).toBeUndefined();
    expect((await jobs.get('j2'))?.status).toBe('done');
  });

  it('runs the house connection repository and keeps everything across a restart', async () => {
    const connections = new DynamoConnectionRepository(db, names.connections);
    await connections.put({ connectionId: 'c1', owner: 'alice', connectedAt: '2026-01-01T00:00:00.000Z', expiresAt: 1 });
    await connections.put({ connectionId: 'c2', owner: 'alice', connectedAt: '2026-01-01T00:00:00.000Z', expiresAt: 1 });
    await connections.delete('c1');
    await new DynamoJobRepository(db, names.jobs).create(job('j1', 'alice', '2026-01-01T00:00:00.000Z'));

    db.destroy();
    await close(server);
    await start();

    expect((await new DynamoConnectionRepository(db, names.connections).listByOwner('alice')).map((c) => c.connectionId)).toEqual(['c2']);
    expect((await new DynamoJobRepository(db, names.jobs).get('j1'))?.owner).toBe('alice');
  });
});

/** JobRepository on DynamoDB: table keyed by jobId, GSI `byOwner` (owner, createdAt) for newest-first listings. */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Job, JobPage, JobRepository } from './model';
import { InvalidPageTokenError, JobNotFoundError } from './errors';

export const BY_OWNER_INDEX = 'byOwner';

type PageKey = { jobId: string; owner: string; createdAt: string };

/** Opaque cursor: the GSI's LastEvaluatedKey, base64url JSON. Decoding checks shape and that it is the caller's. */
export const pageToken = {
  encode(key: PageKey): string {
    return Buffer.from(JSON.stringify({ j: key.jobId, o: key.owner, c: key.createdAt })).toString('base64url');
  },
  decode(token: string, owner: string): PageKey {
    let parsed: unknown;
    try {
      if (!/^[A-Za-z0-9_-]{1,2048}$/.test(token)) throw new Error('charset');
      parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    } catch {
      throw new InvalidPageTokenError();
    }
    const p = parsed as Record<string, unknown>;
    const valid =
      typeof p === 'object' && p !== null && !Array.isArray(p) && Object.keys(p).length === 3 && typeof p.j === 'string' && typeof p.c === 'string' && p.o === owner;
    if (!valid) throw new InvalidPageTokenError();
    return { jobId: p.j as string, owner, createdAt: p.c as string };
  },
};

export class DynamoJobRepository implements JobRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(job: Job): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: job, ConditionExpression: 'attribute_not_exists(jobId)' }));
  }

  async get(jobId: string): Promise<Job | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { jobId }, ConsistentRead: true }));
    return out.Item as Job | undefined;
  }

  async listByOwner(owner: string, limit: number, nextToken?: string): Promise<JobPage> {
    const start = nextToken === undefined ? undefined : pageToken.decode(nextToken, owner);
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: BY_OWNER_INDEX,
        KeyConditionExpression: '#owner = :owner',
        ExpressionAttributeNames: { '#owner': 'owner' },
        ExpressionAttributeValues: { ':owner': owner },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: start,
      }),
    );
    const last = out.LastEvaluatedKey as PageKey | undefined;
    return { items: (out.Items ?? []) as Job[], ...(last && { nextToken: pageToken.encode(last) }) };
  }

  async update(jobId: string, changes: Partial<Omit<Job, 'jobId' | 'owner' | 'createdAt'>>): Promise<Job> {
    const entries = Object.entries({ ...changes, updatedAt: this.now().toISOString() }).filter(([, v]) => v !== undefined);
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const sets = entries.map(([k, v], i) => {
      names[`#f${i}`] = k;
      values[`:v${i}`] = v;
      return `#f${i} = :v${i}`;
    });
    try {
      const out = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { jobId },
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: 'attribute_exists(jobId)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return out.Attributes as Job;
    } catch (err) {
      if ((err as Error).name === 'ConditionalCheckFailedException') throw new JobNotFoundError(jobId);
      throw err;
    }
  }
}

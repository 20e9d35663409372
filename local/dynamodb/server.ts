/**
 * A DynamoDB-compatible endpoint (JSON 1.0: GetItem, PutItem, UpdateItem, DeleteItem, Query) over the
 * file-backed tables. The house DynamoDB adapters reach it unchanged through the SDK's standard
 * AWS_ENDPOINT_URL_DYNAMODB setting, so local mode runs the very repository code that runs in AWS.
 */
import { createServer, type Server } from 'node:http';
import { readBody, sendJson } from '../http-util';
import { ValidationException, type AttributeValue, type Item } from './expressions';
import { ConditionalCheckFailedException, FileTable, ResourceNotFoundException, type TableSchema } from './tables';

const CONTENT_TYPE = { 'content-type': 'application/x-amz-json-1.0' };
const ERROR_PREFIX = 'com.amazonaws.dynamodb.v20120810#';

type Request = {
  TableName?: string;
  Key?: Item;
  Item?: Item;
  ConditionExpression?: string;
  UpdateExpression?: string;
  KeyConditionExpression?: string;
  FilterExpression?: string;
  IndexName?: string;
  ScanIndexForward?: boolean;
  Limit?: number;
  ExclusiveStartKey?: Item;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, AttributeValue>;
  ReturnValues?: string;
};

export class LocalTables {
  private constructor(private readonly tables: Map<string, FileTable>) {}

  static async open(dir: string, schemas: readonly TableSchema[]): Promise<LocalTables> {
    const tables = await Promise.all(schemas.map((s) => FileTable.open(dir, s)));
    return new LocalTables(new Map(tables.map((t) => [t.schema.name, t])));
  }

  table(name: string | undefined): FileTable {
    const table = name === undefined ? undefined : this.tables.get(name);
    if (!table) throw new ResourceNotFoundException(`table ${name}`);
    return table;
  }

  async call(op: string, req: Request): Promise<unknown> {
    const ctx = { names: req.ExpressionAttributeNames, values: req.ExpressionAttributeValues };
    const cond = req.ConditionExpression ? { expression: req.ConditionExpression, ...ctx } : undefined;
    const table = this.table(req.TableName);
    switch (op) {
      case 'GetItem': {
        const item = table.get(need(req.Key, 'Key'));
        return item ? { Item: item } : {};
      }
      case 'PutItem': {
        const old = await table.put(need(req.Item, 'Item'), cond);
        return req.ReturnValues === 'ALL_OLD' && old ? { Attributes: old } : {};
      }
      case 'UpdateItem': {
        const { old, now } = await table.update(need(req.Key, 'Key'), need(req.UpdateExpression, 'UpdateExpression'), ctx, cond);
        if (req.ReturnValues === 'ALL_NEW' || req.ReturnValues === 'UPDATED_NEW') return { Attributes: now };
        if ((req.ReturnValues === 'ALL_OLD' || req.ReturnValues === 'UPDATED_OLD') && old) return { Attributes: old };
        return {};
      }
      case 'DeleteItem': {
        const old = await table.delete(need(req.Key, 'Key'), cond);
        return req.ReturnValues === 'ALL_OLD' && old ? { Attributes: old } : {};
      }
      case 'Query': {
        const out = table.query({
          ...ctx,
          indexName: req.IndexName,
          keyCondition: need(req.KeyConditionExpression, 'KeyConditionExpression'),
          filter: req.FilterExpression,
          forward: req.ScanIndexForward !== false,
          limit: req.Limit,
          exclusiveStartKey: req.ExclusiveStartKey,
        });
        return { Items: out.items, Count: out.items.length, ScannedCount: out.items.length, ...(out.lastEvaluatedKey ? { LastEvaluatedKey: out.lastEvaluatedKey } : {}) };
      }
      default:
        throw new ValidationException(`${op} is not supported by the local DynamoDB endpoint`);
    }
  }
}

function need<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new ValidationException(`1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`);
  return value;
}

export function dynamoServer(tables: LocalTables): Server {
  return createServer((req, res) => {
    void (async () => {
      try {
        const op = String(req.headers['x-amz-target'] ?? '').replace(/^DynamoDB_20120810\./, '');
        const body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as Request;
        sendJson(res, 200, await tables.call(op, body), CONTENT_TYPE);
      } catch (err) {
        const known = err instanceof ConditionalCheckFailedException || err instanceof ResourceNotFoundException || err instanceof ValidationException;
        const type = known ? (err as Error).name : err instanceof SyntaxError ? 'SerializationException' : 'InternalServerError';
        if (!known) console.error(`[local dynamodb] ${(err as Error).message}`);
        sendJson(res, type === 'InternalServerError' ? 500 : 400, { __type: `${ERROR_PREFIX}${type}`, message: known ? (err as Error).message : 'internal error' }, CONTENT_TYPE);
      }
    })();
  });
}

/** File-backed DynamoDB tables: one JSON file per table in the data dir, written atomically after each change. */
import { join } from 'node:path';
import { JsonFile } from '../json-file';
import { compare, condition, update, ValidationException, type AttributeValue, type ExpressionContext, type Item } from './expressions';

export interface IndexSchema {
  readonly partitionKey: string;
  readonly sortKey?: string;
}

export interface TableSchema extends IndexSchema {
  readonly name: string;
  /** Global secondary indexes (projection ALL). */
  readonly indexes: Record<string, IndexSchema>;
}

export class ConditionalCheckFailedException extends Error {
  constructor() {
    super('The conditional request failed');
    this.name = 'ConditionalCheckFailedException';
  }
}

export class ResourceNotFoundException extends Error {
  constructor(what: string) {
    super(`Requested resource not found: ${what}`);
    this.name = 'ResourceNotFoundException';
  }
}

export interface QueryInput extends ExpressionContext {
  readonly indexName?: string;
  readonly keyCondition: string;
  readonly filter?: string;
  readonly forward: boolean;
  readonly limit?: number;
  readonly exclusiveStartKey?: Item;
}

export class FileTable {
  private constructor(
    readonly schema: TableSchema,
    private readonly file: JsonFile<Record<string, Item>>,
    private readonly items: Map<string, Item>,
  ) {}

  static async open(dir: string, schema: TableSchema): Promise<FileTable> {
    const file = new JsonFile<Record<string, Item>>(join(dir, `${schema.name}.json`));
    return new FileTable(schema, file, new Map(Object.entries(await file.read({}))));
  }

  /** The item's primary key, checked to be present. */
  key(item: Item): Item {
    const key: Item = {};
    for (const name of [this.schema.partitionKey, this.schema.sortKey]) {
      if (!name) continue;
      const value = item[name];
      if (!value) throw new ValidationException(`One of the required keys was not given a value: ${name}`);
      key[name] = value;
    }
    return key;
  }

  private id(item: Item): string {
    return JSON.stringify(this.key(item));
  }

  get(key: Item): Item | undefined {
    const item = this.items.get(this.id(key));
    return item && structuredClone(item);
  }

  async put(item: Item, cond?: { expression: string } & ExpressionContext): Promise<Item | undefined> {
    const id = this.id(item);
    const old = this.items.get(id);
    this.check(old, cond);
    this.items.set(id, structuredClone(item));
    await this.flush();
    return old;
  }

  async update(key: Item, expression: string, ctx: ExpressionContext, cond?: { expression: string } & ExpressionContext): Promise<{ old?: Item; now: Item }> {
    const id = this.id(key);
    const old = this.items.get(id);
    this.check(old, cond);
    const now = update(expression, ctx)(old ?? structuredClone(this.key(key)));
    for (const [name, value] of Object.entries(this.key(key))) {
      if (JSON.stringify(now[name]) !== JSON.stringify(value)) throw new ValidationException(`Cannot update attribute ${name}. This attribute is part of the key`);
    }
    this.items.set(id, now);
    await this.flush();
    return { old, now: structuredClone(now) };
  }

  async delete(key: Item, cond?: { expression: string } & ExpressionContext): Promise<Item | undefined> {
    const id = this.id(key);
    const old = this.items.get(id);
    this.check(old, cond);
    if (old) {
      this.items.delete(id);
      await this.flush();
    }
    return old;
  }

  /** Query on the table or a GSI; pages like DynamoDB (LastEvaluatedKey whenever Limit is reached). */
  query(input: QueryInput): { items: Item[]; lastEvaluatedKey?: Item } {
    const index = input.indexName === undefined ? this.schema : this.schema.indexes[input.indexName];
    if (!index) throw new ValidationException(`The table does not have the specified index: ${input.indexName}`);
    const matches = condition(input.keyCondition, input);
    const filter = input.filter ? condition(input.filter, input) : () => true;
    const order = (a: Item, b: Item): number => {
      const bySort = index.sortKey ? compare(a[index.sortKey], b[index.sortKey]) : 0;
      const c = bySort !== 0 ? bySort : this.id(a) < this.id(b) ? -1 : this.id(a) > this.id(b) ? 1 : 0;
      return input.forward ? c : -c;
    };
    const present = (item: Item) => item[index.partitionKey] !== undefined && (!index.sortKey || item[index.sortKey] !== undefined);
    const sorted = [...this.items.values()].filter((item) => present(item) && matches(item)).sort(order);
    let start = 0;
    if (input.exclusiveStartKey) {
      const after = input.exclusiveStartKey;
      start = sorted.findIndex((item) => order(item, after) > 0);
      if (start < 0) start = sorted.length;
    }
    const limit = input.limit ?? Number.POSITIVE_INFINITY;
    const page = sorted.slice(start, start + limit);
    const reachedLimit = page.length === limit;
    const last = page[page.length - 1];
    const lastEvaluatedKey = reachedLimit && last ? this.pageKey(last, index) : undefined;
    return { items: page.filter(filter).map((i) => structuredClone(i)), ...(lastEvaluatedKey ? { lastEvaluatedKey } : {}) };
  }

  private pageKey(item: Item, index: IndexSchema): Item {
    const key: Item = { ...this.key(item) };
    for (const name of [index.partitionKey, index.sortKey]) if (name) key[name] = item[name] as AttributeValue;
    return key;
  }

  private check(old: Item | undefined, cond?: { expression: string } & ExpressionContext): void {
    if (cond && !condition(cond.expression, cond)(old ?? {})) throw new ConditionalCheckFailedException();
  }

  private flush(): Promise<void> {
    return this.file.write(Object.fromEntries(this.items));
  }
}

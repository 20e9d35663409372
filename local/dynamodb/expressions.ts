/**
 * The DynamoDB expression language, enough for the house adapters: conditions and key conditions
 * (comparisons, BETWEEN, IN, AND/OR/NOT, attribute_exists, attribute_not_exists, begins_with,
 * contains) and update expressions (SET with + / - / if_not_exists, REMOVE). Items are in
 * AttributeValue form ({ S }, { N }, { M }, ...).
 */
export type AttributeValue = { S?: string; N?: string; B?: string; BOOL?: boolean; NULL?: boolean; M?: Item; L?: AttributeValue[]; SS?: string[]; NS?: string[] };
export type Item = Record<string, AttributeValue>;

export class ValidationException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ValidationException';
  }
}

export interface ExpressionContext {
  readonly names?: Record<string, string>;
  readonly values?: Record<string, AttributeValue>;
}

type Token = { kind: 'word' | 'punct'; text: string };

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(<>|<=|>=|[=<>(),+-]|[#:]?[A-Za-z0-9_.[\]#:]+)/y;
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = re.exec(src))) {
    const text = m[1];
    tokens.push({ kind: /^[=<>(),+-]|^<>|^<=|^>=/.test(text) ? 'punct' : 'word', text });
    last = re.lastIndex;
  }
  if (src.slice(last).trim() !== '') throw new ValidationException(`Invalid expression: unexpected "${src.slice(last).trim()}"`);
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly ctx: ExpressionContext,
  ) {}

  peek(): Token | undefined {
    return this.tokens[this.pos];
  }
  next(): Token {
    const t = this.tokens[this.pos++];
    if (!t) throw new ValidationException('Invalid expression: unexpected end');
    return t;
  }
  keyword(word: string): boolean {
    const t = this.peek();
    if (t?.kind === 'word' && t.text.toUpperCase() === word) {
      this.pos++;
      return true;
    }
    return false;
  }
  expect(text: string): void {
    const t = this.next();
    if (t.text !== text) throw new ValidationException(`Invalid expression: expected "${text}", got "${t.text}"`);
  }
  done(): boolean {
    return this.pos >= this.tokens.length;
  }

  /** Resolves `#a.b` into attribute names. */
  path(text: string): string[] {
    return text.split('.').map((part) => {
      if (part.startsWith('#')) {
        const name = this.ctx.names?.[part];
        if (name === undefined) throw new ValidationException(`An expression attribute name used in the document path is not defined; attribute name: ${part}`);
        return name;
      }
      return part;
    });
  }

  value(text: string): AttributeValue {
    const v = this.ctx.values?.[text];
    if (v === undefined) throw new ValidationException(`An expression attribute value used in expression is not defined; attribute value: ${text}`);
    return v;
  }

  /** An operand: a value placeholder, a path, or a function returning a value. */
  operand(): (item: Item) => AttributeValue | undefined {
    const t = this.next();
    if (t.kind !== 'word') throw new ValidationException(`Invalid expression: unexpected "${t.text}"`);
    if (t.text.startsWith(':')) {
      const v = this.value(t.text);
      return () => v;
    }
    if (t.text === 'if_not_exists' || t.text === 'size') {
      this.expect('(');
      const p = this.path(this.next().text);
      if (t.text === 'size') {
        this.expect(')');
        return (item) => {
          const v = get(item, p);
          if (!v) return undefined;
          const n = v.S?.length ?? v.L?.length ?? (v.M ? Object.keys(v.M).length : undefined) ?? v.SS?.length ?? v.NS?.length;
          return n === undefined ? undefined : { N: String(n) };
        };
      }
      this.expect(',');
      const fallback = this.operand();
      this.expect(')');
      return (item) => get(item, p) ?? fallback(item);
    }
    const p = this.path(t.text);
    return (item) => get(item, p);
  }

  /** A value in SET: operand, optionally + or - another. */
  setValue(): (item: Item) => AttributeValue | undefined {
    const left = this.operand();
    const op = this.peek();
    if (op?.text === '+' || op?.text === '-') {
      this.next();
      const right = this.operand();
      return (item) => {
        const a = Number(left(item)?.N);
        const b = Number(right(item)?.N);
        if (Number.isNaN(a) || Number.isNaN(b)) throw new ValidationException('An operand in the update expression has an incorrect data type');
        return { N: String(op.text === '+' ? a + b : a - b) };
      };
    }
    return left;
  }

  condition(): (item: Item) => boolean {
    let left = this.conjunction();
    while (this.keyword('OR')) {
      const a = left;
      const b = this.conjunction();
      left = (item) => a(item) || b(item);
    }
    return left;
  }

  conjunction(): (item: Item) => boolean {
    let left = this.negation();
    while (this.keyword('AND')) {
      const a = left;
      const b = this.negation();
      left = (item) => a(item) && b(item);
    }
    return left;
  }

  negation(): (item: Item) => boolean {
    if (this.keyword('NOT')) {
      const inner = this.negation();
      return (item) => !inner(item);
    }
    return this.primary();
  }

  primary(): (item: Item) => boolean {
    const t = this.peek();
    if (t?.text === '(') {
      this.next();
      const inner = this.condition();
      this.expect(')');
      return inner;
    }
    if (t?.kind === 'word' && ['attribute_exists', 'attribute_not_exists', 'begins_with', 'contains'].includes(t.text)) {
      this.next();
      this.expect('(');
      const p = this.path(this.next().text);
      if (t.text === 'attribute_exists' || t.text === 'attribute_not_exists') {
        this.expect(')');
        return t.text === 'attribute_exists' ? (item) => get(item, p) !== undefined : (item) => get(item, p) === undefined;
      }
      this.expect(',');
      const arg = this.operand();
      this.expect(')');
      if (t.text === 'begins_with') return (item) => {
        const v = get(item, p)?.S;
        const prefix = arg(item)?.S;
        return v !== undefined && prefix !== undefined && v.startsWith(prefix);
      };
      return (item) => {
        const v = get(item, p);
        const needle = arg(item);
        if (!v || !needle) return false;
        if (v.S !== undefined && needle.S !== undefined) return v.S.includes(needle.S);
        if (v.L) return v.L.some((x) => equal(x, needle));
        if (v.SS && needle.S !== undefined) return v.SS.includes(needle.S);
        return false;
      };
    }
    const left = this.operand();
    if (this.keyword('BETWEEN')) {
      const low = this.operand();
      if (!this.keyword('AND')) throw new ValidationException('Invalid expression: BETWEEN needs AND');
      const high = this.operand();
      return (item) => {
        const v = left(item);
        return v !== undefined && compare(v, low(item)) >= 0 && compare(v, high(item)) <= 0;
      };
    }
    if (this.keyword('IN')) {
      this.expect('(');
      const options = [this.operand()];
      while (this.peek()?.text === ',') {
        this.next();
        options.push(this.operand());
      }
      this.expect(')');
      return (item) => {
        const v = left(item);
        return v !== undefined && options.some((o) => equal(v, o(item)));
      };
    }
    const op = this.next().text;
    const right = this.operand();
    return (item) => {
      const a = left(item);
      const b = right(item);
      if (op === '=') return equal(a, b);
      if (op === '<>') return !equal(a, b);
      if (a === undefined || b === undefined) return false;
      const c = compare(a, b);
      if (op === '<') return c < 0;
      if (op === '<=') return c <= 0;
      if (op === '>') return c > 0;
      if (op === '>=') return c >= 0;
      throw new ValidationException(`Invalid expression: unknown operator "${op}"`);
    };
  }
}

function get(item: Item, path: string[]): AttributeValue | undefined {
  let current: AttributeValue | undefined = { M: item };
  for (const part of path) current = current?.M?.[part];
  return current;
}

function set(item: Item, path: string[], value: AttributeValue | undefined): void {
  let target: Item = item;
  for (const part of path.slice(0, -1)) {
    const next = target[part]?.M;
    if (!next) throw new ValidationException('The document path provided in the update expression is invalid for update');
    target = next;
  }
  const last = path[path.length - 1];
  if (value === undefined) delete target[last];
  else target[last] = value;
}

const canonical = (v: AttributeValue | undefined): string => (v?.N !== undefined ? JSON.stringify({ N: String(Number(v.N)) }) : JSON.stringify(v ?? null));

export function equal(a: AttributeValue | undefined, b: AttributeValue | undefined): boolean {
  return a !== undefined && b !== undefined && canonical(a) === canonical(b);
}

/** Orders two scalars of the same type (S by code unit, N numerically). */
export function compare(a: AttributeValue | undefined, b: AttributeValue | undefined): number {
  if (a?.N !== undefined && b?.N !== undefined) return Number(a.N) - Number(b.N);
  const x = a?.S ?? a?.B ?? '';
  const y = b?.S ?? b?.B ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Compiles a condition (also a key condition or filter) to a predicate. */
export function condition(expression: string, ctx: ExpressionContext): (item: Item) => boolean {
  const parser = new Parser(tokenize(expression), ctx);
  const predicate = parser.condition();
  if (!parser.done()) throw new ValidationException(`Invalid ConditionExpression: unexpected "${parser.peek()?.text}"`);
  return predicate;
}

/** Compiles an update expression to a function returning the updated copy of an item. */
export function update(expression: string, ctx: ExpressionContext): (item: Item) => Item {
  const parser = new Parser(tokenize(expression), ctx);
  // Each action reads the item as it was before the update (as DynamoDB does) and writes the copy.
  const actions: ((before: Item, after: Item) => void)[] = [];
  const more = () => parser.peek()?.text === ',' && Boolean(parser.next());
  while (!parser.done()) {
    if (parser.keyword('SET')) {
      do {
        const p = parser.path(parser.next().text);
        parser.expect('=');
        const value = parser.setValue();
        actions.push((before, after) => set(after, p, value(before)));
      } while (more());
    } else if (parser.keyword('REMOVE')) {
      do {
        const p = parser.path(parser.next().text);
        actions.push((_, after) => set(after, p, undefined));
      } while (more());
    } else {
      throw new ValidationException(`Invalid UpdateExpression: only SET and REMOVE are supported locally, got "${parser.peek()?.text}"`);
    }
  }
  return (item) => {
    const after = structuredClone(item);
    for (const action of actions) action(item, after);
    return after;
  };
}

/**
 * An API Gateway HTTP API on loopback: requests become payload-2.0 events for the same route
 * handlers; JWT-authorized routes are checked first like API Gateway's JWT authorizer (401
 * `{"message":"Unauthorized"}` before the handler), and claims land in requestContext.authorizer.jwt.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { JwtRsaVerifier } from 'aws-jwt-verify';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { LOCAL } from './config';
import { corsHeaders, readBody, sendJson } from './http-util';
import { invoke, type Handler } from './lambda';

export interface HttpApiRoute {
  /** e.g. `GET /jobs/{id}`. */
  readonly routeKey: string;
  readonly jwt: boolean;
  readonly handler: () => Promise<Handler>;
  readonly functionName: string;
}

export interface JwtAuthorizerConfig {
  readonly issuer: string;
  /** Client ids accepted in `aud` (id tokens) or `client_id` (access tokens). */
  readonly audience: readonly string[];
  readonly jwks: Jwks;
}

const API_ID = 'localhttp';
const TEXT_TYPES = /^(text\/|application\/(json|xml|x-www-form-urlencoded|javascript)|[^;]*\+json)/i;

interface CompiledRoute extends HttpApiRoute {
  readonly method: string;
  readonly pattern: RegExp;
  readonly params: string[];
}

function compile(route: HttpApiRoute): CompiledRoute {
  const [method, path] = route.routeKey.split(' ');
  const params: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      const m = /^\{([^}+]+)(\+)?\}$/.exec(segment);
      if (!m) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      params.push(m[1]);
      return m[2] ? '(.+)' : '([^/]+)';
    })
    .join('/');
  return { ...route, method, pattern: new RegExp(`^${source}$`), params };
}

/** Claims as API Gateway passes them: every value a string, arrays as "[a b]". */
function stringClaims(payload: JwtPayload): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload).map(([k, v]) => [k, Array.isArray(v) ? `[${v.join(' ')}]` : typeof v === 'string' ? v : JSON.stringify(v)]),
  );
}

export function httpApiServer(routes: readonly HttpApiRoute[], auth: JwtAuthorizerConfig, log?: (line: string) => void): Server {
  const compiled = routes.map(compile);
  const verifier = JwtRsaVerifier.create({
    issuer: auth.issuer,
    audience: null,
    customJwtCheck: ({ payload }) => {
      const audience = payload.aud ?? (payload as { client_id?: string }).client_id;
      const values = Array.isArray(audience) ? audience : [audience];
      if (!values.some((a) => typeof a === 'string' && auth.audience.includes(a))) throw new Error('audience not allowed');
    },
  });
  verifier.cacheJwks(auth.jwks);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, corsHeaders);
      return void res.end();
    }
    let match: { route: CompiledRoute; values: string[] } | undefined;
    for (const route of compiled) {
      const m = route.method === req.method ? route.pattern.exec(url.pathname) : null;
      if (m) {
        match = { route, values: m.slice(1) };
        break;
      }
    }
    if (!match) return sendJson(res, 404, { message: 'Not Found' }, corsHeaders);
    const { route, values } = match;

    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (k !== 'cookie' && v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
    let jwt: { claims: Record<string, string>; scopes: string[] | null } | undefined;
    if (route.jwt) {
      const token = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1] ?? headers.authorization;
      try {
        if (!token) throw new Error('no token');
        const payload = await verifier.verify(token);
        const scope = (payload as { scope?: unknown }).scope;
        jwt = { claims: stringClaims(payload), scopes: typeof scope === 'string' ? scope.split(' ') : null };
      } catch {
        return sendJson(res, 401, { message: 'Unauthorized' }, { ...corsHeaders, 'www-authenticate': 'Bearer' });
      }
    }

    const body = await readBody(req);
    const textual = TEXT_TYPES.test(headers['content-type'] ?? '');
    const now = Date.now();
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
    const pathParameters = Object.fromEntries(route.params.map((p, i) => [p, decodeURIComponent(values[i])]));
    const event = {
      version: '2.0',
      routeKey: route.routeKey,
      rawPath: url.pathname,
      rawQueryString: url.search.replace(/^\?/, ''),
      ...(req.headers.cookie ? { cookies: req.headers.cookie.split(/;\s*/) } : {}),
      headers,
      ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
      ...(route.params.length > 0 ? { pathParameters } : {}),
      requestContext: {
        accountId: LOCAL.account,
        apiId: API_ID,
        ...(jwt ? { authorizer: { jwt } } : {}),
        domainName: String(req.headers.host ?? '127.0.0.1'),
        domainPrefix: API_ID,
        http: { method: req.method ?? 'GET', path: url.pathname, protocol: `HTTP/${req.httpVersion}`, sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: String(req.headers['user-agent'] ?? '') },
        requestId: randomUUID(),
        routeKey: route.routeKey,
        stage: '$default',
        time: new Date(now).toUTCString(),
        timeEpoch: now,
      },
      ...(body.length > 0 ? { body: textual ? body.toString('utf8') : body.toString('base64') } : {}),
      isBase64Encoded: body.length > 0 && !textual,
    };

    let result: unknown;
    try {
      result = await invoke(await route.handler(), event, route.functionName);
    } catch (err) {
      console.error(`[local http] ${route.routeKey} failed: ${(err as Error).message}`);
      return sendJson(res, 500, { message: 'Internal Server Error' }, corsHeaders);
    }
    log?.(`[local http] ${req.method} ${url.pathname} → ${(result as { statusCode?: number })?.statusCode ?? 200}`);
    respond(res, result);
  };

  return createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error(`[local http] ${(err as Error).message}`);
      if (!res.headersSent) sendJson(res, 500, { message: 'Internal Server Error' }, corsHeaders);
    });
  });
}

/** Payload 2.0 response rules: a result without statusCode is a 200 JSON body. */
function respond(res: ServerResponse, result: unknown): void {
  const r = result as { statusCode?: number; headers?: Record<string, string | number | boolean>; body?: string; isBase64Encoded?: boolean; cookies?: string[] } | string | undefined;
  if (typeof r !== 'object' || r === null || r.statusCode === undefined) {
    const text = typeof r === 'string' ? r : JSON.stringify(r ?? null);
    res.writeHead(200, { ...corsHeaders, 'content-type': 'application/json' });
    return void res.end(text);
  }
  const headers: Record<string, string | string[]> = { ...corsHeaders };
  for (const [k, v] of Object.entries(r.headers ?? {})) headers[k.toLowerCase()] = String(v);
  if (r.cookies?.length) headers['set-cookie'] = r.cookies;
  const body = r.body === undefined ? Buffer.alloc(0) : r.isBase64Encoded ? Buffer.from(r.body, 'base64') : Buffer.from(r.body);
  res.writeHead(r.statusCode, headers);
  res.end(body);
}

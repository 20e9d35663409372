/**
 * The one middy chain for HTTP API (payload 2.0) handlers: Powertools logger and metrics, header normalising,
 * JSON body, bearer-token auth, zod validation, and error mapping with @middy/http-error-handler last.
 * Handlers supply only a core function from validated input to a status and body.
 */
import middy, { type MiddlewareObj } from '@middy/core';
import httpErrorHandler from '@middy/http-error-handler';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { safeParse } from 'zod/mini';
import type { $ZodType as ZodType } from 'zod/v4/core';
import { bearerToken, tokenVerifier, type TokenVerifier } from '../auth/token-verifier';
import { requireScope, type Principal } from '../auth/principal';
import { toErrorResponse, ValidationError } from './errors';
import { logger } from './observability';
import { metrics } from './metrics';

export type HttpContext = Context & { principal?: Principal };
type ParsedEvent = APIGatewayProxyEventV2 & { validated?: { body: unknown; query: unknown; path: unknown } };
type Request = middy.Request<ParsedEvent, APIGatewayProxyStructuredResultV2, Error, HttpContext>;

export interface HttpInput<B, Q, P> {
  readonly principal: Principal;
  readonly body: B;
  readonly query: Q;
  readonly path: P;
  readonly event: APIGatewayProxyEventV2;
  readonly context: Context;
}

export interface HttpResult {
  readonly statusCode: number;
  readonly body: unknown;
}

export interface HttpRouteOptions<B, Q, P> {
  /** Scope a service principal needs (users may do everything). */
  readonly scope?: string;
  /** Schema of the JSON body; when absent no body is read. */
  readonly body?: ZodType<B>;
  readonly query?: ZodType<Q>;
  readonly path?: ZodType<P>;
  /** Defaults to the process-wide verifier. */
  readonly verifier?: () => TokenVerifier;
}

/** Verifies the bearer token and puts the principal on the context. */
export function authenticate(scope: string | undefined, verifier: () => TokenVerifier = tokenVerifier): MiddlewareObj<ParsedEvent, APIGatewayProxyStructuredResultV2, Error, HttpContext> {
  return {
    before: async (request: Request) => {
      const principal = await verifier().verify(bearerToken(request.event.headers?.authorization));
      if (scope) requireScope(principal, scope);
      request.context.principal = principal;
      logger.appendKeys({ owner: principal.owner, principalKind: principal.kind });
    },
  };
}

/** Flattens zod issues into field-level messages. */
function check<T>(schema: ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const result = safeParse(schema, value);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((i) => ({ field: [where, ...i.path.map(String)].filter(Boolean).join('.') || 'body', message: i.message })),
  );
}

/** Validates body, query string and path parameters against the route's schemas. */
export function validate<B, Q, P>(options: HttpRouteOptions<B, Q, P>): MiddlewareObj<ParsedEvent, APIGatewayProxyStructuredResultV2, Error, HttpContext> {
  return {
    before: (request: Request) => {
      const { event } = request;
      event.validated = {
        body: check(options.body, event.body, ''),
        query: check(options.query, event.queryStringParameters ?? {}, 'query'),
        path: check(options.path, event.pathParameters ?? {}, 'path'),
      };
    },
  };
}

const INTERNAL = JSON.stringify({ error: 'internal', message: 'internal error' });

/** Turns any error into an exposed http error carrying our JSON body; the http error handler renders it. */
export function errorResponses(): MiddlewareObj<ParsedEvent, APIGatewayProxyStructuredResultV2, Error, HttpContext> {
  return {
    onError: (request: Request) => {
      const mapped = toErrorResponse(request.error);
      if (mapped.internal) {
        logger.error('request failed', { error: request.error as Error });
        metrics.addMetric('InternalErrors', MetricUnit.Count, 1);
      } else {
        logger.info('request refused', { statusCode: mapped.statusCode, error: mapped.body.error, message: mapped.body.message });
      }
      request.error = Object.assign(new Error(mapped.body.message), {
        statusCode: mapped.statusCode,
        expose: true,
        message: JSON.stringify(mapped.body),
        headers: { 'cache-control': 'no-store', ...mapped.headers },
      });
    },
  };
}

/** Builds a handler: `core` gets the verified principal and validated input, returns status and JSON body. */
export function httpHandler<B = undefined, Q = undefined, P = undefined>(
  options: HttpRouteOptions<B, Q, P>,
  core: (input: HttpInput<B, Q, P>) => Promise<HttpResult>,
) {
  const chain = middy<ParsedEvent, APIGatewayProxyStructuredResultV2, Error, HttpContext>()
    .use(httpErrorHandler({ logger: false, fallbackMessage: INTERNAL }))
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics))
    .use(errorResponses())
    .use(httpHeaderNormalizer());
  if (options.body) chain.use(httpJsonBodyParser({ disableContentTypeCheck: true }));
  return chain
    .use(authenticate(options.scope, options.verifier))
    .use(validate(options))
    .handler(async (event, context): Promise<APIGatewayProxyStructuredResultV2> => {
      const v = event.validated ?? { body: undefined, query: undefined, path: undefined };
      const result = await core({ principal: context.principal as Principal, body: v.body as B, query: v.query as Q, path: v.path as P, event, context });
      return {
        statusCode: result.statusCode,
        headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
        body: JSON.stringify(result.body),
      };
    });
}

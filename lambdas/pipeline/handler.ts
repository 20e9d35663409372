/**
 * The one middy chain for pipeline step handlers: Powertools logger and tracer, and the last
 * word on errors (SDK throttling / 5xx leave as TransientError so the state machine retries them).
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { Context } from 'aws-lambda';
import { logger } from '../shared/http/observability';
import { PipelineError, toTransient } from './errors';

/** Steps run for seconds to minutes, so the tracer's init cost is worth its segments here. */
const tracer = new Tracer({ serviceName: 'voice-correction' });

export function stepHandler<E, R>(step: string, core: (event: E) => Promise<R>) {
  return middy<E, R, Error, Context>()
    .use(injectLambdaContext(logger))
    .use(captureLambdaHandler(tracer))
    .handler(async (event) => {
      try {
        return await core(event);
      } catch (error) {
        const mapped = toTransient(error);
        const named = mapped instanceof PipelineError;
        // Named errors are expected outcomes (not audio, no speech…); anything else is a defect.
        (named ? logger.warn : logger.error).call(logger, `${step} failed`, { error: mapped as Error });
        throw mapped;
      }
    });
}

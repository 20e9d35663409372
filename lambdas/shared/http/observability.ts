/**
 * The Powertools logger, one per process. Service name and log level come from POWERTOOLS_* variables set
 * by the house Lambda construct. Metrics live in metrics.ts so that functions that publish none (the
 * WebSocket routes and authorizer) do not build a Metrics object at cold start. No Powertools Tracer in
 * the API functions: it adds ~130 KiB and tens of milliseconds of init (aws-xray-sdk-core) against a
 * 1 MiB / 150 ms budget; Lambda active tracing still records each invocation.
 */
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger({ serviceName: 'voice-correction' });

/**
 * Powertools objects, one per process. Service name and log level come from POWERTOOLS_* variables set
 * by the house Lambda construct. No Powertools Tracer in the API functions: it adds ~130 KiB and tens of
 * milliseconds of init (aws-xray-sdk-core) against a 1 MiB / 150 ms budget; Lambda active tracing still
 * records each invocation.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

export const logger = new Logger({ serviceName: 'voice-correction' });
// Metrics' own warnings (e.g. nothing to publish) go through the logger, so its log level governs them.
export const metrics = new Metrics({ namespace: 'VoiceCorrection', serviceName: 'voice-correction', logger });

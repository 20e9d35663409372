/** Powertools objects, one per process. Service name and log level come from POWERTOOLS_* variables set by the house Lambda construct. */
import { Logger } from '@aws-lambda-powertools/logger';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { Metrics } from '@aws-lambda-powertools/metrics';

export const logger = new Logger({ serviceName: 'voice-correction' });
export const tracer = new Tracer({ serviceName: 'voice-correction' });
export const metrics = new Metrics({ namespace: 'VoiceCorrection', serviceName: 'voice-correction' });

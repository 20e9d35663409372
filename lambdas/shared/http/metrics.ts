/** The Powertools metrics object, one per process; the namespace comes from POWERTOOLS_METRICS_NAMESPACE set by the house construct. */
import { Metrics } from '@aws-lambda-powertools/metrics';
import { logger } from './observability';

// Metrics' own warnings (e.g. nothing to publish) go through the logger, so its log level governs them.
export const metrics = new Metrics({ namespace: 'VoiceCorrection', serviceName: 'voice-correction', logger });

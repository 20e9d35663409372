/**
 * Composition root of the step handlers: configuration read once at load, adapters built once per
 * process. The handlers hand these ports to the use-cases; nothing here holds logic.
 */
import { documentClient, managementClient } from '../shared/aws/clients';
import { s3Client } from '../shared/aws/s3-client';
import { DynamoJobRepository } from '../shared/jobs/dynamo-job-repository';
import { loadJobsConfig } from '../shared/jobs/config';
import { createDownloadUrlSigner } from '../shared/delivery/download-url';
import { ApiGatewayNotifier } from '../shared/notifications/api-gateway-notifier';
import { DynamoConnectionRepository } from '../shared/connections/connection-repository';
import { loadConnectionsConfig, loadWsEndpoint } from '../shared/connections/config';
import { logger } from '../shared/http/observability';
import { metrics } from '../shared/http/metrics';
import { loadStepConfig } from './config';
import { createEngines, once } from './engines';
import { createS3Store } from './adapters/s3-store';
import type { StepPorts } from './use-cases/ports';

export const config = loadStepConfig();
export const store = createS3Store(s3Client());
export const engines = createEngines(config.engines, store);

const jobs = new DynamoJobRepository(documentClient(), loadJobsConfig().jobsTable);
const notifier = new ApiGatewayNotifier(
  managementClient(loadWsEndpoint()),
  new DynamoConnectionRepository(documentClient(), loadConnectionsConfig().connectionsTable),
  { logger, metrics },
);

/** Jobs, notifier, log and clock: what every step needs. */
export function stepPorts(): StepPorts {
  return { jobs, notifier, log: logger, now: Date.now };
}

/** Download links, built on first use (only Notify needs the signer's configuration). */
export const links = once(() => createDownloadUrlSigner());

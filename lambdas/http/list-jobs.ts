/** GET /jobs: the caller's jobs, newest first, paginated. */
import { httpHandler } from '../shared/http/http-handler';
import { SCOPES } from '../shared/auth/principal';
import { listJobsQuerySchema } from '../shared/jobs/schemas';
import { listJobs } from '../shared/jobs/use-cases';
import { DynamoJobRepository } from '../shared/jobs/dynamo-job-repository';
import { loadJobsConfig } from '../shared/jobs/config';
import { createDownloadUrlSigner } from '../shared/delivery/download-url';
import { documentClient } from '../shared/aws/clients';

const deps = { jobs: new DynamoJobRepository(documentClient(), loadJobsConfig().jobsTable), signer: createDownloadUrlSigner() };

export const handler = httpHandler({ scope: SCOPES.jobsRead, query: listJobsQuerySchema }, async ({ principal, query }) => ({
  statusCode: 200,
  body: await listJobs(principal.owner, query, deps),
}));

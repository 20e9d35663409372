/** GET /jobs/{id}: one of the caller's jobs; 404 for a missing id and for anyone else's. */
import { httpHandler } from '../shared/http/http-handler';
import { SCOPES } from '../shared/auth/principal';
import { jobIdPathSchema } from '../shared/jobs/schemas';
import { getJob } from '../shared/jobs/use-cases';
import { DynamoJobRepository } from '../shared/jobs/dynamo-job-repository';
import { loadJobsConfig } from '../shared/jobs/config';
import { createDownloadUrlSigner } from '../shared/delivery/download-url';
import { documentClient } from '../shared/aws/clients';

const deps = { jobs: new DynamoJobRepository(documentClient(), loadJobsConfig().jobsTable), signer: createDownloadUrlSigner() };

export const handler = httpHandler({ scope: SCOPES.jobsRead, path: jobIdPathSchema }, async ({ principal, path }) => ({
  statusCode: 200,
  body: await getJob(principal.owner, path.id, deps),
}));

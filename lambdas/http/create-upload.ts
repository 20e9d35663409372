/** POST /uploads: creates a job and returns a presigned POST for its recording. */
import { randomUUID } from 'node:crypto';
import { httpHandler } from '../shared/http/http-handler';
import { SCOPES } from '../shared/auth/principal';
import { createUploadSchema } from '../shared/jobs/schemas';
import { createUpload } from '../shared/jobs/use-cases';
import { DynamoJobRepository } from '../shared/jobs/dynamo-job-repository';
import { S3UploadPresigner } from '../shared/jobs/upload-presigner';
import { loadJobsConfig, loadUploadConfig } from '../shared/jobs/config';
import { documentClient } from '../shared/aws/clients';
import { s3Client } from '../shared/aws/s3-client';

const upload = loadUploadConfig();
const deps = {
  jobs: new DynamoJobRepository(documentClient(), loadJobsConfig().jobsTable),
  presigner: new S3UploadPresigner(s3Client(), upload.uploadBucket),
  clock: { now: () => new Date() },
  newId: randomUUID,
  limits: upload,
};

export const handler = httpHandler({ scope: SCOPES.jobsWrite, body: createUploadSchema }, async ({ principal, body }) => ({
  statusCode: 201,
  body: await createUpload(principal.owner, body, deps),
}));

import { Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/**
 * cdk-nag findings that come from CDK's grant methods on resources of the stateful stack. Each is
 * listed by its exact finding id (the export names are stable while construct ids are), with why
 * the grant is as narrow as the product allows. A finding not listed here fails synthesis.
 */
const GRANT_SHAPES: Record<string, string> = {
  'AwsSolutions-IAM5[Action::s3:GetObject*]':
    'bucket.grantRead() on a key prefix: GetObject plus its version/ACL/tagging reads of the same objects, nothing outside the prefix.',
  'AwsSolutions-IAM5[Action::s3:GetBucket*]':
    'bucket.grantRead(): bucket-level metadata reads (location, versioning) the SDK needs; no object outside the granted prefix.',
  'AwsSolutions-IAM5[Action::s3:List*]': 'bucket.grantRead(): listing is needed to tell a missing object (404) from a forbidden one (403).',
  'AwsSolutions-IAM5[Action::s3:Abort*]': 'bucket.grantPut(): aborting the function\'s own multipart uploads under the granted prefix.',
  'AwsSolutions-IAM5[Resource::VoiceCorrectionData:ExportsOutputFnGetAttStorageOutputBB69BB33Arn06854E98/staging/*]':
    'Pipeline steps exchange intermediate files under staging/{owner}/{jobId}/ with ids made at run time; nothing else in the output bucket.',
  'AwsSolutions-IAM5[Resource::VoiceCorrectionData:ExportsOutputFnGetAttStorageOutputBB69BB33Arn06854E98/results/*]':
    'Finish writes results/{owner}/{jobId}/ with ids made at run time; it cannot touch staging files or other buckets.',
  'AwsSolutions-IAM5[Resource::VoiceCorrectionData:ExportsOutputFnGetAttStorageUploadsBDC5E374Arn3C5FAEFB/uploads/*]':
    'Uploads are keyed uploads/{owner}/{jobId}/source with ids made at run time; grants stop at the uploads/ prefix.',
  'AwsSolutions-IAM5[Resource::VoiceCorrectionData:ExportsOutputFnGetAttTablesConnectionsF6D675B1Arn718BE6B5/index/*]':
    'table.grant*Data() adds the table\'s indexes; the byOwner index is how a user\'s connections are found.',
  'AwsSolutions-IAM5[Resource::VoiceCorrectionData:ExportsOutputFnGetAttTablesJobs313634AEArn67B2C15E/index/*]':
    'table.grant*Data() adds the table\'s indexes; the byOwner index serves GET /jobs newest first.',
};

/** Acknowledges the grant-shaped findings on `scope` (the stateless stack). */
export function acknowledgeGrantShapes(scope: Construct): void {
  Validations.of(scope).acknowledge(...Object.entries(GRANT_SHAPES).map(([id, reason]) => ({ id, reason })));
}

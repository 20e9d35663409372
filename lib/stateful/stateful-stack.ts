import { Stack, StackProps, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Auth, AuthProps } from '../constructs/auth';
import { Delivery } from '../constructs/delivery';
import { Storage, StorageProps } from '../constructs/storage';
import { Tables } from '../constructs/tables';

export interface StatefulStackProps extends StackProps {
  readonly auth?: AuthProps;
  readonly storage?: StorageProps;
}

/** What keeps data: user pool, buckets, tables, and the CDN in front of results. Deployed apart from code. */
export class StatefulStack extends Stack {
  public readonly auth: Auth;
  public readonly storage: Storage;
  public readonly tables: Tables;
  /** CloudFront downloads: lives with the output bucket because its Origin Access Control policy is on that bucket. */
  public readonly delivery: Delivery;

  constructor(scope: Construct, id: string, props: StatefulStackProps = {}) {
    super(scope, id, props);
    this.auth = new Auth(this, 'Auth', props.auth);
    this.storage = new Storage(this, 'Storage', props.storage);
    this.tables = new Tables(this, 'Tables');
    this.delivery = new Delivery(this, 'Delivery', {
      outputBucket: this.storage.outputBucket,
      logBucket: this.storage.logBucket,
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'Only CDK\'s own BucketNotificationsHandler (which switches on EventBridge notifications for the upload bucket at deploy time) uses this managed policy; it writes only its logs.',
    });
  }
}

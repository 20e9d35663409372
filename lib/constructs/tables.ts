import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

/** Name of the owner index on both tables (partition `owner`). */
export const BY_OWNER_INDEX = 'byOwner';

/**
 * Jobs (kept, point-in-time recovery) and WebSocket connections (ephemeral). Both are keyed by
 * id, indexed by owner, and expire through the `expiresAt` TTL attribute.
 */
export class Tables extends Construct {
  public readonly jobs: dynamodb.ITable;
  public readonly connections: dynamodb.ITable;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const jobs = new dynamodb.TableV2(this, 'Jobs', {
      partitionKey: { name: 'jobId', type: dynamodb.AttributeType.STRING },
      timeToLiveAttribute: 'expiresAt',
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      globalSecondaryIndexes: [
        {
          indexName: BY_OWNER_INDEX,
          partitionKey: { name: 'owner', type: dynamodb.AttributeType.STRING },
          sortKey: { name: 'createdAt', type: dynamodb.AttributeType.STRING },
          projectionType: dynamodb.ProjectionType.ALL,
        },
      ],
    });
    const connections = new dynamodb.TableV2(this, 'Connections', {
      partitionKey: { name: 'connectionId', type: dynamodb.AttributeType.STRING },
      timeToLiveAttribute: 'expiresAt',
      removalPolicy: RemovalPolicy.DESTROY,
      globalSecondaryIndexes: [
        {
          indexName: BY_OWNER_INDEX,
          partitionKey: { name: 'owner', type: dynamodb.AttributeType.STRING },
          sortKey: { name: 'connectionId', type: dynamodb.AttributeType.STRING },
          projectionType: dynamodb.ProjectionType.ALL,
        },
      ],
    });
    Validations.of(connections).acknowledge({
      id: 'AwsSolutions-DDB3',
      reason: 'Connection records live at most a few hours and are recreated when a client reconnects; there is nothing to recover.',
    });
    this.jobs = jobs;
    this.connections = connections;
  }
}

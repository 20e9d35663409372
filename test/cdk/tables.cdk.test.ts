import { Match } from 'aws-cdk-lib/assertions';
import { resourcesOf, useApp } from './app';

describe('Tables (jobs, connections)', () => {
  const app = useApp();

  it('keys jobs by jobId with a byOwner index sorted by createdAt, TTL, PITR and deletion protection', () => {
    app().stateful.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [{ AttributeName: 'jobId', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byOwner',
          KeySchema: [
            { AttributeName: 'owner', KeyType: 'HASH' },
            { AttributeName: 'createdAt', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      Replicas: [
        Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
        }),
      ],
    });
  });

  it('keys connections by connectionId with a byOwner index and TTL', () => {
    app().stateful.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [{ AttributeName: 'connectionId', KeyType: 'HASH' }],
      GlobalSecondaryIndexes: [
        Match.objectLike({
          IndexName: 'byOwner',
          KeySchema: [
            { AttributeName: 'owner', KeyType: 'HASH' },
            { AttributeName: 'connectionId', KeyType: 'RANGE' },
          ],
        }),
      ],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('retains the jobs table but not the ephemeral connections table', () => {
    const tables = resourcesOf(app().stateful, 'AWS::DynamoDB::GlobalTable') as Record<string, any>;
    const byKey = (k: string) => Object.values(tables).find((t) => t.Properties.KeySchema[0].AttributeName === k);
    expect(Object.keys(tables)).toHaveLength(2);
    expect(byKey('jobId').DeletionPolicy).toBe('Retain');
    expect(byKey('connectionId').DeletionPolicy).toBe('Delete');
    expect(byKey('connectionId').Properties.Replicas[0].PointInTimeRecoverySpecification).toBeUndefined();
  });
});

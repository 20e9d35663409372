/** The two tables of the API contract (the CDK tables construct defines the same keys and GSIs). */
import type { TableSchema } from './tables';

export function tableSchemas(names: { jobs: string; connections: string }): TableSchema[] {
  return [
    { name: names.jobs, partitionKey: 'jobId', indexes: { byOwner: { partitionKey: 'owner', sortKey: 'createdAt' } } },
    { name: names.connections, partitionKey: 'connectionId', indexes: { byOwner: { partitionKey: 'owner', sortKey: 'connectionId' } } },
  ];
}

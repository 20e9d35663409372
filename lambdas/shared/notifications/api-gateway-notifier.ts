/** Notifier over the API Gateway management API: one PostToConnection per open connection of the owner. */
import { PostToConnectionCommand, type ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { ConnectionRepository } from '../connections/connection-repository';
import type { Notifier, ServerMessage } from './messages';

/** A connection that closed without $disconnect reaching us. */
export const isGone = (err: unknown) =>
  (err as { name?: string }).name === 'GoneException' || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 410;

export class ApiGatewayNotifier implements Notifier {
  constructor(
    private readonly client: ApiGatewayManagementApiClient,
    private readonly connections: ConnectionRepository,
    private readonly observe: { logger?: Pick<Logger, 'warn'>; metrics?: Pick<Metrics, 'addMetric'> } = {},
  ) {}

  /** Sends to one connection; true when delivered, false when gone; throws on other failures. */
  async send(connectionId: string, message: ServerMessage): Promise<boolean> {
    try {
      await this.client.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: JSON.stringify(message) }));
      return true;
    } catch (err) {
      if (!isGone(err)) throw err;
      await this.connections.delete(connectionId);
      return false;
    }
  }

  async notifyOwner(owner: string, message: ServerMessage): Promise<{ delivered: number; gone: number }> {
    const connections = await this.connections.listByOwner(owner);
    const outcomes = await Promise.allSettled(connections.map((c) => this.send(c.connectionId, message)));
    let delivered = 0;
    let gone = 0;
    outcomes.forEach((o, i) => {
      if (o.status === 'fulfilled') {
        if (o.value) delivered++;
        else gone++;
        return;
      }
      // A notification is best effort: one broken connection must not fail the job step that sent it.
      this.observe.logger?.warn('notification failed', { connectionId: connections[i].connectionId, messageType: message.type, error: o.reason as Error });
      this.observe.metrics?.addMetric('NotificationFailures', MetricUnit.Count, 1);
    });
    if (gone > 0) this.observe.metrics?.addMetric('GoneConnections', MetricUnit.Count, gone);
    return { delivered, gone };
  }
}

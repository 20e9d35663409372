import { CfnElement, Stack, Token, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { accessLogSettings } from './access-logs';
import { AuthEnvironment } from './auth-environment';
import { HouseFunction } from './house-function';

export interface NotificationsProps {
  readonly auth: AuthEnvironment;
  readonly connectionsTable: dynamodb.ITable;
  /** Stage name in the WebSocket URL. @default 'prod' */
  readonly stageName?: string;
}

/**
 * The WebSocket API clients keep open for progress and results: a token-checking `$connect`
 * authorizer, connection bookkeeping, `ping`, and the grant to push messages to connections.
 */
export class Notifications extends Construct {
  public readonly api: apigw.WebSocketApi;
  public readonly stage: apigw.WebSocketStage;
  /** wss:// URL clients connect to. */
  public readonly url: string;
  /** https:// management endpoint for PostToConnection (WS_ENDPOINT). */
  public readonly managementEndpoint: string;
  private readonly connectionsTable: dynamodb.ITable;

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);
    const stageName = props.stageName ?? 'prod';
    this.connectionsTable = props.connectionsTable;
    const tableEnv = { CONNECTIONS_TABLE: props.connectionsTable.tableName };

    const authorizerFn = new HouseFunction(this, 'Authorizer', {
      entry: 'lambdas/ws/authorizer.ts',
      description: 'voice-correction WebSocket $connect authorizer',
      environment: props.auth.environment,
    });
    const connect = new HouseFunction(this, 'Connect', {
      entry: 'lambdas/ws/connect.ts',
      description: 'voice-correction WebSocket $connect',
      environment: tableEnv,
    });
    const disconnect = new HouseFunction(this, 'Disconnect', {
      entry: 'lambdas/ws/disconnect.ts',
      description: 'voice-correction WebSocket $disconnect',
      environment: tableEnv,
    });
    const ping = new HouseFunction(this, 'Ping', {
      entry: 'lambdas/ws/ping.ts',
      description: 'voice-correction WebSocket ping route',
    });
    props.connectionsTable.grantWriteData(connect.fn);
    props.connectionsTable.grantWriteData(disconnect.fn);

    this.api = new apigw.WebSocketApi(this, 'Api', {
      description: 'voice-correction notifications',
      connectRouteOptions: {
        integration: new WebSocketLambdaIntegration('ConnectIntegration', connect.fn),
        authorizer: new WebSocketLambdaAuthorizer('TokenAuthorizer', authorizerFn.fn, {
          identitySource: ['route.request.querystring.token'],
        }),
      },
      disconnectRouteOptions: { integration: new WebSocketLambdaIntegration('DisconnectIntegration', disconnect.fn) },
    });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: 'WebSocket authorization happens once, on $connect (token authorizer); $disconnect and ping run only on a connection that passed it.',
    });
    this.api.addRoute('ping', {
      integration: new WebSocketLambdaIntegration('PingIntegration', ping.fn),
      returnResponse: false,
    });
    this.stage = new apigw.WebSocketStage(this, 'Stage', {
      webSocketApi: this.api,
      stageName,
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: accessLogSettings(this, { connectionId: '$context.connectionId' }),
    });
    this.url = this.stage.url;
    this.managementEndpoint = `https://${this.api.apiId}.execute-api.${Stack.of(this).region}.${Stack.of(this).urlSuffix}/${stageName}`;
    // ping answers on its own connection (and forgets it when it is gone).
    this.grantNotify(ping);
  }

  /** Lets `fn` find the owner's connections and post to them; sets CONNECTIONS_TABLE and WS_ENDPOINT. */
  grantNotify(fn: HouseFunction): void {
    this.connectionsTable.grantReadWriteData(fn.fn);
    fn.fn.addEnvironment('CONNECTIONS_TABLE', this.connectionsTable.tableName);
    this.grantPush(fn);
  }

  private grantPush(fn: HouseFunction): void {
    this.stage.grantManagementApiAccess(fn.fn);
    fn.fn.addEnvironment('WS_ENDPOINT', this.managementEndpoint);
    const stack = Stack.of(this);
    const apiId = stack.getLogicalId(this.api.node.defaultChild as CfnElement);
    // cdk-nag prints literal partition/region when the stack has an explicit environment.
    const partition = Token.isUnresolved(stack.partition) ? '<AWS::Partition>' : stack.partition;
    const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
    Validations.of(fn).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:${partition}:execute-api:${region}:<AWS::AccountId>:<${apiId}>/${this.stage.stageName}/*/@connections/*]`,
      reason: 'Connection ids are assigned by API Gateway at connect time; the grant is limited to this API stage\'s @connections resource.',
    });
  }
}

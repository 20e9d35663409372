import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/**
 * JSON access logging for an API Gateway v2 stage, into a log group of its own. Query strings are
 * never logged: the WebSocket token travels in one.
 */
export function accessLogSettings(scope: Construct, extraFields: Record<string, string>): apigw.IAccessLogSettings {
  const group = new logs.LogGroup(scope, 'AccessLogs', { retention: logs.RetentionDays.ONE_MONTH });
  return {
    destination: new apigw.LogGroupLogDestination(group),
    format: AccessLogFormat.custom(
      JSON.stringify({
        requestId: '$context.requestId',
        routeKey: '$context.routeKey',
        status: '$context.status',
        error: '$context.authorizer.error',
        ...extraFields,
      }),
    ),
  };
}

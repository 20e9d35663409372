/** The Step Functions API subset lambdas/pipeline/start.ts uses (AWS JSON 1.0), on loopback, so its SFN client works via SFN_ENDPOINT. */
import { createServer, type Server } from 'node:http';
import { readBody, sendJson } from '../http-util';
import { SfnError, type LocalExecutions } from './executions';

const CONTENT_TYPE = { 'content-type': 'application/x-amz-json-1.0' };

export function sfnServer(executions: () => LocalExecutions | undefined): Server {
  return createServer((req, res) => {
    void (async () => {
      try {
        if (req.method !== 'POST') throw new SfnError('UnknownOperationException', 'POST only');
        const op = String(req.headers['x-amz-target'] ?? '').replace(/^AWSStepFunctions\./, '');
        const body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as Record<string, unknown>;
        const runner = executions();
        if (!runner) throw new SfnError('ServiceUnavailable', 'the local state machine is not ready yet');
        if (op === 'StartExecution') return sendJson(res, 200, await runner.start(body), CONTENT_TYPE);
        if (op === 'DescribeExecution') return sendJson(res, 200, runner.describe(body.executionArn), CONTENT_TYPE);
        throw new SfnError('UnknownOperationException', `${op || 'missing X-Amz-Target'} is not supported locally`);
      } catch (err) {
        const type = err instanceof SfnError ? err.type : err instanceof SyntaxError ? 'SerializationException' : 'InternalFailure';
        const message = err instanceof SfnError || err instanceof SyntaxError ? err.message : 'internal error';
        if (!(err instanceof SfnError)) console.error(`[local sfn] ${(err as Error).message}`);
        sendJson(res, type === 'InternalFailure' || type === 'ServiceUnavailable' ? 500 : 400, { __type: type, message }, { ...CONTENT_TYPE, 'x-amzn-errortype': type });
      }
    })();
  });
}

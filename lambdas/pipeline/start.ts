/** EventBridge target for S3 "Object Created" on the upload bucket: one execution per job. */
import { SFNClient } from '@aws-sdk/client-sfn';
import type { EventBridgeEvent } from 'aws-lambda';
import { logger } from '../shared/http/observability';
import { loadStarterConfig } from './config';
import { createExecutionStarter } from './adapters/sfn-starter';
import { stepHandler } from './handler';
import { startPipeline, type ObjectCreatedDetail } from './use-cases/start-pipeline';

const config = loadStarterConfig();
const sfn = new SFNClient(config.sfnEndpoint ? { endpoint: config.sfnEndpoint } : {});
const startExecution = createExecutionStarter(sfn, config.stateMachineArn);

export const handler = stepHandler('Start', async (event: EventBridgeEvent<'Object Created', ObjectCreatedDetail>) => {
  const outcome = await startPipeline(event.detail, { startExecution, log: logger, now: Date.now });
  return { outcome };
});

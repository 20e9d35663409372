/** State `RecordFailure`, and the target of the execution-status EventBridge rule. Returns its input. */
import { stepHandler } from './handler';
import { stepPorts } from './runtime';
import { recordFailure, type FailureInput } from './use-cases/record-failure';

export const handler = stepHandler('RecordFailure', async (input: FailureInput) => {
  await recordFailure(input, stepPorts());
  return input;
});

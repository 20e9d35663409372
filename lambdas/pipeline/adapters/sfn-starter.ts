/** StartExecution named after the job: a second start with the same name is a no-op, not an error. */
import { ExecutionAlreadyExists, StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';
import { toTransient } from '../errors';
import type { StartExecution } from '../use-cases/start-pipeline';

export function createExecutionStarter(sfn: SFNClient, stateMachineArn: string): StartExecution {
  return async (name, input) => {
    try {
      await sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }));
      return true;
    } catch (error) {
      if (error instanceof ExecutionAlreadyExists || (error as { name?: string }).name === 'ExecutionAlreadyExists') return false;
      throw toTransient(error);
    }
  };
}

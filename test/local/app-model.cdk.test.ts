import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { synthesizeApp } from '../../local/app-model';
import { repoRoot } from '../../local/lambda';

jest.setTimeout(180_000);

describe('app model from the synthesized CDK app (lib/app.ts)', () => {
  it('maps every Task state, route and EventBridge target to an existing handler file', async () => {
    const app = await synthesizeApp();
    const { tasks, waits } = app.stateMachine;
    expect(tasks).toMatchObject({
      Accept: { entry: 'lambdas/pipeline/accept.ts' },
      StartTranscription: { entry: 'lambdas/pipeline/transcribe-start.ts' },
      CheckTranscription: { entry: 'lambdas/pipeline/transcribe-check.ts' },
      Correct: { entry: 'lambdas/pipeline/correct.ts' },
      Synthesize: { entry: 'lambdas/pipeline/synthesize.ts' },
      Finish: { entry: 'lambdas/pipeline/finish.ts' },
      Notify: { entry: 'lambdas/pipeline/notify.ts' },
      RecordFailure: { entry: 'lambdas/pipeline/fail.ts' },
    });
    expect(waits).toEqual(['WaitForTranscription']);
    expect(app.httpRoutes.map((r) => [r.routeKey, r.jwt]).sort()).toEqual([
      ['GET /jobs', true],
      ['GET /jobs/{id}', true],
      ['GET /token/verify', false],
      ['POST /uploads', true],
    ]);
    expect(Object.keys(app.wsRoutes).sort()).toEqual(['$connect', '$disconnect', 'ping']);
    expect(app.wsAuthorizer?.entry).toBe('lambdas/ws/authorizer.ts');
    expect(app.onObjectCreated?.entry).toBe('lambdas/pipeline/start.ts');
    expect(app.onExecutionEnded?.entry).toBe('lambdas/pipeline/fail.ts');
    const entries = [...Object.values(tasks), ...app.httpRoutes, ...Object.values(app.wsRoutes)].map((f) => f.entry);
    for (const entry of entries) expect(existsSync(join(repoRoot, entry))).toBe(true);
  });
});

/** The system under test: local mode started in-process, or a deployment named by its stack outputs. */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VoiceCorrectionClient } from '../../../client/src';
import { readE2eConfig, type Credentials } from './config';

export interface Target {
  readonly kind: 'local' | 'deployed';
  readonly outputsFile: string;
  /** A client signed in as user A / user B. */
  readonly userA: VoiceCorrectionClient;
  readonly userB: VoiceCorrectionClient;
  /** A client with no token (for refused-connection checks and service tokens). */
  anonymous(): Promise<VoiceCorrectionClient>;
  /** Service client secret: the local outputs' own, or E2E_SERVICE_CLIENT_SECRET for a deployment. */
  readonly serviceClientSecret?: string;
  /** Resolves once the system has no work in flight (local: no running execution; deployed: a settling pause). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** Pause given to a deployment to deliver any late duplicate before counting messages. */
const DEPLOYED_SETTLE_MS = 20_000;

async function signedIn(outputsFile: string, stackName: string | undefined, user: Credentials, create: boolean): Promise<VoiceCorrectionClient> {
  const client = await VoiceCorrectionClient.fromOutputsFile(outputsFile, { stackName });
  if (create) await client.ensureUser(user.email, user.password);
  else await client.signInWithPassword(user.email, user.password);
  return client;
}

/** Opens the target the environment names (see config.ts). */
export async function openTarget(): Promise<Target> {
  const config = readE2eConfig();
  if (config.kind === 'deployed') {
    const { outputsFile, stackName } = config;
    return {
      kind: 'deployed',
      outputsFile,
      userA: await signedIn(outputsFile, stackName, config.userA, false),
      userB: await signedIn(outputsFile, stackName, config.userB, false),
      anonymous: () => VoiceCorrectionClient.fromOutputsFile(outputsFile, { stackName }),
      serviceClientSecret: config.serviceClientSecret,
      settle: () => new Promise((r) => setTimeout(r, DEPLOYED_SETTLE_MS)),
      close: async () => undefined,
    };
  }
  // Imported only here so a deployed run never loads the local runtime.
  const { startLocal } = await import('../../../local/start');
  const dataDir = await mkdtemp(join(tmpdir(), 'vc-e2e-'));
  const runtime = await startLocal({ dataDir, verbose: false, deliverCode: () => undefined });
  try {
    const run = randomUUID().slice(0, 8);
    const users = { a: { email: `a-${run}@example.com`, password: 'User-A-Passw0rd!' }, b: { email: `b-${run}@example.com`, password: 'User-B-Passw0rd!' } };
    const userA = await signedIn(runtime.outputsFile, undefined, users.a, true);
    const userB = await signedIn(runtime.outputsFile, undefined, users.b, true);
    return {
      kind: 'local',
      outputsFile: runtime.outputsFile,
      userA,
      userB,
      anonymous: () => VoiceCorrectionClient.fromOutputsFile(runtime.outputsFile),
      serviceClientSecret: userA.config.localServiceClientSecret,
      settle: () => runtime.idle(),
      close: async () => {
        await runtime.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await runtime.stop();
    await rm(dataDir, { recursive: true, force: true });
    throw e;
  }
}

/** Turns an S3 "Object Created" event into one state machine execution per job. */
import { keys } from '../../shared/jobs/model';
import type { PipelineState } from '../state';
import type { Log } from './ports';

/** The part of the EventBridge S3 event we read. */
export interface ObjectCreatedDetail {
  readonly bucket: { readonly name: string };
  readonly object: { readonly key: string; readonly size?: number; readonly etag?: string };
}

/** Starts an execution named `name`; resolves false when one with that name already exists. */
export type StartExecution = (name: string, input: PipelineState) => Promise<boolean>;

export type StartOutcome = 'started' | 'duplicate' | 'ignored';

export async function startPipeline(
  detail: ObjectCreatedDetail,
  ports: { readonly startExecution: StartExecution; readonly log: Log; readonly now: () => number },
): Promise<StartOutcome> {
  const key = detail.object.key;
  // EventBridge keys may arrive URL-encoded; ours never contain characters that need it, but be lenient.
  const parsed = keys.parseUpload(key) ?? keys.parseUpload(safeDecode(key));
  if (!parsed) {
    ports.log.info('ignoring an object that is not an upload', { bucket: detail.bucket.name, key });
    return 'ignored';
  }
  const input: PipelineState = {
    jobId: parsed.jobId,
    owner: parsed.owner,
    bucket: detail.bucket.name,
    key: keys.upload(parsed.owner, parsed.jobId),
    size: detail.object.size ?? 0,
    startedAt: new Date(ports.now()).toISOString(),
    timings: {},
  };
  const started = await ports.startExecution(parsed.jobId, input);
  if (!started) {
    ports.log.info('execution already exists: duplicate event or re-upload, nothing started', { jobId: parsed.jobId });
    return 'duplicate';
  }
  return 'started';
}

function safeDecode(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch {
    return key;
  }
}

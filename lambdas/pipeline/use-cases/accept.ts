/** Accept: the upload belongs to a waiting job, is within size, is really audio and within the duration limit. */
import { keys } from '../../shared/jobs/model';
import type { AudioCodec, AudioInfo } from '../../shared/ports';
import { JobRejected, NotAudio, TooLarge, TooLong } from '../errors';
import type { PipelineState } from '../state';
import { setStatus, withTiming, type ObjectStore, type StepPorts } from './ports';

export interface AcceptPorts extends StepPorts {
  readonly store: ObjectStore;
  readonly codec: AudioCodec;
  readonly maxUploadBytes: number;
  readonly maxDurationSeconds: number;
}

export async function accept(state: PipelineState, ports: AcceptPorts): Promise<PipelineState> {
  const began = ports.now();
  const job = await ports.jobs.get(state.jobId);
  if (!job) throw new JobRejected(`No job ${state.jobId}`);
  if (job.owner !== state.owner || !state.key.startsWith(keys.uploadPrefix(job.owner)) || state.key !== job.uploadKey) {
    throw new JobRejected(`Object ${state.key} is not the upload of job ${state.jobId}`);
  }
  if (job.status !== 'awaiting-upload' && job.status !== 'uploaded') {
    throw new JobRejected(`Job ${state.jobId} is ${job.status}, not waiting for an upload`);
  }
  if (state.size > ports.maxUploadBytes) {
    throw new TooLarge(`The file is ${state.size} bytes; the limit is ${ports.maxUploadBytes} bytes.`);
  }

  const bytes = await ports.store.getBytes(state.bucket, state.key);
  if (bytes.byteLength > ports.maxUploadBytes) {
    throw new TooLarge(`The file is ${bytes.byteLength} bytes; the limit is ${ports.maxUploadBytes} bytes.`);
  }
  let info: AudioInfo | undefined;
  try {
    info = await ports.codec.probe(bytes);
  } catch {
    info = undefined; // an unreadable header is the same as not audio
  }
  if (!info || !(info.durationSeconds > 0)) {
    throw new NotAudio('The file is not a recording in a supported format (mp3, wav, flac, ogg).');
  }
  if (info.durationSeconds > ports.maxDurationSeconds) {
    throw new TooLong(
      `The recording is ${Math.ceil(info.durationSeconds)} seconds long; the limit is ${ports.maxDurationSeconds} seconds.`,
    );
  }

  await setStatus(ports, state, 'processing');
  return {
    ...state,
    size: bytes.byteLength,
    format: info.format,
    durationSeconds: info.durationSeconds,
    ...(job.language ? { language: job.language } : {}),
    outputMode: job.outputMode,
    timings: withTiming(state, 'accept', began, ports.now()),
  };
}

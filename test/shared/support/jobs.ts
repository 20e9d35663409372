/** Job records as the table holds them. */
import type { Job } from '../../../lambdas/shared/jobs/model';

export function jobRecord(overrides: Partial<Job> = {}): Job {
  const jobId = overrides.jobId ?? 'job-1';
  const owner = overrides.owner ?? 'user-1';
  return {
    jobId,
    owner,
    status: 'awaiting-upload',
    fileName: 'talk.mp3',
    contentType: 'audio/mpeg',
    size: 4096,
    outputMode: 'own-voice',
    uploadKey: `uploads/${owner}/${jobId}/source`,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    expiresAt: 1_900_000_000,
    ...overrides,
  };
}

export function doneRecord(overrides: Partial<Job> = {}): Job {
  const base = jobRecord(overrides);
  return {
    ...base,
    status: 'done',
    timings: { transcribe: 1200, correct: 30 },
    result: {
      transcript: 'he go home',
      correctedText: 'he goes home',
      edits: [{ start: 0.4, end: 0.7, original: 'go', corrected: 'goes' }],
      unchanged: false,
      resultKey: `results/${base.owner}/${base.jobId}/result.json`,
      audioKey: `results/${base.owner}/${base.jobId}/corrected.mp3`,
    },
    ...overrides,
  };
}

/** SpeechToText on Amazon Transcribe (batch jobs, output JSON written to the work location). */
import {
  ConflictException,
  GetTranscriptionJobCommand,
  StartTranscriptionJobCommand,
  type LanguageCode,
  type MediaFormat,
  type TranscribeClient,
} from '@aws-sdk/client-transcribe';
import type { S3Client } from '@aws-sdk/client-s3';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { SpeechToText, TimedWord, Transcript, TranscriptionStatus } from '../../shared/ports';
import { toTransient } from '../errors';
import { LANGUAGES } from '../../shared/jobs/model';

/** The part of Transcribe's output JSON we read. */
export interface TranscribeOutput {
  readonly results: {
    readonly transcripts?: readonly { readonly transcript: string }[];
    readonly items: readonly {
      readonly type: 'pronunciation' | 'punctuation';
      readonly start_time?: string;
      readonly end_time?: string;
      readonly alternatives: readonly { readonly content: string; readonly confidence?: string }[];
    }[];
    readonly language_code?: string;
  };
}

/**
 * Transcribe items → the Transcript invariant: one TimedWord per pronunciation item, punctuation
 * attached to the word before it, text = words joined by single spaces.
 */
export function toTranscript(output: TranscribeOutput, language: string): Transcript {
  const words: { text: string; start: number; end: number; confidence?: number }[] = [];
  for (const item of output.results.items) {
    const content = item.alternatives[0]?.content?.trim();
    if (!content) continue;
    if (item.type === 'punctuation') {
      const previous = words[words.length - 1];
      if (previous) previous.text += content; // leading punctuation has no word to attach to: dropped
      continue;
    }
    const confidence = item.alternatives[0]?.confidence;
    words.push({
      text: content.replace(/\s+/g, '_'),
      start: Number(item.start_time ?? 0),
      end: Number(item.end_time ?? item.start_time ?? 0),
      ...(confidence !== undefined && confidence !== '' ? { confidence: Number(confidence) } : {}),
    });
  }
  const timed: TimedWord[] = words;
  return { text: timed.map((w) => w.text).join(' '), words: timed, language };
}

export function createTranscribeStt(deps: { transcribe: TranscribeClient; s3: S3Client }): SpeechToText {
  const { transcribe, s3 } = deps;
  return {
    async start(request) {
      try {
        await transcribe.send(
          new StartTranscriptionJobCommand({
            TranscriptionJobName: request.jobId,
            Media: { MediaFileUri: `s3://${request.bucket}/${request.key}` },
            MediaFormat: request.mediaFormat as MediaFormat,
            ...(request.language
              ? { LanguageCode: request.language as LanguageCode }
              : { IdentifyLanguage: true, LanguageOptions: [...LANGUAGES] as LanguageCode[] }),
            OutputBucketName: request.outputBucket,
            OutputKey: request.outputKey,
          }),
        );
      } catch (error) {
        // The job name is the job id: a job that exists already is this job, started before (retry or replay).
        if (error instanceof ConflictException || (error as { name?: string }).name === 'ConflictException') return;
        throw toTransient(error);
      }
    },

    async check(request): Promise<TranscriptionStatus> {
      try {
        const { TranscriptionJob: job } = await transcribe.send(
          new GetTranscriptionJobCommand({ TranscriptionJobName: request.jobId }),
        );
        switch (job?.TranscriptionJobStatus) {
          case 'COMPLETED': {
            const out = await s3.send(new GetObjectCommand({ Bucket: request.outputBucket, Key: request.outputKey }));
            if (!out.Body) return { state: 'failed', reason: 'the transcription output is empty' };
            const output = JSON.parse(await out.Body.transformToString()) as TranscribeOutput;
            const language = job.LanguageCode ?? output.results.language_code ?? request.language ?? 'en-US';
            return { state: 'completed', transcript: toTranscript(output, language) };
          }
          case 'FAILED':
            return { state: 'failed', reason: job.FailureReason ?? 'unknown reason' };
          default:
            return { state: 'in-progress' };
        }
      } catch (error) {
        throw toTransient(error);
      }
    },
  };
}

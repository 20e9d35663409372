import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { ConflictException, GetTranscriptionJobCommand, StartTranscriptionJobCommand, TranscribeClient } from '@aws-sdk/client-transcribe';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createTranscribeStt, toTranscript, type TranscribeOutput } from '../../../lambdas/pipeline/adapters/transcribe';
import { LANGUAGES } from '../../../lambdas/shared/jobs/model';
import { TransientError } from '../../../lambdas/pipeline/errors';
import { sdkBody, thrown } from '../fakes';

const transcribeMock = mockClient(TranscribeClient);
const s3Mock = mockClient(S3Client);
const stt = createTranscribeStt({ transcribe: new TranscribeClient({ region: 'eu-west-1' }), s3: new S3Client({ region: 'eu-west-1' }) });
const request = { jobId: 'job-1', bucket: 'up', key: 'uploads/o/job-1/source', mediaFormat: 'mp3', outputBucket: 'out', outputKey: 'staging/o/job-1/transcription-output.json' };

const output: TranscribeOutput = {
  results: {
    transcripts: [{ transcript: 'Well, she go to school.' }],
    items: [
      { type: 'pronunciation', start_time: '0.04', end_time: '0.35', alternatives: [{ content: 'Well', confidence: '0.98' }] },
      { type: 'punctuation', alternatives: [{ content: ',' }] },
      { type: 'pronunciation', start_time: '0.5', end_time: '0.71', alternatives: [{ content: 'she', confidence: '0.99' }] },
      { type: 'pronunciation', start_time: '0.72', end_time: '0.9', alternatives: [{ content: 'go', confidence: '0.9' }] },
      { type: 'pronunciation', start_time: '0.91', end_time: '1.02', alternatives: [{ content: 'to', confidence: '1.0' }] },
      { type: 'pronunciation', start_time: '1.03', end_time: '1.6', alternatives: [{ content: 'school', confidence: '0.97' }] },
      { type: 'punctuation', alternatives: [{ content: '.' }] },
    ],
  },
};

beforeEach(() => {
  transcribeMock.reset();
  s3Mock.reset();
});

describe('toTranscript', () => {
  it('attaches punctuation to the previous word and keeps word times', () => {
    const t = toTranscript(output, 'en-US');
    expect(t.text).toBe('Well, she go to school.');
    expect(t.words.map((w) => w.text)).toEqual(['Well,', 'she', 'go', 'to', 'school.']);
    expect(t.words[0]).toEqual({ text: 'Well,', start: 0.04, end: 0.35, confidence: 0.98 });
    expect(t.words[4]).toMatchObject({ start: 1.03, end: 1.6 });
    expect(t.text).toBe(t.words.map((w) => w.text).join(' '));
  });

  it('gives no words for silence', () => {
    expect(toTranscript({ results: { items: [] } }, 'en-US')).toEqual({ text: '', words: [], language: 'en-US' });
  });
});

describe('createTranscribeStt', () => {
  it('starts a job named after the job id with the given language and the work output location', async () => {
    transcribeMock.on(StartTranscriptionJobCommand).resolves({});
    await stt.start({ ...request, language: 'en-GB' });
    expect(transcribeMock).toHaveReceivedCommandWith(StartTranscriptionJobCommand, {
      TranscriptionJobName: 'job-1',
      Media: { MediaFileUri: 's3://up/uploads/o/job-1/source' },
      MediaFormat: 'mp3',
      LanguageCode: 'en-GB',
      OutputBucketName: 'out',
      OutputKey: 'staging/o/job-1/transcription-output.json',
    });
  });

  it('identifies the language among the English variants when none is given', async () => {
    transcribeMock.on(StartTranscriptionJobCommand).resolves({});
    await stt.start(request);
    const input = transcribeMock.commandCalls(StartTranscriptionJobCommand)[0].args[0].input;
    expect(input.IdentifyLanguage).toBe(true);
    expect(input.LanguageOptions).toEqual([...LANGUAGES]);
    expect(input.LanguageCode).toBeUndefined();
  });

  it('reuses an existing job with the same name (ConflictException)', async () => {
    transcribeMock.on(StartTranscriptionJobCommand).rejects(new ConflictException({ message: 'The requested job name already exists.', $metadata: {} }));
    await expect(stt.start(request)).resolves.toBeUndefined();
  });

  it('maps throttling to TransientError', async () => {
    transcribeMock.on(StartTranscriptionJobCommand).rejects(Object.assign(new Error('limit'), { name: 'LimitExceededException' }));
    expect(await thrown(() => stt.start(request))).toBeInstanceOf(TransientError);
  });

  it('reports in-progress and failed jobs', async () => {
    transcribeMock.on(GetTranscriptionJobCommand).resolvesOnce({ TranscriptionJob: { TranscriptionJobStatus: 'IN_PROGRESS' } }).resolvesOnce({
      TranscriptionJob: { TranscriptionJobStatus: 'FAILED', FailureReason: 'Invalid media' },
    });
    await expect(stt.check(request)).resolves.toEqual({ state: 'in-progress' });
    await expect(stt.check(request)).resolves.toEqual({ state: 'failed', reason: 'Invalid media' });
  });

  it('reads and converts the output JSON of a completed job, with the identified language', async () => {
    transcribeMock.on(GetTranscriptionJobCommand).resolves({ TranscriptionJob: { TranscriptionJobStatus: 'COMPLETED', LanguageCode: 'en-AU' } });
    s3Mock.on(GetObjectCommand, { Bucket: 'out', Key: 'staging/o/job-1/transcription-output.json' }).resolves({
      Body: sdkBody(Buffer.from(JSON.stringify(output))),
    });
    const status = await stt.check(request);
    expect(status).toMatchObject({ state: 'completed', transcript: { text: 'Well, she go to school.', language: 'en-AU' } });
  });
});

/** Public surface of the voice-correction client library. */
export { VoiceCorrectionClient, correctedPathFor } from './client';
export type { ClientOptions, CorrectFileOptions, CorrectionResult, Progress, Stage } from './client';
export { configFromOutputs, loadConfig, selectStack, regionOfPool, LOCAL_OUTPUTS_FILE, LOCAL_STACK_NAME } from './config';
export type { ClientConfig, ConfigOverrides } from './config';
export { clientCredentialsToken, SERVICE_SCOPES, UserAuth } from './auth';
export type { AskCode, CodeRequest } from './auth';
export { JobSocket, parseServerMessage, socketUrl } from './socket';
export type { JobSocketEvents, JobSocketOptions } from './socket';
export { buildUploadForm, contentTypeFor, uploadToPresignedPost } from './upload';
export { diffWords, highlightCorrections, formatEdits, formatTimings } from './render';
export type { Segment } from './render';
export {
  ApiError,
  ClientConfigError,
  JobFailedError,
  JobTimeoutError,
  NetworkError,
  NotSignedInError,
  VoiceCorrectionError,
  oneLine,
} from './errors';
export { LANGUAGES } from './types';
export type * from './types';

/** VoiceCorrectionClient: the product's HTTP API, sign-in, the notifications socket, and the whole correct-a-file flow. */
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { JOB_STATUSES } from '../../lambdas/shared/jobs/model';
import { clientCredentialsToken, SERVICE_SCOPES, UserAuth, type AskCode } from './auth';
import { configFromOutputs, loadConfig, type ClientConfig, type ConfigOverrides } from './config';
import { ApiError, ClientConfigError, JobFailedError, JobTimeoutError, NotSignedInError, VoiceCorrectionError } from './errors';
import { errorFromResponse, requestJson, send } from './http';
import { JobSocket, type JobSocketOptions } from './socket';
import type { JobList, JobStatus, JobView, OutputMode, ServerMessage, TimedEdit, TokenVerification, Tokens, UploadRequest, UploadTicket } from './types';
import { contentTypeFor, uploadToPresignedPost } from './upload';

export interface ClientOptions {
  /** Time limit of each HTTP request in ms (default 30000). */
  readonly requestTimeoutMs?: number;
  readonly socket?: JobSocketOptions;
}

/** A step of correctFile: client-side steps, then the job's own statuses as the server reports them. */
export type Stage = 'requesting-upload' | 'uploading' | JobStatus | 'downloading' | 'saved';

export interface Progress {
  readonly stage: Stage;
  readonly jobId?: string;
  /** Milliseconds since correctFile started. */
  readonly elapsedMs: number;
  /** Who told us: the client itself, the WebSocket, or a GET /jobs/{id} poll. */
  readonly via: 'client' | 'websocket' | 'polling';
}

export interface CorrectFileOptions {
  readonly onProgress?: (progress: Progress) => void;
  readonly language?: string;
  readonly outputMode?: OutputMode;
  /** Overall time limit in ms (default 10 minutes). */
  readonly timeoutMs?: number;
  /** Where to write the corrected mp3 (default `<name>.corrected.mp3` beside the input). */
  readonly outputPath?: string;
  /** Content type to declare (default: from the file extension). */
  readonly contentType?: string;
  /** Safety poll of GET /jobs/{id} while the socket is up, in ms (default 10000). */
  readonly pollIntervalMs?: number;
  /** Poll interval once the socket is lost, in ms (default 1000). */
  readonly fallbackPollIntervalMs?: number;
  /**
   * Fail when the socket cannot be opened (default false: a refused token still fails, but an
   * unreachable or missing WebSocket API falls back to polling, e.g. LocalStack without WebSocket APIs).
   */
  readonly requireSocket?: boolean;
}

export interface CorrectionResult {
  readonly jobId: string;
  readonly inputPath: string;
  readonly outputPath: string;
  readonly transcript: string;
  readonly correctedText: string;
  readonly edits: readonly TimedEdit[];
  readonly unchanged: boolean;
  /** Milliseconds per stage, as the pipeline measured them. */
  readonly timings: Readonly<Record<string, number>>;
  /** Milliseconds since start at which each stage was first seen by the client. */
  readonly stageTimes: Readonly<Partial<Record<Stage, number>>>;
  readonly uploadMs: number;
  readonly elapsedMs: number;
  readonly downloadUrl: string;
  /** How the outcome arrived. */
  readonly via: 'websocket' | 'polling';
}

/** `talk.wav` → `talk.corrected.mp3` in the same folder. */
export function correctedPathFor(inputPath: string): string {
  const ext = extname(inputPath);
  return join(dirname(inputPath), `${basename(inputPath, ext)}.corrected.mp3`);
}

interface Outcome {
  readonly transcript: string;
  readonly correctedText: string;
  readonly edits: readonly TimedEdit[];
  readonly unchanged: boolean;
  readonly timings: Readonly<Record<string, number>>;
  readonly downloadUrl: string;
  readonly via: 'websocket' | 'polling';
}

const RANK = new Map<string, number>(JOB_STATUSES.map((s, i) => [s, i]));
/** Consecutive failed polls tolerated before giving up (transient network trouble). */
const MAX_POLL_FAILURES = 5;

export class VoiceCorrectionClient {
  private tokens?: Tokens;
  private readonly auth: UserAuth;
  private readonly requestTimeoutMs: number;

  constructor(
    readonly config: ClientConfig,
    private readonly options: ClientOptions = {},
    auth?: UserAuth,
  ) {
    this.auth = auth ?? UserAuth.create({ region: config.region, clientId: config.clientId, endpoint: config.cognitoEndpoint });
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  }

  /** From a `cdk deploy --outputs-file` JSON: the named stack, or the first. */
  static async fromOutputsFile(
    file: string,
    options: ClientOptions & { stackName?: string; overrides?: ConfigOverrides } = {},
  ): Promise<VoiceCorrectionClient> {
    return new VoiceCorrectionClient(await loadConfig(file, { stackName: options.stackName, overrides: options.overrides }), options);
  }

  /** From explicit URLs and ids (apiUrl, wsUrl, userPoolId, clientId are required). */
  static fromUrls(settings: ConfigOverrides & { localServiceClientSecret?: string }, options: ClientOptions = {}): VoiceCorrectionClient {
    const outputs = settings.localServiceClientSecret ? { LocalServiceClientSecret: settings.localServiceClientSecret } : {};
    return new VoiceCorrectionClient(configFromOutputs(outputs, settings), options);
  }

  /** The bearer token in use, if any. */
  get token(): string | undefined {
    return this.tokens?.accessToken;
  }

  /** Uses a token obtained elsewhere (or clears it with undefined). */
  setToken(token: string | undefined): void {
    this.tokens = token === undefined ? undefined : { accessToken: token };
  }

  signUp(email: string, password: string): Promise<{ userSub?: string; confirmed: boolean }> {
    return this.auth.signUp(email, password);
  }

  confirmSignUp(email: string, code: string): Promise<void> {
    return this.auth.confirmSignUp(email, code);
  }

  async signInWithPassword(email: string, password: string): Promise<Tokens> {
    this.tokens = await this.auth.signInWithPassword(email, password);
    return this.tokens;
  }

  /** USER_AUTH with EMAIL_OTP; `askCode` returns the code from the email (printed on the console in local mode). */
  async signInWithEmailCode(email: string, askCode: AskCode): Promise<Tokens> {
    this.tokens = await this.auth.signInWithEmailCode(email, askCode);
    return this.tokens;
  }

  /**
   * Signs in, creating the user first if it does not exist. Meant for local mode, where sign-up
   * auto-confirms; elsewhere an unconfirmed new user fails with a message saying to confirm.
   */
  async ensureUser(email: string, password: string): Promise<Tokens> {
    try {
      return await this.signInWithPassword(email, password);
    } catch (e) {
      if (!(e instanceof ApiError) || (e.code !== 'UserNotFoundException' && e.code !== 'NotAuthorizedException')) throw e;
      let confirmed: boolean;
      try {
        ({ confirmed } = await this.signUp(email, password));
      } catch (signUpError) {
        // The user exists, so the first failure (wrong password) is the real one.
        if (signUpError instanceof ApiError && signUpError.code === 'UsernameExistsException') throw e;
        throw signUpError;
      }
      if (!confirmed) throw new ApiError(400, 'UserNotConfirmedException', `user ${email} was created but must be confirmed with the emailed code first`);
      return this.signInWithPassword(email, password);
    }
  }

  /** Client-credentials token for the service client; in local mode id and secret default to the published ones. */
  async serviceToken(
    clientId = this.config.serviceClientId,
    clientSecret = this.config.localServiceClientSecret,
    scopes: readonly string[] = SERVICE_SCOPES,
  ): Promise<Tokens> {
    if (!this.config.tokenEndpoint) throw new ClientConfigError('no TokenEndpoint configured: client credentials need the stack output TokenEndpoint');
    if (!clientId || !clientSecret) throw new ClientConfigError('client credentials need the service client id and secret');
    this.tokens = await clientCredentialsToken(this.config.tokenEndpoint, clientId, clientSecret, scopes, this.requestTimeoutMs);
    return this.tokens;
  }

  private bearer(token?: string): string {
    const t = token ?? this.tokens?.accessToken;
    if (!t) throw new NotSignedInError();
    return `Bearer ${t}`;
  }

  private async api<T>(method: string, path: string, what: string, body?: unknown, token?: string): Promise<T> {
    const headers: Record<string, string> = { authorization: this.bearer(token), accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return requestJson<T>(
      `${this.config.apiUrl}${path}`,
      { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(this.requestTimeoutMs) },
      what,
    );
  }

  /** GET /token/verify with the current token (or the one given). */
  verifyToken(token?: string): Promise<TokenVerification> {
    return this.api('GET', '/token/verify', 'token verification', undefined, token);
  }

  /** POST /uploads: creates the job and returns the presigned POST. */
  createUpload(request: UploadRequest): Promise<UploadTicket> {
    return this.api('POST', '/uploads', 'upload request', request);
  }

  /** Uploads the file through the ticket's presigned POST (fields, then `file`). */
  async uploadFile(ticket: Pick<UploadTicket, 'upload'>, path: string, options: { contentType?: string } = {}): Promise<void> {
    await uploadToPresignedPost(ticket, path, options);
  }

  listJobs(options: { limit?: number; nextToken?: string } = {}): Promise<JobList> {
    const query = new URLSearchParams();
    if (options.limit !== undefined) query.set('limit', String(options.limit));
    if (options.nextToken !== undefined) query.set('nextToken', options.nextToken);
    const qs = query.toString();
    return this.api('GET', `/jobs${qs ? `?${qs}` : ''}`, 'job list');
  }

  getJob(jobId: string): Promise<JobView> {
    return this.api('GET', `/jobs/${encodeURIComponent(jobId)}`, `job ${jobId}`);
  }

  /** Opens the notifications socket with the current token (or the one given). */
  async connect(options: { token?: string } = {}): Promise<JobSocket> {
    const token = options.token ?? this.tokens?.accessToken;
    if (token === undefined) throw new NotSignedInError();
    return JobSocket.open(this.config.wsUrl, token, this.options.socket);
  }

  /** Downloads a URL to a file (written beside it first, then renamed, so a failure leaves no partial file). */
  async download(url: string, path: string): Promise<{ bytes: number }> {
    const res = await send(url, { signal: AbortSignal.timeout(10 * 60_000) }, 'download');
    if (!res.ok || !res.body) throw await errorFromResponse(res, 'download');
    const part = `${path}.part`;
    try {
      await pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), createWriteStream(part));
      await rename(part, path);
    } catch (e) {
      await rm(part, { force: true });
      throw new VoiceCorrectionError('download-failed', `download to ${path} failed: ${(e as Error).message}`);
    }
    return { bytes: (await stat(path)).size };
  }

  /**
   * The whole flow: connect the socket, request an upload, upload, wait for file-ready / file-failed
   * (polling GET /jobs/{id} when the socket misses it or cannot be opened), download `<name>.corrected.mp3` beside the input.
   * Throws JobFailedError, JobTimeoutError, ApiError, NetworkError.
   */
  async correctFile(path: string, options: CorrectFileOptions = {}): Promise<CorrectionResult> {
    const started = Date.now();
    const stageTimes: Partial<Record<Stage, number>> = {};
    const progress = (stage: Stage, via: Progress['via'], jobId?: string) => {
      const elapsedMs = Date.now() - started;
      stageTimes[stage] ??= elapsedMs;
      options.onProgress?.({ stage, jobId, elapsedMs, via });
    };
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) throw new ClientConfigError(`cannot read ${path}: no such file`);
    const contentType = options.contentType ?? contentTypeFor(path);
    if (!contentType) {
      throw new ClientConfigError(`cannot tell the audio type of ${basename(path)} from its extension (mp3, wav, flac, ogg)`);
    }
    const timeoutMs = options.timeoutMs ?? 10 * 60_000;

    // Connect first so no notification about this job can be missed.
    const socket = await this.connect().catch((e: unknown) => {
      const refused = e instanceof ApiError && (e.status === 401 || e.status === 403);
      if (refused || options.requireSocket || !(e instanceof VoiceCorrectionError)) throw e;
      return undefined;
    });
    const early: ServerMessage[] = [];
    const buffer = (m: ServerMessage) => early.push(m);
    socket?.on('message', buffer);
    try {
      progress('requesting-upload', 'client');
      const ticket = await this.createUpload({
        fileName: basename(path),
        contentType,
        size: info.size,
        ...(options.language ? { language: options.language } : {}),
        ...(options.outputMode ? { outputMode: options.outputMode } : {}),
      });
      const jobId = ticket.jobId;
      progress('uploading', 'client', jobId);
      const uploadStart = Date.now();
      await this.uploadFile(ticket, path, { contentType });
      const uploadMs = Date.now() - uploadStart;
      socket?.off('message', buffer);
      const outcome = await this.waitForOutcome(jobId, socket, early, {
        timeoutMs: Math.max(1, timeoutMs - (Date.now() - started)),
        pollIntervalMs: options.pollIntervalMs ?? 10_000,
        fallbackPollIntervalMs: options.fallbackPollIntervalMs ?? 1000,
        onStatus: (status, via) => progress(status, via, jobId),
      });
      progress('downloading', 'client', jobId);
      const outputPath = options.outputPath ?? correctedPathFor(path);
      await this.download(outcome.downloadUrl, outputPath);
      progress('saved', 'client', jobId);
      return {
        jobId,
        inputPath: path,
        outputPath,
        transcript: outcome.transcript,
        correctedText: outcome.correctedText,
        edits: outcome.edits,
        unchanged: outcome.unchanged,
        timings: outcome.timings,
        stageTimes: { ...stageTimes },
        uploadMs,
        elapsedMs: Date.now() - started,
        downloadUrl: outcome.downloadUrl,
        via: outcome.via,
      };
    } finally {
      socket?.off('message', buffer);
      await socket?.close();
    }
  }

  /** Resolves on the job's outcome from the socket or, failing that, from polling; statuses are reported forward only. */
  private waitForOutcome(
    jobId: string,
    socket: JobSocket | undefined,
    early: readonly ServerMessage[],
    opts: { timeoutMs: number; pollIntervalMs: number; fallbackPollIntervalMs: number; onStatus: (s: JobStatus, via: 'websocket' | 'polling') => void },
  ): Promise<Outcome> {
    return new Promise<Outcome>((resolve, reject) => {
      let finished = false;
      let lastStatus: JobStatus = 'awaiting-upload';
      let socketLost = false;
      let polling = false;
      let pollFailures = 0;
      let pollTimer: NodeJS.Timeout | undefined;

      const report = (status: JobStatus, via: 'websocket' | 'polling') => {
        if ((RANK.get(status) ?? -1) <= (RANK.get(lastStatus) ?? -1)) return;
        lastStatus = status;
        opts.onStatus(status, via);
      };
      const finish = (settle: () => void) => {
        if (finished) return;
        finished = true;
        clearTimeout(pollTimer);
        clearTimeout(deadline);
        socket?.off('message', onMessage);
        socket?.off('reconnected', onReconnected);
        socket?.off('closed', onClosed);
        settle();
      };
      const schedule = (delay = socketLost ? opts.fallbackPollIntervalMs : opts.pollIntervalMs) => {
        if (finished) return;
        clearTimeout(pollTimer);
        pollTimer = setTimeout(() => void poll(), delay);
      };
      const poll = async () => {
        if (finished || polling) return;
        polling = true;
        try {
          const job = await this.getJob(jobId);
          pollFailures = 0;
          report(job.status, 'polling');
          if (job.status === 'done' && job.result) {
            const r = job.result;
            finish(() => resolve({ ...r, timings: job.timings ?? {}, via: 'polling' }));
          } else if (job.status === 'failed') {
            finish(() => reject(new JobFailedError(jobId, job.error?.code ?? 'internal-error', job.error?.reason ?? 'no reason given')));
          }
        } catch (e) {
          pollFailures += 1;
          const fatal = e instanceof ApiError && [401, 403, 404].includes(e.status);
          if (fatal || pollFailures >= MAX_POLL_FAILURES) finish(() => reject(e));
        } finally {
          polling = false;
          schedule();
        }
      };
      const onMessage = (m: ServerMessage) => {
        if (m.type === 'pong' || m.jobId !== jobId) return;
        if (m.type === 'job-status') {
          report(m.status, 'websocket');
          // The outcome message should follow; if it was lost, a poll soon picks the result up.
          if (m.status === 'done' || m.status === 'failed') schedule(1500);
        } else if (m.type === 'file-ready') {
          report('done', 'websocket');
          finish(() =>
            resolve({
              transcript: m.transcript,
              correctedText: m.correctedText,
              edits: m.edits,
              unchanged: m.unchanged,
              timings: m.timings,
              downloadUrl: m.downloadUrl,
              via: 'websocket',
            }),
          );
        } else {
          report('failed', 'websocket');
          finish(() => reject(new JobFailedError(jobId, m.code, m.reason)));
        }
      };
      // Messages may have been lost while reconnecting: look now.
      const onReconnected = () => schedule(0);
      const onClosed = () => {
        socketLost = true;
        schedule(0);
      };
      const deadline = setTimeout(() => finish(() => reject(new JobTimeoutError(jobId, opts.timeoutMs, lastStatus))), opts.timeoutMs);

      socket?.on('message', onMessage);
      socket?.on('reconnected', onReconnected);
      socket?.on('closed', onClosed);
      for (const m of early) onMessage(m);
      if (!finished && !socket?.connected) onClosed();
      else schedule();
    });
  }
}

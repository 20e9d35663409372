import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { LOCAL_DEFAULT_USER } from '../../client/src/cli-config';
import { parseCli, run, type CliIo } from '../../client/src/cli';
import { COGNITO_OK, FakeStack } from './fake-stack';

const MP3 = Buffer.from('corrected-bytes');

function fakeIo(cwd: string, env: Record<string, string> = {}, stdinText = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (s: string) => out.push(s), isTTY: false },
    stderr: { write: (s: string) => err.push(s), isTTY: false },
    stdin: Readable.from([stdinText]),
    env,
    cwd,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vc-cli-'));
  await writeFile(join(dir, 'talk.mp3'), Buffer.alloc(2048, 3));
});

describe('usage errors: exit 2 with one line on stderr', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['no file', [], /^voice-correct: missing <file>: the recording to correct\n$/],
    ['two files', ['a.mp3', 'b.mp3'], /^voice-correct: expected one <file>, got 2: a\.mp3 b\.mp3\n$/],
    ['an unknown option', ['talk.mp3', '--colour'], /^voice-correct: Unknown option '--colour'\n$/],
    ['a bad language', ['talk.mp3', '--language', 'fr-FR'], /^voice-correct: --language must be one of en-US, .*got "fr-FR"\n$/],
    ['a bad mode', ['talk.mp3', '--mode', 'robot'], /^voice-correct: --mode must be own-voice or full, got "robot"\n$/],
    ['password and code together', ['talk.mp3', '--email', 'a@b.c', '--password', 'p', '--code'], /^voice-correct: use either --password or --code, not both\n$/],
    ['code without email', ['talk.mp3', '--code'], /^voice-correct: --code needs --email/],
    ['email without password', ['talk.mp3', '--email', 'a@b.c'], /^voice-correct: --email needs --password/],
    ['a bad timeout', ['talk.mp3', '--timeout', 'soon'], /^voice-correct: --timeout must be a positive number of seconds, got "soon"\n$/],
    ['a flag without its value', ['talk.mp3', '--region'], /^voice-correct: Option '--region <value>' argument missing\n$/],
    ['a missing input file', ['nope.mp3', '--api-url', 'http://127.0.0.1:1'], /^voice-correct: cannot read nope\.mp3: no such file\n$/],
    ['no configuration', ['talk.mp3'], /^voice-correct: no configuration: pass --outputs FILE/],
    ['incomplete URL flags', ['talk.mp3', '--api-url', 'http://127.0.0.1:1'], /^voice-correct: missing WebSocketUrl \(--ws-url\), UserPoolId/],
  ];
  it.each(cases)('fails for %s', async (_name, argv, message) => {
    const { io, stdout, stderr } = fakeIo(dir);
    await expect(run(argv, io)).resolves.toBe(2);
    expect(stderr()).toMatch(message);
    expect(stderr().trim().split('\n')).toHaveLength(1);
    expect(stdout()).toBe('');
  });

  it('refuses a file that is not a supported recording', async () => {
    await writeFile(join(dir, 'notes.txt'), 'hi');
    const { io, stderr } = fakeIo(dir);
    await expect(run(['notes.txt', '--api-url', 'http://127.0.0.1:1'], io)).resolves.toBe(2);
    expect(stderr()).toBe('voice-correct: notes.txt is not a supported recording: use mp3, wav, flac or ogg\n');
  });

  it('asks for credentials against a deployed stack', async () => {
    const { io, stderr } = fakeIo(dir);
    const argv = ['talk.mp3', '--api-url', 'https://a.example.com', '--ws-url', 'wss://b.example.com/prod', '--user-pool-id', 'eu-west-1_X', '--client-id', 'c'];
    await expect(run(argv, io)).resolves.toBe(2);
    expect(stderr()).toMatch(/^voice-correct: no credentials: pass --email and --password/);
  });

  it('prints usage for --help and exits 0', async () => {
    const { io, stdout } = fakeIo(dir);
    await expect(run(['--help'], io)).resolves.toBe(0);
    expect(stdout()).toMatch(/^usage: voice-correct <file>/);
  });
});

describe('parseCli', () => {
  it('takes credentials from the environment when flags are absent', () => {
    const options = parseCli(['talk.mp3'], { VOICE_CORRECT_EMAIL: 'e@x.y', VOICE_CORRECT_PASSWORD: 'pw' });
    expect(options).toMatchObject({ file: 'talk.mp3', email: 'e@x.y', password: 'pw', code: false });
  });

  it('lets --code use the environment email and ignore the environment password', () => {
    expect(parseCli(['talk.mp3', '--code'], { VOICE_CORRECT_EMAIL: 'e@x.y', VOICE_CORRECT_PASSWORD: 'pw' })).toMatchObject({ email: 'e@x.y', password: undefined, code: true });
  });

  it('collects the URL flags as overrides', () => {
    expect(parseCli(['f.mp3', '--api-url', 'http://a', '--region', 'eu-west-1', '--mode', 'full', '--timeout', '90'], {})).toMatchObject({
      overrides: { apiUrl: 'http://a', region: 'eu-west-1' },
      mode: 'full',
      timeoutMs: 90_000,
    });
  });
});

describe('a whole run against a fake stack', () => {
  let stack: FakeStack;
  beforeEach(async () => {
    stack = await new FakeStack().start();
    stack.routes.set('COGNITO InitiateAuth', () => COGNITO_OK);
    stack.routes.set('POST /uploads', () => ({
      status: 201,
      body: { jobId: 'job-9', upload: { url: `${stack.base}/bucket`, fields: { key: 'k' } }, expiresAt: 'e' },
    }));
    stack.routes.set('POST /bucket', () => {
      setTimeout(() => {
        for (const status of ['uploaded', 'transcribing', 'correcting', 'synthesizing', 'done']) stack.broadcast({ type: 'job-status', jobId: 'job-9', status });
        stack.broadcast({
          type: 'file-ready',
          jobId: 'job-9',
          downloadUrl: `${stack.base}/files/out.mp3`,
          expiresAt: 'e',
          transcript: 'she go to school',
          correctedText: 'she goes to school',
          edits: [{ start: 0.4, end: 0.6, original: 'go', corrected: 'goes' }],
          unchanged: false,
          timings: { transcribe: 1500, correct: 30 },
        });
      }, 5);
      return { status: 204 };
    });
    stack.routes.set('GET /files/out.mp3', () => ({ status: 200, body: MP3 }));
  });
  afterEach(() => stack.stop());

  function flags(): string[] {
    return ['--api-url', stack.base, '--ws-url', stack.wsUrl, '--user-pool-id', 'us-east-1_LocalPool', '--client-id', 'web', '--cognito-endpoint', stack.base];
  }

  it('prints progress lines, the highlighted transcript, edits and timings, and saves the mp3', async () => {
    const { io, stdout, stderr } = fakeIo(dir);
    await expect(run(['talk.mp3', ...flags(), '--email', 'a@example.com', '--password', 'pw'], io)).resolves.toBe(0);
    expect(stderr()).toBe('');
    const text = stdout();
    expect(text).toMatch(/\] uploaded\n.*\] transcribing\n.*\] correcting\n.*\] synthesizing\n.*\] done\n/s);
    expect(text).toContain('she [go → goes] to school');
    expect(text).toContain('0:00.40–0:00.60  go → goes');
    expect(text).toContain('pipeline: transcribe 1.5 s · correct 30 ms');
    expect(text).toContain(`Corrected recording: ${join(dir, 'talk.corrected.mp3')}`);
    expect(await readFile(join(dir, 'talk.corrected.mp3'))).toEqual(MP3);
    const signIn = JSON.parse(stack.requests.find((r) => r.headers['x-amz-target'])!.body.toString());
    expect(signIn.AuthParameters).toEqual({ USERNAME: 'a@example.com', PASSWORD: 'pw' });
  });

  it('prints the result as JSON with --json and nothing else', async () => {
    const { io, stdout, stderr } = fakeIo(dir);
    await expect(run(['talk.mp3', ...flags(), '--email', 'a@example.com', '--password', 'pw', '--json'], io)).resolves.toBe(0);
    expect(stderr()).toBe('');
    expect(JSON.parse(stdout())).toMatchObject({ jobId: 'job-9', correctedText: 'she goes to school', outputPath: join(dir, 'talk.corrected.mp3'), via: 'websocket' });
  });

  it('signs in the default local user when local outputs exist and no credentials are given', async () => {
    await mkdir(join(dir, '.local-data'));
    await writeFile(
      join(dir, '.local-data', 'outputs.json'),
      JSON.stringify({
        VoiceCorrectionLocal: {
          HttpApiUrl: stack.base,
          WebSocketUrl: stack.wsUrl,
          UserPoolId: 'us-east-1_LocalPool',
          WebClientId: 'web',
          Region: 'us-east-1',
          CognitoEndpoint: stack.base,
        },
      }),
    );
    const { io } = fakeIo(dir);
    await expect(run(['talk.mp3', '--json'], io)).resolves.toBe(0);
    const signIn = JSON.parse(stack.requests.find((r) => r.headers['x-amz-target'])!.body.toString());
    expect(signIn.AuthParameters.USERNAME).toBe(LOCAL_DEFAULT_USER.email);
  });

  it('reads the emailed code from stdin with --code', async () => {
    stack.routes.set('COGNITO InitiateAuth', () => ({ status: 200, body: { ChallengeName: 'EMAIL_OTP', Session: 'sess' } }));
    stack.routes.set('COGNITO RespondToAuthChallenge', () => COGNITO_OK);
    const { io, stderr } = fakeIo(dir, {}, '654321\n');
    await expect(run(['talk.mp3', ...flags(), '--email', 'a@example.com', '--code', '--json'], io)).resolves.toBe(0);
    expect(stderr()).toBe('Enter the sign-in code emailed to a@example.com: ');
    const answer = JSON.parse(stack.requests.find((r) => r.headers['x-amz-target'] === 'AWSCognitoIdentityProviderService.RespondToAuthChallenge')!.body.toString());
    expect(answer.ChallengeResponses).toEqual({ USERNAME: 'a@example.com', EMAIL_OTP_CODE: '654321' });
  });

  it('fails with exit 1 and one line for a failed job', async () => {
    stack.routes.set('POST /bucket', () => {
      setTimeout(() => stack.broadcast({ type: 'file-failed', jobId: 'job-9', code: 'not-audio', reason: 'the file is not audio' }), 5);
      return { status: 204 };
    });
    const { io, stderr } = fakeIo(dir);
    await expect(run(['talk.mp3', ...flags(), '--email', 'a@example.com', '--password', 'pw'], io)).resolves.toBe(1);
    expect(stderr()).toBe('voice-correct: job job-9 failed (not-audio): the file is not audio\n');
  });

  it('fails with exit 1 and one line for a rejected sign-in', async () => {
    stack.routes.set('COGNITO InitiateAuth', () => ({ status: 400, body: { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' } }));
    // A loopback Cognito endpoint is local mode, where a failed sign-in tries sign-up; the user exists.
    stack.routes.set('COGNITO SignUp', () => ({ status: 400, body: { __type: 'UsernameExistsException', message: 'User already exists' } }));
    const { io, stderr } = fakeIo(dir);
    await expect(run(['talk.mp3', ...flags(), '--email', 'a@example.com', '--password', 'bad'], io)).resolves.toBe(1);
    expect(stderr()).toBe('voice-correct: sign-in failed: Incorrect username or password.\n');
  });
});

describe('the launcher', () => {
  it('runs the CLI after install and exits 2 with one line for bad usage', () => {
    const launcher = resolve(__dirname, '../../client/bin/voice-correct.mjs');
    const result = spawnSync(process.execPath, [launcher, 'talk.mp3', '--mode', 'robot'], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('voice-correct: --mode must be own-voice or full, got "robot"\n');
    expect(result.stdout).toBe('');
  });
});

/**
 * A Cognito-compatible local pool: the user-pool JSON 1.1 API (SignUp, ConfirmSignUp, InitiateAuth
 * USER_PASSWORD_AUTH / USER_AUTH + EMAIL_OTP, RespondToAuthChallenge, REFRESH_TOKEN_AUTH), the
 * hosted-UI /oauth2/token client_credentials grant, and the JWKS. Tokens carry Cognito's claims and
 * issuer, so the shared verifier accepts them with only AUTH_JWKS_URI changed.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { issuer, LOCAL } from '../config';
import { corsHeaders, readBody, sendJson } from '../http-util';
import { checkPassword, Directory, newCode, SERVICE_SCOPES, type LocalUser } from './directory';
import { SigningKey } from './keys';

/** Lifetime of id, access and service tokens, as the CDK app configures (1 h). */
const TOKEN_SECONDS = 3600;
/** Email OTP sessions last 3 minutes, 3 tries, like Cognito's. */
const OTP_SESSION_MS = 3 * 60 * 1000;
const OTP_TRIES = 3;

export const JWKS_PATH = `/${LOCAL.userPoolId}/.well-known/jwks.json`;

/** A Cognito service error: `{ __type, message }` with HTTP 400. */
class CognitoError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}

interface OtpSession {
  readonly sub: string;
  readonly clientId: string;
  readonly code: string;
  readonly expires: number;
  tries: number;
}

export interface AuthServerOptions {
  readonly dir: string;
  readonly autoConfirm: boolean;
  /** Where emailed codes go (console by default): nothing is ever sent. */
  readonly deliver?: (email: string, what: string, code: string) => void;
}

export class LocalAuth {
  readonly server: Server;
  private readonly otp = new Map<string, OtpSession>();
  private readonly refresh = new Map<string, { sub: string; clientId: string }>();

  private constructor(
    readonly key: SigningKey,
    readonly directory: Directory,
    private readonly options: AuthServerOptions,
  ) {
    this.server = createServer((req, res) => {
      this.route(req, res).catch(() => {
        if (!res.headersSent) sendJson(res, 500, { __type: 'InternalErrorException', message: 'internal error' }, corsHeaders);
      });
    });
  }

  static async open(options: AuthServerOptions): Promise<LocalAuth> {
    const [key, directory] = await Promise.all([SigningKey.open(options.dir), Directory.open(options.dir)]);
    return new LocalAuth(key, directory, options);
  }

  get clients() {
    return this.directory.clients;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, corsHeaders);
      return void res.end();
    }
    if (req.method === 'GET' && path === JWKS_PATH) return sendJson(res, 200, this.key.jwks(), corsHeaders);
    if (req.method === 'POST' && path === '/oauth2/token') return this.token(req, res);
    if (req.method === 'POST' && path === '/') return this.api(req, res);
    sendJson(res, 404, { message: 'Not Found' }, corsHeaders);
  }

  /** The user-pool API: operation in X-Amz-Target, JSON 1.1 bodies. */
  private async api(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = String(req.headers['x-amz-target'] ?? '');
    const op = target.replace(/^AWSCognitoIdentityProviderService\./, '');
    const headers = { ...corsHeaders, 'content-type': 'application/x-amz-json-1.1' };
    try {
      let input: Record<string, unknown>;
      try {
        input = JSON.parse((await readBody(req)).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        throw new CognitoError('SerializationException', 'request body is not JSON');
      }
      const output = await this.operation(op, input);
      sendJson(res, 200, output, headers);
    } catch (err) {
      if (err instanceof CognitoError) return sendJson(res, 400, { __type: err.type, message: err.message }, { ...headers, 'x-amzn-errortype': err.type });
      throw err;
    }
  }

  private operation(op: string, input: Record<string, unknown>): Promise<unknown> {
    switch (op) {
      case 'SignUp':
        return this.signUp(input);
      case 'ConfirmSignUp':
        return this.confirmSignUp(input);
      case 'ResendConfirmationCode':
        return this.resendCode(input);
      case 'InitiateAuth':
        return this.initiateAuth(input);
      case 'RespondToAuthChallenge':
        return this.respondToChallenge(input);
      default:
        throw new CognitoError('UnsupportedOperationException', `${op || 'missing X-Amz-Target'} is not supported by the local pool`);
    }
  }

  private webClient(input: Record<string, unknown>): string {
    const clientId = str(input.ClientId, 'ClientId');
    if (clientId === this.clients.serviceClientId) throw new CognitoError('NotAuthorizedException', `Client ${clientId} is configured for client credentials only`);
    if (clientId !== this.clients.webClientId) throw new CognitoError('ResourceNotFoundException', 'User pool client does not exist.');
    return clientId;
  }

  private async signUp(input: Record<string, unknown>) {
    this.webClient(input);
    const username = str(input.Username, 'Username');
    const password = str(input.Password, 'Password');
    const attributes = Array.isArray(input.UserAttributes) ? (input.UserAttributes as { Name?: unknown; Value?: unknown }[]) : [];
    const email = String(attributes.find((a) => a.Name === 'email')?.Value ?? (username.includes('@') ? username : ''));
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new CognitoError('InvalidParameterException', 'Attributes did not conform to the schema: email is required');
    if (password.length < 8) throw new CognitoError('InvalidPasswordException', 'Password did not conform with policy: Password not long enough');
    if (this.directory.find(username) || this.directory.find(email)) throw new CognitoError('UsernameExistsException', 'An account with the given email already exists.');
    const user = await this.directory.add({ username, email, password, confirmed: this.options.autoConfirm });
    if (user.confirmationCode) this.deliver(email, 'confirmation code', user.confirmationCode);
    return {
      UserConfirmed: user.confirmed,
      UserSub: user.sub,
      ...(user.confirmed ? {} : { CodeDeliveryDetails: { Destination: mask(email), DeliveryMedium: 'EMAIL', AttributeName: 'email' } }),
    };
  }

  private async confirmSignUp(input: Record<string, unknown>) {
    this.webClient(input);
    const user = this.directory.find(str(input.Username, 'Username'));
    if (!user) throw new CognitoError('UserNotFoundException', 'Username/client id combination not found.');
    if (!user.confirmed) {
      if (user.confirmationCode !== str(input.ConfirmationCode, 'ConfirmationCode')) throw new CognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.');
      await this.directory.confirm(user.sub);
    }
    return {};
  }

  private async resendCode(input: Record<string, unknown>) {
    this.webClient(input);
    const user = this.directory.find(str(input.Username, 'Username'));
    if (!user) throw new CognitoError('UserNotFoundException', 'Username/client id combination not found.');
    if (user.confirmed) throw new CognitoError('InvalidParameterException', 'User is already confirmed.');
    const code = newCode();
    await this.directory.setConfirmationCode(user.sub, code);
    this.deliver(user.email, 'confirmation code', code);
    return { CodeDeliveryDetails: { Destination: mask(user.email), DeliveryMedium: 'EMAIL', AttributeName: 'email' } };
  }

  private async initiateAuth(input: Record<string, unknown>) {
    const clientId = this.webClient(input);
    const flow = str(input.AuthFlow, 'AuthFlow');
    const params = (input.AuthParameters ?? {}) as Record<string, string | undefined>;
    if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN') {
      const known = this.refresh.get(params.REFRESH_TOKEN ?? '');
      const user = known && known.clientId === clientId ? this.directory.bySub(known.sub) : undefined;
      if (!user) throw new CognitoError('NotAuthorizedException', 'Invalid Refresh Token');
      const { RefreshToken: _unused, ...rest } = this.userTokens(user, clientId);
      return { ChallengeParameters: {}, AuthenticationResult: rest };
    }
    const user = this.directory.find(params.USERNAME ?? '');
    if (flow === 'USER_PASSWORD_AUTH' || (flow === 'USER_AUTH' && params.PASSWORD !== undefined)) {
      if (!user || !(await checkPassword(params.PASSWORD ?? '', user.passwordHash))) throw new CognitoError('NotAuthorizedException', 'Incorrect username or password.');
      this.mustBeConfirmed(user);
      return { ChallengeParameters: {}, AuthenticationResult: this.userTokens(user, clientId) };
    }
    if (flow === 'USER_AUTH') {
      const preferred = params.PREFERRED_CHALLENGE;
      if (preferred !== undefined && preferred !== 'EMAIL_OTP') throw new CognitoError('InvalidParameterException', `PREFERRED_CHALLENGE ${preferred} is not enabled for this client; use EMAIL_OTP or PASSWORD`);
      if (!user) throw new CognitoError('NotAuthorizedException', 'Incorrect username or password.');
      this.mustBeConfirmed(user);
      if (preferred === undefined) {
        return { ChallengeName: 'SELECT_CHALLENGE', Session: this.newOtpSession(user, clientId, false), ChallengeParameters: {}, AvailableChallenges: ['EMAIL_OTP', 'PASSWORD'] };
      }
      return this.emailOtpChallenge(user, clientId);
    }
    throw new CognitoError('InvalidParameterException', `AuthFlow ${flow} is not enabled for this client`);
  }

  private async respondToChallenge(input: Record<string, unknown>) {
    const clientId = this.webClient(input);
    const name = str(input.ChallengeName, 'ChallengeName');
    const responses = (input.ChallengeResponses ?? {}) as Record<string, string | undefined>;
    const sessionId = str(input.Session, 'Session');
    const session = this.otp.get(sessionId);
    if (!session || session.expires < Date.now() || session.clientId !== clientId) {
      this.otp.delete(sessionId);
      throw new CognitoError('NotAuthorizedException', 'Invalid session for the user, session is expired.');
    }
    const user = this.directory.bySub(session.sub);
    if (!user) throw new CognitoError('NotAuthorizedException', 'Invalid session for the user.');
    if (name === 'SELECT_CHALLENGE') {
      this.otp.delete(sessionId);
      if (responses.ANSWER === 'EMAIL_OTP') return this.emailOtpChallenge(user, clientId);
      if (responses.ANSWER === 'PASSWORD' && (await checkPassword(responses.PASSWORD ?? '', user.passwordHash))) {
        return { ChallengeParameters: {}, AuthenticationResult: this.userTokens(user, clientId) };
      }
      throw new CognitoError('NotAuthorizedException', 'Incorrect username or password.');
    }
    if (name !== 'EMAIL_OTP') throw new CognitoError('InvalidParameterException', `ChallengeName ${name} is not supported by the local pool`);
    if (responses.EMAIL_OTP_CODE !== session.code) {
      session.tries += 1;
      if (session.tries >= OTP_TRIES) this.otp.delete(sessionId);
      throw new CognitoError('CodeMismatchException', 'Invalid code or auth state for the user.');
    }
    this.otp.delete(sessionId);
    return { ChallengeParameters: {}, AuthenticationResult: this.userTokens(user, clientId) };
  }

  /** POST /oauth2/token: client_credentials with HTTP Basic (or form) client authentication. */
  private async token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = new URLSearchParams((await readBody(req)).toString('utf8'));
    let clientId = form.get('client_id') ?? '';
    let secret = form.get('client_secret') ?? '';
    const basic = /^Basic\s+(.+)$/i.exec(String(req.headers.authorization ?? ''));
    if (basic) {
      const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      clientId = decodeURIComponent(decoded.slice(0, colon));
      secret = decodeURIComponent(decoded.slice(colon + 1));
    }
    const fail = (status: number, error: string) => sendJson(res, status, { error }, corsHeaders);
    if (form.get('grant_type') !== 'client_credentials') return fail(400, 'unsupported_grant_type');
    if (clientId !== this.clients.serviceClientId || secret !== this.clients.serviceClientSecret) return fail(401, 'invalid_client');
    const requested = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
    if (requested.some((s) => !(SERVICE_SCOPES as readonly string[]).includes(s))) return fail(400, 'invalid_scope');
    const scopes = requested.length > 0 ? requested : [...SERVICE_SCOPES];
    const now = Math.floor(Date.now() / 1000);
    const accessToken = this.key.signJwt({
      sub: clientId,
      token_use: 'access',
      scope: scopes.join(' '),
      auth_time: now,
      iss: issuer,
      exp: now + TOKEN_SECONDS,
      iat: now,
      version: 2,
      jti: randomUUID(),
      client_id: clientId,
    });
    sendJson(res, 200, { access_token: accessToken, expires_in: TOKEN_SECONDS, token_type: 'Bearer' }, corsHeaders);
  }

  /** Id, access and refresh tokens for a signed-in user, with Cognito's claims. */
  userTokens(user: LocalUser, clientId: string) {
    const now = Math.floor(Date.now() / 1000);
    const originJti = randomUUID();
    const common = { sub: user.sub, iss: issuer, auth_time: now, iat: now, exp: now + TOKEN_SECONDS, origin_jti: originJti, event_id: randomUUID() };
    const idToken = this.key.signJwt({
      ...common,
      email_verified: true,
      'cognito:username': user.username,
      aud: clientId,
      token_use: 'id',
      email: user.email,
      jti: randomUUID(),
    });
    const accessToken = this.key.signJwt({
      ...common,
      client_id: clientId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      jti: randomUUID(),
      username: user.username,
    });
    const refreshToken = randomBytes(48).toString('base64url');
    this.refresh.set(refreshToken, { sub: user.sub, clientId });
    return { AccessToken: accessToken, ExpiresIn: TOKEN_SECONDS, TokenType: 'Bearer', RefreshToken: refreshToken, IdToken: idToken };
  }

  private emailOtpChallenge(user: LocalUser, clientId: string) {
    const session = this.newOtpSession(user, clientId, true);
    return {
      ChallengeName: 'EMAIL_OTP',
      Session: session,
      ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: mask(user.email) },
    };
  }

  private newOtpSession(user: LocalUser, clientId: string, sendCode: boolean): string {
    const id = randomBytes(64).toString('base64url');
    const code = newCode();
    this.otp.set(id, { sub: user.sub, clientId, code, expires: Date.now() + OTP_SESSION_MS, tries: 0 });
    if (sendCode) this.deliver(user.email, 'sign-in code', code);
    return id;
  }

  private mustBeConfirmed(user: LocalUser): void {
    if (!user.confirmed) throw new CognitoError('UserNotConfirmedException', 'User is not confirmed.');
  }

  private deliver(email: string, what: string, code: string): void {
    (this.options.deliver ?? ((to, kind, c) => console.log(`[local auth] ${kind} for ${to}: ${c}`)))(email, what, code);
  }
}

function str(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw new CognitoError('InvalidParameterException', `Missing required parameter ${name}`);
  return value;
}

function mask(email: string): string {
  const [local, domain] = email.split('@');
  return `${local.slice(0, 1)}***@${domain?.slice(0, 1) ?? ''}***`;
}

/** Sign-in against Cognito (or the local auth server, same wire protocol) and client-credentials tokens. */
import {
  CognitoIdentityProviderClient,
  CognitoIdentityProviderServiceException,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
  type AuthenticationResultType,
  type InitiateAuthCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { ApiError, NetworkError, VoiceCorrectionError } from './errors';
import { errorFromResponse, send } from './http';
import type { Tokens } from './types';

/** Scopes of the service client: everything the API grants to machines. */
export const SERVICE_SCOPES = ['voice-correction/jobs.read', 'voice-correction/jobs.write'] as const;

/** What the email-code prompt is told: who the code went to. */
export interface CodeRequest {
  readonly email: string;
  /** Where Cognito says it sent the code (masked), when it says. */
  readonly destination?: string;
}

/** Asks the person for the emailed one-time code. */
export type AskCode = (request: CodeRequest) => Promise<string>;

/** Maps Cognito SDK failures to ApiError (service answered) or NetworkError (it did not). */
export function cognitoError(error: unknown, what: string): VoiceCorrectionError {
  if (error instanceof CognitoIdentityProviderServiceException) {
    return new ApiError(error.$metadata.httpStatusCode ?? 400, error.name, `${what} failed: ${error.message || error.name}`);
  }
  if (error instanceof VoiceCorrectionError) return error;
  const e = error as Error & { code?: string };
  return new NetworkError(`cannot reach Cognito for ${what}: ${e?.code ?? e?.message ?? String(error)}`);
}

function tokensOf(result: AuthenticationResultType | undefined, what: string): Tokens {
  if (!result?.AccessToken) throw new ApiError(500, 'bad-response', `${what}: Cognito returned no tokens`);
  return { accessToken: result.AccessToken, idToken: result.IdToken, refreshToken: result.RefreshToken, expiresIn: result.ExpiresIn };
}

/** User sign-up and sign-in through the public web client (no secret). */
export class UserAuth {
  constructor(
    private readonly cognito: CognitoIdentityProviderClient,
    private readonly clientId: string,
  ) {}

  /** Builds the Cognito client; a local endpoint gets placeholder credentials (these calls are unsigned anyway). */
  static create(options: { region: string; clientId: string; endpoint?: string }): UserAuth {
    const cognito = new CognitoIdentityProviderClient({
      region: options.region,
      maxAttempts: 2,
      ...(options.endpoint ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    });
    return new UserAuth(cognito, options.clientId);
  }

  /** Creates the user; returns whether it is already confirmed (local mode auto-confirms). */
  async signUp(email: string, password: string): Promise<{ userSub?: string; confirmed: boolean }> {
    try {
      const out = await this.cognito.send(
        new SignUpCommand({ ClientId: this.clientId, Username: email, Password: password, UserAttributes: [{ Name: 'email', Value: email }] }),
      );
      return { userSub: out.UserSub, confirmed: out.UserConfirmed === true };
    } catch (e) {
      throw cognitoError(e, 'sign-up');
    }
  }

  async confirmSignUp(email: string, code: string): Promise<void> {
    try {
      await this.cognito.send(new ConfirmSignUpCommand({ ClientId: this.clientId, Username: email, ConfirmationCode: code.trim() }));
    } catch (e) {
      throw cognitoError(e, 'sign-up confirmation');
    }
  }

  async signInWithPassword(email: string, password: string): Promise<Tokens> {
    let out: InitiateAuthCommandOutput;
    try {
      out = await this.cognito.send(
        new InitiateAuthCommand({ ClientId: this.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }),
      );
    } catch (e) {
      throw cognitoError(e, 'sign-in');
    }
    if (out.ChallengeName) {
      throw new ApiError(400, out.ChallengeName, `sign-in needs challenge ${out.ChallengeName}, which this client does not answer`);
    }
    return tokensOf(out.AuthenticationResult, 'sign-in');
  }

  /** Passwordless: USER_AUTH with EMAIL_OTP preferred; `askCode` supplies the emailed code. */
  async signInWithEmailCode(email: string, askCode: AskCode): Promise<Tokens> {
    try {
      let out: { ChallengeName?: string; Session?: string; ChallengeParameters?: Record<string, string>; AuthenticationResult?: AuthenticationResultType } =
        await this.cognito.send(
          new InitiateAuthCommand({ ClientId: this.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email, PREFERRED_CHALLENGE: 'EMAIL_OTP' } }),
        );
      if (out.ChallengeName === 'SELECT_CHALLENGE') {
        out = await this.cognito.send(
          new RespondToAuthChallengeCommand({
            ClientId: this.clientId,
            ChallengeName: 'SELECT_CHALLENGE',
            Session: out.Session,
            ChallengeResponses: { USERNAME: email, ANSWER: 'EMAIL_OTP' },
          }),
        );
      }
      if (out.ChallengeName === 'EMAIL_OTP') {
        const code = await askFor(askCode, { email, destination: out.ChallengeParameters?.CODE_DELIVERY_DESTINATION });
        if (code === '') throw new ApiError(400, 'empty-code', 'sign-in failed: no code was entered');
        out = await this.cognito.send(
          new RespondToAuthChallengeCommand({
            ClientId: this.clientId,
            ChallengeName: 'EMAIL_OTP',
            Session: out.Session,
            ChallengeResponses: { USERNAME: email, EMAIL_OTP_CODE: code },
          }),
        );
      }
      if (out.ChallengeName) {
        throw new ApiError(400, out.ChallengeName, `sign-in needs challenge ${out.ChallengeName}, which this client does not answer`);
      }
      return tokensOf(out.AuthenticationResult, 'sign-in');
    } catch (e) {
      throw cognitoError(e, 'sign-in');
    }
  }
}

/** Runs the prompt; its own failure (closed stdin, cancelled) is a typed error, not a Cognito one. */
async function askFor(askCode: AskCode, request: CodeRequest): Promise<string> {
  try {
    return (await askCode(request)).trim();
  } catch (e) {
    throw new VoiceCorrectionError('no-code', `sign-in failed: could not read the emailed code: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** OAuth2 client credentials against the token endpoint (HTTP Basic, form-encoded). */
export async function clientCredentialsToken(
  tokenEndpoint: string,
  clientId: string,
  clientSecret: string,
  scopes: readonly string[] = SERVICE_SCOPES,
  timeoutMs = 30_000,
): Promise<Tokens> {
  const body = new URLSearchParams({ grant_type: 'client_credentials', scope: scopes.join(' ') });
  const res = await send(
    tokenEndpoint,
    {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    },
    'service token',
  );
  if (!res.ok) throw await errorFromResponse(res, 'service token');
  const json = (await res.json().catch(() => ({}))) as { access_token?: unknown; expires_in?: unknown };
  if (typeof json.access_token !== 'string') throw new ApiError(res.status, 'bad-response', 'service token: the token endpoint returned no access_token');
  return { accessToken: json.access_token, expiresIn: typeof json.expires_in === 'number' ? json.expires_in : undefined };
}

import { Aws, Duration, Fn, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/** Multi-factor authentication policy for people. */
export type MfaSetting = 'off' | 'optional' | 'required';

export interface AuthProps {
  /** Whether people may sign themselves up. @default false */
  readonly selfSignUp?: boolean;
  /** MFA for people (TOTP authenticator apps). @default 'optional' */
  readonly mfa?: MfaSetting;
  /** Prefix of the Cognito domain that serves /oauth2/token. @default `voice-correction-<account id>` */
  readonly domainPrefix?: string;
}

/** Resource server identifier; scopes read `voice-correction/jobs.read` and `voice-correction/jobs.write`. */
export const RESOURCE_SERVER_ID = 'voice-correction';

/**
 * Identity: a user pool where people sign in by email (password or emailed one-time code), a public
 * app client for web and mobile, and a confidential client-credentials client for services.
 */
export class Auth extends Construct {
  public readonly userPool: cognito.IUserPool;
  /** Public client (no secret) for web and mobile apps. */
  public readonly webClient: cognito.IUserPoolClient;
  /** Confidential client for machine-to-machine tokens (client credentials). */
  public readonly serviceClient: cognito.IUserPoolClient;
  /** The OAuth 2.0 token endpoint of the Cognito domain. */
  public readonly tokenEndpoint: string;

  constructor(scope: Construct, id: string, props: AuthProps = {}) {
    super(scope, id);
    const mfa = props.mfa ?? 'optional';
    if (!['off', 'optional', 'required'].includes(mfa)) {
      throw new Error(`Auth: mfa must be "off", "optional" or "required" (got "${mfa}"); set it with -c mfa=optional`);
    }
    if (props.domainPrefix !== undefined && !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(props.domainPrefix)) {
      throw new Error(`Auth: domainPrefix "${props.domainPrefix}" must be lowercase letters, digits and hyphens (1-63 characters)`);
    }

    const pool = new cognito.UserPool(this, 'UserPool', {
      signInAliases: { email: true },
      autoVerify: { email: true },
      selfSignUpEnabled: props.selfSignUp ?? false,
      // Essentials is the cheapest plan with choice-based sign-in (password or email one-time code).
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      signInPolicy: { allowedFirstAuthFactors: { password: true, emailOtp: true } },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: mfa === 'off' ? cognito.Mfa.OFF : mfa === 'optional' ? cognito.Mfa.OPTIONAL : cognito.Mfa.REQUIRED,
      mfaSecondFactor: mfa === 'off' ? undefined : { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      standardAttributes: { email: { required: true, mutable: true } },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const jobsRead = new cognito.ResourceServerScope({ scopeName: 'jobs.read', scopeDescription: 'Read own jobs' });
    const jobsWrite = new cognito.ResourceServerScope({ scopeName: 'jobs.write', scopeDescription: 'Create uploads and jobs' });
    const resourceServer = pool.addResourceServer('ResourceServer', {
      identifier: RESOURCE_SERVER_ID,
      userPoolResourceServerName: 'voice-correction API',
      scopes: [jobsRead, jobsWrite],
    });

    this.webClient = pool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { user: true, userPassword: true, userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });

    this.serviceClient = pool.addClient('ServiceClient', {
      generateSecret: true,
      authFlows: {},
      oAuth: {
        flows: { clientCredentials: true },
        scopes: [
          cognito.OAuthScope.resourceServer(resourceServer, jobsRead),
          cognito.OAuthScope.resourceServer(resourceServer, jobsWrite),
        ],
      },
      accessTokenValidity: Duration.hours(1),
      enableTokenRevocation: true,
    });

    const domain = pool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.domainPrefix ?? Fn.join('-', ['voice-correction', Aws.ACCOUNT_ID]) },
    });
    this.tokenEndpoint = `${domain.baseUrl()}/oauth2/token`;
    this.userPool = pool;

    Validations.of(pool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason: 'Essentials (not Plus) is the plan: it has email one-time-code sign-in, which this product needs; Plus only adds threat protection (see COG3).',
    });
    Validations.of(pool).acknowledge({
      id: 'AwsSolutions-COG3',
      reason:
        'Threat protection (advanced security) needs the Plus feature plan; this product uses Essentials for email one-time-code sign-in. Enable Plus per deployment if the extra cost is accepted.',
    });
    if (mfa !== 'required') {
      Validations.of(pool).acknowledge({
        id: 'AwsSolutions-COG2',
        reason: `MFA is "${mfa}" by the deployment's "mfa" context: learners sign in from shared classroom devices; set -c mfa=required to enforce it.`,
      });
    }
  }
}

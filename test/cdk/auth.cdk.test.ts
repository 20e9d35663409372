import { Match } from 'aws-cdk-lib/assertions';
import { useApp } from './app';

describe('Auth (user pool, clients, domain)', () => {
  const app = useApp();

  it('signs people in by email with a strong password policy', () => {
    app().stateful.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Policies: Match.objectLike({
        PasswordPolicy: {
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
          TemporaryPasswordValidityDays: 3,
        },
      }),
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      DeletionProtection: 'ACTIVE',
    });
  });

  it('is on the Essentials plan with password and email one-time code as first factors', () => {
    app().stateful.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'ESSENTIALS',
      Policies: Match.objectLike({ SignInPolicy: { AllowedFirstAuthFactors: Match.arrayEquals(['PASSWORD', 'EMAIL_OTP']) } }),
    });
  });

  it('has self sign-up off and MFA optional (authenticator apps only) by default', () => {
    app().stateful.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
  });

  it('keeps the user pool when the stack is deleted', () => {
    app().stateful.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('has a public web client without a secret for choice-based and password sign-in', () => {
    const clients = app().stateful.findResources('AWS::Cognito::UserPoolClient', { Properties: { GenerateSecret: false } });
    const web = Object.values(clients);
    expect(web).toHaveLength(1);
    expect(web[0].Properties).toMatchObject({
      AllowedOAuthFlowsUserPoolClient: false,
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
    });
    expect(web[0].Properties.ExplicitAuthFlows).toEqual(
      expect.arrayContaining(['ALLOW_USER_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
    );
    expect(web[0].Properties.ExplicitAuthFlows).not.toContain('ALLOW_ADMIN_USER_PASSWORD_AUTH');
  });

  it('has a confidential service client with a secret, the client-credentials grant and both scopes', () => {
    const { stateful } = app();
    const servers = stateful.findResources('AWS::Cognito::UserPoolResourceServer');
    const [serverId] = Object.keys(servers);
    expect(Object.keys(servers)).toHaveLength(1);
    stateful.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: 'voice-correction',
      Scopes: Match.arrayWith([Match.objectLike({ ScopeName: 'jobs.read' }), Match.objectLike({ ScopeName: 'jobs.write' })]),
    });
    stateful.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: Match.arrayEquals([
        { 'Fn::Join': ['', [{ Ref: serverId }, '/jobs.read']] },
        { 'Fn::Join': ['', [{ Ref: serverId }, '/jobs.write']] },
      ]),
    });
    // Only two clients: nobody gets a client that was not designed.
    stateful.resourceCountIs('AWS::Cognito::UserPoolClient', 2);
  });

  it('has a Cognito domain for the token endpoint, named after the account by default', () => {
    const { stateful } = app();
    const [poolId] = Object.keys(stateful.findResources('AWS::Cognito::UserPool'));
    stateful.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      UserPoolId: { Ref: poolId },
      Domain: { 'Fn::Join': ['-', ['voice-correction', { Ref: 'AWS::AccountId' }]] },
    });
  });

  it('exports the token endpoint and client ids for clients', () => {
    const outputs = app().stateless.findOutputs('*');
    expect(Object.keys(outputs)).toEqual(expect.arrayContaining(['UserPoolId', 'WebClientId', 'ServiceClientId', 'TokenEndpoint']));
    expect(JSON.stringify(outputs.TokenEndpoint.Value)).toContain('/oauth2/token');
  });
});

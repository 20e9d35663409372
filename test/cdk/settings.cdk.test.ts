import { Match } from 'aws-cdk-lib/assertions';
import { asArray, functionIdByEntry, resourcesOf, statementsOfEntry, useApp } from './app';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';

/** The app built with non-default context settings (one synthesis for all of them). */
describe('context settings', () => {
  const app = useApp({
    selfSignUp: 'true',
    mfa: 'required',
    grammarEngine: 'bedrock',
    bedrockModelId: MODEL,
    grammarLanguageModel: 'off',
    maxUploadMb: '20',
    uploadRetentionDays: '3',
    authDomainPrefix: 'my-voice-app',
  });

  it('selfSignUp=true lets people sign up', () => {
    app().stateful.hasResourceProperties('AWS::Cognito::UserPool', { AdminCreateUserConfig: { AllowAdminCreateUserOnly: false } });
  });

  it('mfa=required enforces authenticator-app MFA', () => {
    app().stateful.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'ON', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] });
  });

  it('authDomainPrefix names the Cognito domain', () => {
    app().stateful.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'my-voice-app' });
  });

  it('maxUploadMb sets the upload limit of CreateUpload and Accept; uploadRetentionDays the bucket expiry', () => {
    const { stateless, stateful } = app();
    for (const entry of ['lambdas/http/create-upload.ts', 'lambdas/pipeline/accept.ts']) {
      expect(resourcesOf(stateless)[functionIdByEntry(stateless, entry)].Properties?.Environment.Variables.MAX_UPLOAD_BYTES).toBe(String(20 * 1024 * 1024));
    }
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: Match.anyValue(),
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 3 })] },
    });
  });

  it('grammarEngine=bedrock lets only Correct invoke only that model', () => {
    const { stateless } = app();
    const correct = statementsOfEntry(stateless, 'lambdas/pipeline/correct.ts').filter((s) => asArray(s.Action).some((a) => a.startsWith('bedrock:')));
    expect(correct).toEqual([
      {
        Effect: 'Allow',
        Action: 'bedrock:InvokeModel',
        Resource: {
          'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':bedrock:', { Ref: 'AWS::Region' }, `::foundation-model/${MODEL}`]],
        },
      },
    ]);
    const vars = resourcesOf(stateless)[functionIdByEntry(stateless, 'lambdas/pipeline/correct.ts')].Properties?.Environment.Variables;
    expect(vars).toMatchObject({ GRAMMAR_ENGINE: 'bedrock', BEDROCK_MODEL_ID: MODEL });
    // No other statement anywhere mentions Bedrock.
    const mentions = Object.entries(resourcesOf(stateless, 'AWS::IAM::Policy')).filter(([, p]) => JSON.stringify(p).includes('bedrock:'));
    expect(mentions.map(([id]) => id)).toEqual([expect.stringMatching(/^PipelineCorrectRoleDefaultPolicy/)]);
  });

  it('grammarLanguageModel=off tells Correct to run without a language model', () => {
    const { stateless } = app();
    expect(resourcesOf(stateless)[functionIdByEntry(stateless, 'lambdas/pipeline/correct.ts')].Properties?.Environment.Variables.GRAMMAR_LANGUAGE_MODEL).toBe('off');
  });
});

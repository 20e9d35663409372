import { Match } from 'aws-cdk-lib/assertions';
import { functionIdByEntry, resourcesOf, statementsOfEntry, useApp } from './app';

describe('Delivery (CloudFront downloads with signed URLs)', () => {
  const app = useApp();
  const idOf = (type: string) => {
    const ids = Object.keys(resourcesOf(app().stateful, type));
    expect(ids).toHaveLength(1);
    return ids[0];
  };

  it('reaches the private output bucket through Origin Access Control only', () => {
    const { stateful } = app();
    const oac = idOf('AWS::CloudFront::OriginAccessControl');
    stateful.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
    const outputBucket = Object.keys(resourcesOf(stateful, 'AWS::S3::Bucket')).find((id) => id.startsWith('StorageOutput'));
    stateful.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: [
          Match.objectLike({
            DomainName: { 'Fn::GetAtt': [outputBucket, 'RegionalDomainName'] },
            OriginAccessControlId: { 'Fn::GetAtt': [oac, 'Id'] },
          }),
        ],
      }),
    });
    // The bucket lets CloudFront read only on behalf of this distribution.
    stateful.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: outputBucket },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  it('serves only URLs signed by the product\'s key group, over HTTPS, GET/HEAD only', () => {
    const { stateful } = app();
    stateful.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          TrustedKeyGroups: [{ Ref: idOf('AWS::CloudFront::KeyGroup') }],
          ViewerProtocolPolicy: 'https-only',
          AllowedMethods: ['GET', 'HEAD'],
        }),
        Logging: Match.objectLike({ Prefix: 'cloudfront/' }),
      }),
    });
    stateful.hasResourceProperties('AWS::CloudFront::KeyGroup', {
      KeyGroupConfig: Match.objectLike({ Items: [{ Ref: idOf('AWS::CloudFront::PublicKey') }] }),
    });
  });

  it('takes the public key from the deploy-time key generator, which stores the private key in the secret', () => {
    const { stateful } = app();
    const generator = functionIdByEntry(stateful, 'lambdas/delivery/signing-key.ts');
    const keyPair = idOf('Custom::SigningKeyPair');
    const secret = idOf('AWS::SecretsManager::Secret');
    stateful.hasResourceProperties('Custom::SigningKeyPair', {
      ServiceToken: { 'Fn::GetAtt': [generator, 'Arn'] },
      SecretArn: { Ref: secret },
    });
    stateful.hasResourceProperties('AWS::CloudFront::PublicKey', {
      PublicKeyConfig: Match.objectLike({ EncodedKey: { 'Fn::GetAtt': [keyPair, 'PublicKey'] } }),
    });
    const secretStatements = statementsOfEntry(stateful, 'lambdas/delivery/signing-key.ts').filter((s) =>
      [s.Action].flat().some((a) => String(a).startsWith('secretsmanager:')),
    );
    expect(secretStatements.length).toBeGreaterThan(0);
    for (const s of secretStatements) expect(s.Resource).toEqual({ Ref: secret });
  });
});

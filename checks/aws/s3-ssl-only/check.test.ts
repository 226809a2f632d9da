// supplementaryConfiguration.BucketPolicy.policyText is the bucket policy as JSON text in S3 configuration
// items (see the s3-bucket-ssl-requests-only rule: https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-ssl-requests-only.html).
// The statement is AWS's documented one:
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit
import { describeCheck } from '../../../test/harness/check-tester.js';
import { arnOf, ci, resourceCheckCases, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::S3::Bucket';
const denyHttp = (
  name: string,
  condition: Record<string, unknown> = { Bool: { 'aws:SecureTransport': 'false' } },
) => ({
  Sid: 'RestrictToTLSRequestsOnly',
  Action: 's3:*',
  Effect: 'Deny',
  Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`],
  Condition: condition,
  Principal: '*',
});
const bucket = (name: string, statements: unknown[] | null) =>
  ci(
    TYPE,
    name,
    { name },
    {
      BucketPolicy: {
        policyText: statements ? JSON.stringify({ Version: '2012-10-17', Statement: statements }) : null,
      },
    },
  );

describeCheck(check, [
  ...resourceCheckCases(TYPE, bucket('good', [denyHttp('good')]), bucket('bad', null)),
  {
    name: 'a policy without the deny fails',
    data: {
      'aws.config.resources': resources([
        bucket('allow', [
          {
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::111111111111:root' },
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::allow/*',
          },
        ]),
      ]),
    },
    status: 'fail',
    failing: [arnOf(TYPE, 'allow')],
    message: /does not deny/,
  },
  {
    name: 'a deny that only covers GetObject is not enough',
    data: {
      'aws.config.resources': resources([
        bucket('partial', [{ ...denyHttp('partial'), Action: 's3:GetObject' }]),
      ]),
    },
    status: 'fail',
    failing: [arnOf(TYPE, 'partial')],
  },
  {
    name: 'Principal {"AWS":"*"}, a single statement object and boolean false also count',
    data: {
      'aws.config.resources': resources([
        ci(
          TYPE,
          'obj',
          { name: 'obj' },
          {
            BucketPolicy: {
              policyText: JSON.stringify({
                Statement: {
                  ...denyHttp('obj', { Bool: { 'aws:SecureTransport': false } }),
                  Principal: { AWS: '*' },
                },
              }),
            },
          },
        ),
      ]),
    },
    status: 'pass',
    passing: [arnOf(TYPE, 'obj')],
  },
]);

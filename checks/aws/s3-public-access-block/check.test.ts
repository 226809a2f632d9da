import { describeCheck } from '../../../test/harness/check-tester.js';
import { ci, resourceCheckCases, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::S3::Bucket';
const good = ci(
  TYPE,
  'good',
  ...([
    {},
    {
      PublicAccessBlockConfiguration: {
        blockPublicAcls: true,
        ignorePublicAcls: true,
        blockPublicPolicy: true,
        restrictPublicBuckets: true,
      },
    },
  ] as [Record<string, unknown>, Record<string, unknown>]),
);
const bad = ci(
  TYPE,
  'bad',
  ...([
    {},
    {
      PublicAccessBlockConfiguration: {
        blockPublicAcls: true,
        ignorePublicAcls: true,
        blockPublicPolicy: false,
        restrictPublicBuckets: false,
      },
    },
  ] as [Record<string, unknown>, Record<string, unknown>]),
);

describeCheck(check, [
  ...resourceCheckCases(TYPE, good, bad),
  {
    name: 'the account-level block covers every bucket',
    data: {
      'aws.config.resources': resources([
        bad,
        ci('AWS::S3::AccountPublicAccessBlock', '111111111111', {
          blockPublicAcls: true,
          ignorePublicAcls: true,
          blockPublicPolicy: true,
          restrictPublicBuckets: true,
        }),
      ]),
    },
    status: 'pass',
  },
  {
    name: 'no configuration at all fails',
    data: { 'aws.config.resources': resources([ci(TYPE, 'none')]) },
    status: 'fail',
    message: /no Block Public Access/,
  },
  {
    // S3 user guide, "Blocking public access to your Amazon S3 storage": S3 applies the most
    // restrictive combination of the bucket-level and account-level settings.
    name: 'account ACL flags and bucket policy flags together block everything',
    data: {
      'aws.config.resources': resources([
        ci(
          TYPE,
          'split',
          {},
          {
            PublicAccessBlockConfiguration: {
              blockPublicAcls: false,
              ignorePublicAcls: false,
              blockPublicPolicy: true,
              restrictPublicBuckets: true,
            },
          },
        ),
        ci('AWS::S3::AccountPublicAccessBlock', '111111111111', {
          blockPublicAcls: true,
          ignorePublicAcls: true,
          blockPublicPolicy: false,
          restrictPublicBuckets: false,
        }),
      ]),
    },
    status: 'pass',
    message: /blockPublicAcls, ignorePublicAcls set for the account/,
  },
  {
    name: 'a flag off at both levels fails, naming it',
    data: {
      'aws.config.resources': resources([
        bad,
        ci('AWS::S3::AccountPublicAccessBlock', '111111111111', {
          blockPublicAcls: true,
          ignorePublicAcls: true,
          blockPublicPolicy: true,
          restrictPublicBuckets: false,
        }),
      ]),
    },
    status: 'fail',
    message: /restrictPublicBuckets off on the bucket and for the account/,
  },
]);

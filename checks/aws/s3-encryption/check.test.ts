import { describeCheck } from '../../../test/harness/check-tester.js';
import { ci, resourceCheckCases, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::S3::Bucket';
const good = ci(
  TYPE,
  'good',
  ...([
    { name: 'good' },
    {
      ServerSideEncryptionConfiguration: {
        rules: [
          {
            applyServerSideEncryptionByDefault: {
              sseAlgorithm: 'aws:kms',
              kmsMasterKeyID: 'arn:aws:kms:us-east-1:111111111111:key/1',
            },
          },
        ],
      },
    },
  ] as [Record<string, unknown>, Record<string, unknown>]),
);
const bad = ci(TYPE, 'bad', ...([{ name: 'bad' }, {}] as [Record<string, unknown>, Record<string, unknown>]));

describeCheck(check, [
  ...resourceCheckCases(TYPE, good, bad),
  {
    name: 'JSON-string supplementary values are parsed',
    data: {
      'aws.config.resources': resources([
        ci(
          TYPE,
          's',
          {},
          {
            ServerSideEncryptionConfiguration: JSON.stringify({
              rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
            }),
          },
        ),
      ]),
    },
    status: 'pass',
  },
]);

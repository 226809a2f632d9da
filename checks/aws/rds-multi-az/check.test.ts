import { describeCheck } from '../../../test/harness/check-tester.js';
import { arnOf, ci, notRecording, recording, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::RDS::DBInstance';
const good = ci(
  TYPE,
  'good',
  ...([{ multiAZ: true }, {}] as [Record<string, unknown>, Record<string, unknown>]),
);
const bad = ci(
  TYPE,
  'bad',
  ...([{ multiAZ: false }, {}] as [Record<string, unknown>, Record<string, unknown>]),
);

describeCheck(check, [
  {
    name: 'compliant resource passes',
    data: { 'aws.config.resources': resources([good]) },
    status: 'pass',
    passing: [arnOf(TYPE, 'good')],
  },
  {
    name: 'non-compliant resource fails',
    data: { 'aws.config.resources': resources([good, bad]) },
    status: 'fail',
    failing: [arnOf(TYPE, 'bad')],
  },
  {
    name: 'nothing recorded passes on the recorded region',
    data: { 'aws.config.resources': resources([]) },
    status: 'pass',
    passing: ['aws-account/111111111111/us-east-1'],
  },
  {
    name: 'a region without Config fails explicitly',
    data: { 'aws.config.resources': resources([good], [recording(), notRecording()]) },
    status: 'fail',
    failing: ['aws-account/111111111111/eu-west-1'],
    message: /not recording/,
  },
  {
    name: 'a recorder that skips the type fails explicitly',
    data: {
      'aws.config.resources': resources(
        [],
        [
          {
            accountId: '111111111111',
            region: 'us-east-1',
            recording: true,
            resourceTypes: ['AWS::IAM::User'],
          },
        ],
      ),
    },
    status: 'fail',
    message: /does not record/,
  },
  {
    name: 'an unreadable region fails',
    data: {
      'aws.config.resources': resources(
        [],
        [{ ...recording(), error: 'config:SelectResourceConfig denied' }],
      ),
    },
    status: 'fail',
    message: /denied/,
  },
]);

import { describeCheck } from '../../../test/harness/check-tester.js';
import check from './check.js';

const recorder = (extra: object = {}) => ({
  name: 'default',
  allSupported: true,
  includeGlobalResourceTypes: true,
  resourceTypes: [],
  exclusionResourceTypes: [],
  recording: true,
  lastStatus: 'SUCCESS',
  ...extra,
});
const channel = (extra: object = {}) => ({
  name: 'default',
  s3BucketName: 'config-logs',
  historyStatus: 'SUCCESS',
  snapshotStatus: 'SUCCESS',
  ...extra,
});
const region = (value: object, region = 'us-east-1') => ({
  accountId: '111111111111',
  region,
  status: 'ok',
  value,
});
const R = 'aws-account/111111111111/us-east-1';

describeCheck(check, [
  {
    name: 'recording everything with a healthy channel passes',
    data: { 'aws.config.recorders': [region({ recorders: [recorder()], deliveryChannels: [channel()] })] },
    status: 'pass',
    passing: [R],
  },
  {
    name: 'no recorder fails',
    data: { 'aws.config.recorders': [region({ recorders: [], deliveryChannels: [] })] },
    status: 'fail',
    failing: [R],
    message: /no configuration recorder/,
  },
  {
    name: 'stopped recorder fails',
    data: {
      'aws.config.recorders': [
        region({ recorders: [recorder({ recording: false })], deliveryChannels: [channel()] }),
      ],
    },
    status: 'fail',
    message: /stopped/,
  },
  {
    name: 'partial recording fails',
    data: {
      'aws.config.recorders': [
        region({
          recorders: [recorder({ allSupported: false, resourceTypes: ['AWS::S3::Bucket'] })],
          deliveryChannels: [channel()],
        }),
      ],
    },
    status: 'fail',
    message: /all supported/,
  },
  {
    name: 'partial recording allowed by option',
    data: {
      'aws.config.recorders': [
        region({ recorders: [recorder({ allSupported: false })], deliveryChannels: [channel()] }),
      ],
    },
    options: { requireAllResourceTypes: false },
    status: 'pass',
  },
  {
    name: 'missing delivery channel fails',
    data: { 'aws.config.recorders': [region({ recorders: [recorder()], deliveryChannels: [] })] },
    status: 'fail',
    message: /no delivery channel/,
  },
  {
    name: 'failing delivery fails',
    data: {
      'aws.config.recorders': [
        region({
          recorders: [recorder()],
          deliveryChannels: [channel({ historyStatus: 'FAILURE', lastErrorCode: 'AccessDenied' })],
        }),
      ],
    },
    status: 'fail',
    message: /failing/,
  },
  {
    name: 'an unreadable region is not checked',
    data: {
      'aws.config.recorders': [
        {
          accountId: '3',
          region: 'us-east-1',
          status: 'error',
          error: 'config:DescribeConfigurationRecorders denied',
          cause: { kind: 'permission', status: 400, code: 'AccessDeniedException', message: 'denied' },
        },
      ],
    },
    status: 'error',
    notChecked: ['aws-account/3/us-east-1'],
  },
  // The SDK's RecorderStatus/DeliveryStatus enums spell `Failure`; the AWS CLI reference examples show
  // `FAILURE`. Both are failures.
  ...(['Failure', 'FAILURE'] as const).map((status) => ({
    name: `a recorder whose last status is ${status} fails`,
    data: {
      'aws.config.recorders': [
        region({ recorders: [recorder({ lastStatus: status })], deliveryChannels: [channel()] }),
      ],
    },
    status: 'fail' as const,
    failing: [R],
  })),
  {
    name: 'a delivery channel whose snapshot delivery is Failure (SDK casing) fails',
    data: {
      'aws.config.recorders': [
        region({ recorders: [recorder()], deliveryChannels: [channel({ snapshotStatus: 'Failure' })] }),
      ],
    },
    status: 'fail',
    failing: [R],
  },
]);

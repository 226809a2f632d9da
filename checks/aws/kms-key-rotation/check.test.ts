import { describeCheck } from '../../../test/harness/check-tester.js';
import { ci, resourceCheckCases, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::KMS::Key';
const good = ci(
  TYPE,
  'good',
  ...([
    { keyManager: 'CUSTOMER', keyState: 'Enabled', keySpec: 'SYMMETRIC_DEFAULT', origin: 'AWS_KMS' },
    { KeyRotationStatus: true },
  ] as [Record<string, unknown>, Record<string, unknown>]),
);
const bad = ci(
  TYPE,
  'bad',
  ...([
    { keyManager: 'CUSTOMER', keyState: 'Enabled', keySpec: 'SYMMETRIC_DEFAULT', origin: 'AWS_KMS' },
    { KeyRotationStatus: false },
  ] as [Record<string, unknown>, Record<string, unknown>]),
);

describeCheck(check, [
  ...resourceCheckCases(TYPE, good, bad),
  {
    name: 'AWS managed and asymmetric keys are not evaluated',
    data: {
      'aws.config.resources': resources([
        ci(TYPE, 'aws', { keyManager: 'AWS', keyState: 'Enabled' }),
        ci(
          TYPE,
          'rsa',
          { keyManager: 'CUSTOMER', keyState: 'Enabled', keySpec: 'RSA_2048' },
          { KeyRotationStatus: false },
        ),
      ]),
    },
    status: 'pass',
  },
  {
    name: 'pending deletion keys are not evaluated',
    data: {
      'aws.config.resources': resources([
        ci(
          TYPE,
          'gone',
          { keyManager: 'CUSTOMER', keyState: 'PendingDeletion' },
          { KeyRotationStatus: false },
        ),
      ]),
    },
    status: 'pass',
  },
]);

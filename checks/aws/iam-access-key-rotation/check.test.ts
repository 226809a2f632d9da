import { describeCheck } from '../../../test/harness/check-tester.js';
import { report, root, row } from '../testing.js';
import check from './check.js';

const key = (u: string, n = 1) => `arn:aws:iam::111111111111:user/${u}/access_key_${n}`;
describeCheck(check, [
  {
    name: 'a 30 day old key passes',
    data: {
      'aws.iam.credentialReport': report([
        root(),
        row('ci', { access_key_1_active: 'true', access_key_1_last_rotated: '2026-05-31T00:00:00+00:00' }),
      ]),
    },
    status: 'pass',
    passing: [key('ci')],
  },
  {
    name: 'a 200 day old key fails',
    data: {
      'aws.iam.credentialReport': report([
        row('ci', { access_key_1_active: 'true', access_key_1_last_rotated: '2025-12-12T00:00:00+00:00' }),
      ]),
    },
    status: 'fail',
    failing: [key('ci')],
    message: /200 days old/,
  },
  {
    name: 'inactive old keys are ignored',
    data: {
      'aws.iam.credentialReport': report([
        row('ci', { access_key_2_active: 'false', access_key_2_last_rotated: '2020-01-01T00:00:00+00:00' }),
      ]),
    },
    status: 'pass',
  },
  {
    name: 'second key slot is checked',
    data: {
      'aws.iam.credentialReport': report([
        row('ci', { access_key_2_active: 'true', access_key_2_last_rotated: '2024-01-01T00:00:00+00:00' }),
      ]),
    },
    status: 'fail',
    failing: [key('ci', 2)],
  },
  {
    name: 'root keys are left to the root check',
    data: {
      'aws.iam.credentialReport': report([
        root({ access_key_1_active: 'true', access_key_1_last_rotated: '2020-01-01T00:00:00+00:00' }),
      ]),
    },
    status: 'pass',
  },
  {
    name: 'maxAgeDays is configurable',
    data: {
      'aws.iam.credentialReport': report([
        row('ci', { access_key_1_active: 'true', access_key_1_last_rotated: '2026-05-31T00:00:00+00:00' }),
      ]),
    },
    options: { maxAgeDays: 20 },
    status: 'fail',
  },
]);

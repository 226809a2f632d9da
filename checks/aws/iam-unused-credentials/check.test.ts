import { describeCheck } from '../../../test/harness/check-tester.js';
import { report, root, row } from '../testing.js';
import check from './check.js';

const arn = (u: string) => `arn:aws:iam::111111111111:user/${u}`;
describeCheck(check, [
  {
    name: 'recently used password passes',
    data: {
      'aws.iam.credentialReport': report([
        root(),
        row('alice', { password_enabled: 'true', password_last_used: '2026-06-25T00:00:00+00:00' }),
      ]),
    },
    status: 'pass',
    passing: [arn('alice')],
  },
  {
    name: 'password unused for 120 days fails',
    data: {
      'aws.iam.credentialReport': report([
        row('ben', { password_enabled: 'true', password_last_used: '2026-03-02T00:00:00+00:00' }),
      ]),
    },
    status: 'fail',
    failing: [arn('ben')],
    message: /password last used 120 days ago/,
  },
  {
    name: 'a key never used since creation long ago fails',
    data: {
      'aws.iam.credentialReport': report([
        row('old-ci', {
          access_key_1_active: 'true',
          access_key_1_last_rotated: '2025-01-01T00:00:00+00:00',
          access_key_1_last_used_date: 'N/A',
        }),
      ]),
    },
    status: 'fail',
    message: /never used/,
  },
  {
    name: 'a new unused key passes',
    data: {
      'aws.iam.credentialReport': report([
        row('new-ci', {
          access_key_1_active: 'true',
          access_key_1_last_rotated: '2026-06-25T00:00:00+00:00',
        }),
      ]),
    },
    status: 'pass',
  },
  {
    name: 'users without credentials give an account pass',
    data: { 'aws.iam.credentialReport': report([root(), row('role-only')]) },
    status: 'pass',
    passing: ['aws-account/111111111111'],
  },
  {
    name: 'threshold is configurable',
    data: {
      'aws.iam.credentialReport': report([
        row('ben', { password_enabled: 'true', password_last_used: '2026-03-02T00:00:00+00:00' }),
      ]),
    },
    options: { maxUnusedDays: 180 },
    status: 'pass',
  },
]);

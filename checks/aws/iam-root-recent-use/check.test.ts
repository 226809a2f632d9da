import { describeCheck } from '../../../test/harness/check-tester.js';
import { report, root } from '../testing.js';
import check from './check.js';

// DEFAULT_NOW is 2026-06-30T12:00:00Z
const ROOT = 'arn:aws:iam::111111111111:root';
describeCheck(check, [
  {
    name: 'never used passes',
    data: { 'aws.iam.credentialReport': report([root()]) },
    status: 'pass',
    passing: [ROOT],
  },
  {
    name: 'used 200 days ago passes',
    data: { 'aws.iam.credentialReport': report([root({ password_last_used: '2025-12-12T00:00:00+00:00' })]) },
    status: 'pass',
  },
  {
    name: 'console sign-in 10 days ago fails',
    data: { 'aws.iam.credentialReport': report([root({ password_last_used: '2026-06-20T00:00:00+00:00' })]) },
    status: 'fail',
    failing: [ROOT],
    message: /10 days ago/,
  },
  {
    name: 'access key used recently fails',
    data: {
      'aws.iam.credentialReport': report([
        root({ access_key_1_last_used_date: '2026-06-01T00:00:00+00:00' }),
      ]),
    },
    status: 'fail',
    message: /access key 1/,
  },
  {
    name: 'threshold is configurable',
    data: { 'aws.iam.credentialReport': report([root({ password_last_used: '2026-06-20T00:00:00+00:00' })]) },
    options: { days: 5 },
    status: 'pass',
  },
]);

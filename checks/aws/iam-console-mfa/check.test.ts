import { describeCheck } from '../../../test/harness/check-tester.js';
import { accountError, report, root, row } from '../testing.js';
import check from './check.js';

const arn = (u: string) => `arn:aws:iam::111111111111:user/${u}`;
describeCheck(check, [
  {
    name: 'console users with MFA pass',
    data: {
      'aws.iam.credentialReport': report([
        root(),
        row('alice', { password_enabled: 'true', mfa_active: 'true' }),
      ]),
    },
    status: 'pass',
    passing: [arn('alice')],
  },
  {
    name: 'console user without MFA fails',
    data: {
      'aws.iam.credentialReport': report([
        root(),
        row('alice', { password_enabled: 'true', mfa_active: 'true' }),
        row('bob', { password_enabled: 'true' }),
      ]),
    },
    status: 'fail',
    failing: [arn('bob')],
    message: /without MFA/,
  },
  {
    name: 'API-only users are not console users',
    data: {
      'aws.iam.credentialReport': report([
        root({ mfa_active: 'false' }),
        row('ci', { access_key_1_active: 'true' }),
      ]),
    },
    status: 'pass',
    passing: ['aws-account/111111111111'],
  },
  {
    name: 'an unreadable account is not checked',
    data: { 'aws.iam.credentialReport': accountError() },
    status: 'error',
    failing: [],
    notChecked: ['aws-account/333333333333'],
  },
]);

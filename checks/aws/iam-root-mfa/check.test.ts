import { describeCheck } from '../../../test/harness/check-tester.js';
import { accountError } from '../testing.js';
import check from './check.js';

const summary = (mfa: number) => [
  { accountId: '111111111111', status: 'ok' as const, value: { AccountMFAEnabled: mfa, Users: 3 } },
];

describeCheck(check, [
  {
    name: 'root with MFA passes',
    data: { 'aws.iam.accountSummary': summary(1) },
    status: 'pass',
    passing: ['arn:aws:iam::111111111111:root'],
  },
  {
    name: 'root without MFA fails',
    data: { 'aws.iam.accountSummary': summary(0) },
    status: 'fail',
    failing: ['arn:aws:iam::111111111111:root'],
    message: /no MFA/,
  },
  {
    name: 'missing AccountMFAEnabled fails',
    data: { 'aws.iam.accountSummary': [{ accountId: '111111111111', status: 'ok', value: {} }] },
    status: 'fail',
  },
  {
    name: 'an account that could not be read is not checked',
    data: { 'aws.iam.accountSummary': [...summary(1), ...accountError()] },
    status: 'error',
    failing: [],
    passing: ['arn:aws:iam::111111111111:root'],
    notChecked: ['aws-account/333333333333'],
  },
  { name: 'no accounts at all fails', data: { 'aws.iam.accountSummary': [] }, status: 'fail' },
]);

import { describeCheck } from '../../../test/harness/check-tester.js';
import { accountError } from '../testing.js';
import check from './check.js';

const accounts = (partition = 'aws') => ({
  mode: 'single' as const,
  callerAccount: '111111111111',
  partition,
  regions: ['us-east-1'],
  accounts: [],
});

const summary = (mfa: number) => [
  { accountId: '111111111111', status: 'ok' as const, value: { AccountMFAEnabled: mfa, Users: 3 } },
];

describeCheck(check, [
  {
    name: 'root with MFA passes',
    data: { 'aws.accounts': accounts(), 'aws.iam.accountSummary': summary(1) },
    status: 'pass',
    passing: ['arn:aws:iam::111111111111:root'],
  },
  {
    name: 'root without MFA fails',
    data: { 'aws.accounts': accounts(), 'aws.iam.accountSummary': summary(0) },
    status: 'fail',
    failing: ['arn:aws:iam::111111111111:root'],
    message: /no MFA/,
  },
  {
    name: 'missing AccountMFAEnabled fails',
    data: {
      'aws.accounts': accounts(),
      'aws.iam.accountSummary': [{ accountId: '111111111111', status: 'ok', value: {} }],
    },
    status: 'fail',
  },
  {
    name: 'an account that could not be read is not checked',
    data: { 'aws.accounts': accounts(), 'aws.iam.accountSummary': [...summary(1), ...accountError()] },
    status: 'error',
    failing: [],
    passing: ['arn:aws:iam::111111111111:root'],
    notChecked: ['aws-account/333333333333'],
  },
  {
    name: 'no accounts at all fails',
    data: { 'aws.accounts': accounts(), 'aws.iam.accountSummary': [] },
    status: 'fail',
  },
  // GetAccountSummary SummaryMap keys (SDK SummaryKeyType; IAM API reference, GetAccountSummary):
  // AccountPasswordPresent / AccountAccessKeysPresent / AccountSigningCertificatesPresent are 1 when root
  // has that credential. Centralized root access (Organizations) removes all three from member accounts.
  {
    name: 'a member account whose root has no password, keys or certificates passes (centralized root access)',
    data: {
      'aws.accounts': accounts(),
      'aws.iam.accountSummary': [
        {
          accountId: '222222222222',
          status: 'ok',
          value: {
            AccountMFAEnabled: 0,
            AccountPasswordPresent: 0,
            AccountAccessKeysPresent: 0,
            AccountSigningCertificatesPresent: 0,
          },
        },
      ],
    },
    status: 'pass',
    passing: ['arn:aws:iam::222222222222:root'],
    message: /cannot sign in/,
  },
  {
    name: 'a root with access keys but no password and no MFA still fails',
    data: {
      'aws.accounts': accounts(),
      'aws.iam.accountSummary': [
        {
          accountId: '222222222222',
          status: 'ok',
          value: { AccountMFAEnabled: 0, AccountPasswordPresent: 0, AccountAccessKeysPresent: 1 },
        },
      ],
    },
    status: 'fail',
    failing: ['arn:aws:iam::222222222222:root'],
    message: /has access keys but no MFA/,
  },
  {
    name: 'a root with a password and no MFA fails',
    data: {
      'aws.accounts': accounts(),
      'aws.iam.accountSummary': [
        {
          accountId: '222222222222',
          status: 'ok',
          value: { AccountMFAEnabled: 0, AccountPasswordPresent: 1 },
        },
      ],
    },
    status: 'fail',
    message: /has a password but no MFA/,
  },
  {
    name: 'GovCloud: the root ARN is in the aws-us-gov partition',
    data: { 'aws.accounts': accounts('aws-us-gov'), 'aws.iam.accountSummary': summary(0) },
    status: 'fail',
    failing: ['arn:aws-us-gov:iam::111111111111:root'],
  },
]);

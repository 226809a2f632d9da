import { describe, expect, it } from 'vitest';
import { describeCheck, runCheck } from '../../../test/harness/check-tester.js';
import type { VirtualMfaDevice } from '../../../src/collectors/aws/data.js';
import { accountError } from '../testing.js';
import check from './check.js';

const accounts = (partition = 'aws') => ({
  mode: 'single' as const,
  callerAccount: '111111111111',
  partition,
  regions: ['us-east-1'],
  accounts: [],
});

/**
 * ListVirtualMFADevices (AssignmentStatus=Assigned) as the collector keeps it. The IAM API reference's
 * example lists the root user's device with User.Arn `arn:aws:iam::<account>:root`; the console names it
 * `root-account-mfa-device` (https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListVirtualMFADevices.html).
 */
const virtual = (...devices: VirtualMfaDevice[]) => [
  { accountId: '111111111111', status: 'ok' as const, value: devices },
];
const rootDevice: VirtualMfaDevice = {
  serialNumber: 'arn:aws:iam::111111111111:mfa/root-account-mfa-device',
  userArn: 'arn:aws:iam::111111111111:root',
  enableDate: '2025-03-01T10:00:00.000Z',
};
const userDevice: VirtualMfaDevice = {
  serialNumber: 'arn:aws:iam::111111111111:mfa/alice',
  userArn: 'arn:aws:iam::111111111111:user/alice',
};
const listingDenied = [
  {
    accountId: '111111111111',
    status: 'error' as const,
    error: 'iam:ListVirtualMFADevices denied',
    cause: { kind: 'permission' as const, status: 403, code: 'AccessDenied', message: 'not authorized' },
  },
];

const summary = (mfa: number) => [
  { accountId: '111111111111', status: 'ok' as const, value: { AccountMFAEnabled: mfa, Users: 3 } },
];

describeCheck(check, [
  {
    name: 'root with MFA passes',
    data: {
      'aws.accounts': accounts(),
      'aws.iam.accountSummary': summary(1),
      'aws.iam.virtualMfaDevices': virtual(),
    },
    status: 'pass',
    passing: ['arn:aws:iam::111111111111:root'],
  },
  {
    name: 'root without MFA fails',
    data: {
      'aws.accounts': accounts(),
      'aws.iam.accountSummary': summary(0),
      'aws.iam.virtualMfaDevices': virtual(),
    },
    status: 'fail',
    failing: ['arn:aws:iam::111111111111:root'],
    message: /no MFA/,
  },
  {
    name: 'missing AccountMFAEnabled fails',
    data: {
      'aws.accounts': accounts(),
      'aws.iam.virtualMfaDevices': virtual(),
      'aws.iam.accountSummary': [{ accountId: '111111111111', status: 'ok', value: {} }],
    },
    status: 'fail',
  },
  {
    name: 'an account that could not be read is not checked',
    data: {
      'aws.accounts': accounts(),
      'aws.iam.accountSummary': [...summary(1), ...accountError()],
      'aws.iam.virtualMfaDevices': virtual(),
    },
    status: 'error',
    failing: [],
    passing: ['arn:aws:iam::111111111111:root'],
    notChecked: ['aws-account/333333333333'],
  },
  {
    name: 'no accounts at all fails',
    data: { 'aws.accounts': accounts(), 'aws.iam.accountSummary': [], 'aws.iam.virtualMfaDevices': [] },
    status: 'fail',
  },
  // GetAccountSummary SummaryMap keys (SDK SummaryKeyType; IAM API reference, GetAccountSummary):
  // AccountPasswordPresent / AccountAccessKeysPresent / AccountSigningCertificatesPresent are 1 when root
  // has that credential. Centralized root access (Organizations) removes all three from member accounts.
  {
    name: 'a member account whose root has no password, keys or certificates passes (centralized root access)',
    data: {
      'aws.accounts': accounts(),
      'aws.iam.virtualMfaDevices': virtual(),
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
      'aws.iam.virtualMfaDevices': virtual(),
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
      'aws.iam.virtualMfaDevices': virtual(),
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
    data: {
      'aws.accounts': accounts('aws-us-gov'),
      'aws.iam.accountSummary': summary(0),
      'aws.iam.virtualMfaDevices': virtual(),
    },
    status: 'fail',
    failing: ['arn:aws-us-gov:iam::111111111111:root'],
  },
  {
    name: 'root with a virtual MFA device fails by default (CIS 1.6: hardware MFA for root)',
    data: {
      'aws.accounts': accounts(),
      'aws.iam.accountSummary': summary(1),
      'aws.iam.virtualMfaDevices': virtual(userDevice, rootDevice),
    },
    status: 'fail',
    failing: ['arn:aws:iam::111111111111:root'],
    message: /uses a virtual MFA device \(arn:aws:iam::111111111111:mfa\/root-account-mfa-device\)/,
  },
  {
    name: 'a virtual device found by its User.Arn alone (a device named otherwise) is the root one',
    data: {
      'aws.accounts': accounts(),
      'aws.iam.accountSummary': summary(1),
      'aws.iam.virtualMfaDevices': virtual({
        serialNumber: 'arn:aws:iam::111111111111:mfa/my-phone',
        userArn: 'arn:aws:iam::111111111111:root',
      }),
    },
    status: 'fail',
    failing: ['arn:aws:iam::111111111111:root'],
  },
  {
    name: "a user's device named root-account-mfa-device is not the root's",
    data: {
      'aws.accounts': accounts(),
      'aws.iam.accountSummary': summary(1),
      'aws.iam.virtualMfaDevices': virtual({
        serialNumber: 'arn:aws:iam::111111111111:mfa/root-account-mfa-device',
        userArn: 'arn:aws:iam::111111111111:user/mallory',
      }),
    },
    status: 'pass',
    passing: ['arn:aws:iam::111111111111:root'],
  },
  {
    name: 'a device listed without its user is recognised by the console name',
    data: {
      'aws.accounts': accounts(),
      'aws.iam.accountSummary': summary(1),
      'aws.iam.virtualMfaDevices': virtual({
        serialNumber: 'arn:aws:iam::111111111111:mfa/root-account-mfa-device',
      }),
    },
    status: 'fail',
    failing: ['arn:aws:iam::111111111111:root'],
  },
  {
    name: 'root with a virtual MFA device passes when requireHardwareMfa is off',
    data: {
      'aws.accounts': accounts(),
      'aws.iam.accountSummary': summary(1),
      'aws.iam.virtualMfaDevices': virtual(rootDevice),
    },
    options: { requireHardwareMfa: false },
    status: 'pass',
    passing: ['arn:aws:iam::111111111111:root'],
  },
  {
    name: "a user's virtual device is not the root's: root MFA is hardware",
    data: {
      'aws.accounts': accounts(),
      'aws.iam.accountSummary': summary(1),
      'aws.iam.virtualMfaDevices': virtual(userDevice),
    },
    status: 'pass',
    passing: ['arn:aws:iam::111111111111:root'],
  },
  {
    name: 'listing denied: a root with MFA is not checked when hardware MFA is required',
    data: {
      'aws.accounts': accounts(),
      'aws.iam.accountSummary': summary(1),
      'aws.iam.virtualMfaDevices': listingDenied,
    },
    status: 'error',
    failing: [],
    notChecked: ['arn:aws:iam::111111111111:root'],
  },
  {
    name: 'listing denied: a root without MFA still fails (the verdict does not depend on the type)',
    data: {
      'aws.accounts': accounts(),
      'aws.iam.accountSummary': summary(0),
      'aws.iam.virtualMfaDevices': listingDenied,
    },
    status: 'fail',
    failing: ['arn:aws:iam::111111111111:root'],
  },
  {
    name: 'listing denied: a root with MFA passes with the type unknown when hardware is not required',
    data: {
      'aws.accounts': accounts(),
      'aws.iam.accountSummary': summary(1),
      'aws.iam.virtualMfaDevices': listingDenied,
    },
    options: { requireHardwareMfa: false },
    status: 'pass',
    passing: ['arn:aws:iam::111111111111:root'],
  },
  {
    name: 'root without credentials passes whatever the listing says',
    data: {
      'aws.accounts': accounts(),
      'aws.iam.accountSummary': [
        {
          accountId: '111111111111',
          status: 'ok',
          value: { AccountMFAEnabled: 0, AccountPasswordPresent: 0, AccountAccessKeysPresent: 0 },
        },
      ],
      'aws.iam.virtualMfaDevices': listingDenied,
    },
    status: 'pass',
    passing: ['arn:aws:iam::111111111111:root'],
  },
]);

describe('aws.iam-root-mfa details', () => {
  const root = (data: Record<string, unknown>, options: { requireHardwareMfa?: boolean } = {}) =>
    runCheck(check, data, { options }).findings[0]!;

  it('names the MFA type: hardware, virtual (with the serial number) or unknown', () => {
    const base = { 'aws.accounts': accounts(), 'aws.iam.accountSummary': summary(1) };
    expect(root({ ...base, 'aws.iam.virtualMfaDevices': virtual() }).details).toMatchObject({
      mfaType: 'hardware',
    });
    expect(
      root({ ...base, 'aws.iam.virtualMfaDevices': virtual(rootDevice) }, { requireHardwareMfa: false })
        .details,
    ).toMatchObject({ mfaType: 'virtual', serialNumber: rootDevice.serialNumber });
    const unknown = root({ ...base, 'aws.iam.virtualMfaDevices': listingDenied });
    expect(unknown.details).toMatchObject({ mfaType: 'unknown' });
    expect(unknown.cause).toMatchObject({ kind: 'permission', code: 'AccessDenied' });
    expect(unknown.message).toMatch(/hardware or virtual/);
  });

  it('GovCloud: the root device is matched in the aws-us-gov partition', () => {
    const finding = root({
      'aws.accounts': accounts('aws-us-gov'),
      'aws.iam.accountSummary': summary(1),
      'aws.iam.virtualMfaDevices': virtual({
        serialNumber: 'arn:aws-us-gov:iam::111111111111:mfa/phone',
        userArn: 'arn:aws-us-gov:iam::111111111111:root',
      }),
    });
    expect(finding.status).toBe('fail');
    expect(finding.resource).toBe('arn:aws-us-gov:iam::111111111111:root');
  });
});

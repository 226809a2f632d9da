import { defineCheck } from '../../../src/engine/check.js';
import type { AccountResult, AccountSummary, VirtualMfaDevice } from '../../../src/collectors/aws/data.js';
import { notChecked } from '../../../src/engine/scope.js';
import type { Finding } from '../../../src/engine/types.js';
import { causeOf, perAccount, rootArn } from '../support.js';

interface Options {
  /** CIS AWS Foundations Benchmark 1.6: the root user's MFA must be a hardware device, not a virtual one. */
  requireHardwareMfa: boolean;
}

/**
 * The root user's sign-in credentials, from GetAccountSummary's SummaryMap (SDK SummaryKeyType):
 * AccountPasswordPresent, AccountAccessKeysPresent and AccountSigningCertificatesPresent are 1 when
 * root has one. A summary without AccountPasswordPresent (older answers) is taken to have a password.
 */
function rootCredentials(summary: AccountSummary): string[] {
  return [
    summary.AccountPasswordPresent !== 0 ? 'a password' : '',
    summary.AccountAccessKeysPresent === 1 ? 'access keys' : '',
    summary.AccountSigningCertificatesPresent === 1 ? 'signing certificates' : '',
  ].filter(Boolean);
}

/**
 * The root user's virtual MFA device: the one assigned to `arn:<partition>:iam::<account>:root` (the IAM
 * API reference's ListVirtualMFADevices example). Only a device listed without its user is recognised by
 * the name the console gives root's device, `root-account-mfa-device`: an IAM user may name theirs so.
 */
function rootVirtualDevice(devices: readonly VirtualMfaDevice[], root: string): VirtualMfaDevice | undefined {
  return devices.find((d) =>
    d.userArn ? d.userArn === root : d.serialNumber.endsWith(':mfa/root-account-mfa-device'),
  );
}

export default defineCheck<'aws.iam.accountSummary' | 'aws.iam.virtualMfaDevices' | 'aws.accounts', Options>({
  id: 'aws.iam-root-mfa',
  title: 'AWS root user has MFA enabled',
  provider: 'aws',
  severity: 'critical',
  description:
    'Every AWS account root user that can sign in (has a password, access keys or signing certificates) is protected by multi-factor authentication (AccountMFAEnabled = 1) and, with `requireHardwareMfa` (the default, CIS AWS Foundations Benchmark 1.6), by a hardware device rather than a virtual authenticator app. A root user without any credential (Organizations centralized root access, or a member account whose root never had a password) cannot sign in and passes.',
  risk: 'The root user can do anything in the account, including closing it; a phished or leaked root password without MFA is a full compromise. A virtual MFA app lives on a phone that is lost, replaced or backed up to the cloud with its seed.',
  remediation:
    'Sign in as the root user, open Security credentials and assign a hardware MFA device (a FIDO security key or a hardware TOTP token), then remove the virtual one. For organization member accounts, remove root credentials with centralized root access management.',
  requires: ['aws.iam.accountSummary', 'aws.iam.virtualMfaDevices', 'aws.accounts'],
  options: {
    schema: { requireHardwareMfa: { type: 'boolean' } },
    defaults: { requireHardwareMfa: true },
  },
  evaluate(data, options) {
    const { partition } = data['aws.accounts'];
    const virtual = new Map<string, AccountResult<VirtualMfaDevice[]>>(
      data['aws.iam.virtualMfaDevices'].map((r) => [r.accountId, r]),
    );
    return perAccount(data['aws.iam.accountSummary'], 'root MFA', (accountId, summary): Finding[] => {
      const resource = rootArn(accountId, partition);
      const enabled = summary.AccountMFAEnabled === 1;
      const credentials = rootCredentials(summary);
      const details = {
        accountId,
        AccountMFAEnabled: summary.AccountMFAEnabled ?? null,
        AccountPasswordPresent: summary.AccountPasswordPresent ?? null,
        AccountAccessKeysPresent: summary.AccountAccessKeysPresent ?? null,
      };
      if (!enabled && credentials.length === 0) {
        return [
          {
            resource,
            status: 'pass',
            message: `root user of ${accountId} has no password, access keys or signing certificates: it cannot sign in (centralized root access)`,
            details,
          },
        ];
      }
      if (!enabled) {
        return [
          {
            resource,
            status: 'fail',
            message: `root user of ${accountId} has ${credentials.join(' and ')} but no MFA device`,
            details,
          },
        ];
      }
      const listing = virtual.get(accountId) ?? {
        accountId,
        status: 'error' as const,
        error: 'no virtual MFA device listing for this account',
        cause: { kind: 'other' as const, message: 'no virtual MFA device listing for this account' },
      };
      if (listing.status === 'error') {
        // The MFA verdict stands; only the device type is unknown. Where the verdict depends on it, the
        // root user is not checked (never a pass or a fail on data that could not be read).
        if (options.requireHardwareMfa)
          return [
            notChecked(resource, causeOf(listing), 'root MFA device type (hardware or virtual)', {
              ...details,
              mfaType: 'unknown',
            }),
          ];
        return [
          {
            resource,
            status: 'pass',
            message: `root user of ${accountId} has MFA enabled (device type unknown: ${listing.error})`,
            details: { ...details, mfaType: 'unknown' },
          },
        ];
      }
      const device = rootVirtualDevice(listing.value, resource);
      if (!device)
        return [
          {
            resource,
            status: 'pass',
            message: `root user of ${accountId} has MFA enabled and no virtual MFA device: a hardware TOTP token or FIDO security key`,
            details: { ...details, mfaType: 'hardware' },
          },
        ];
      const fails = options.requireHardwareMfa;
      return [
        {
          resource,
          status: fails ? 'fail' : 'pass',
          message: fails
            ? `root user of ${accountId} uses a virtual MFA device (${device.serialNumber}), not a hardware one`
            : `root user of ${accountId} has MFA enabled (virtual device ${device.serialNumber})`,
          details: { ...details, mfaType: 'virtual', serialNumber: device.serialNumber },
        },
      ];
    });
  },
});

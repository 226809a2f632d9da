import { defineCheck } from '../../../src/engine/check.js';
import type { AccountSummary } from '../../../src/collectors/aws/data.js';
import { perAccount, rootArn } from '../support.js';

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

export default defineCheck({
  id: 'aws.iam-root-mfa',
  title: 'AWS root user has MFA enabled',
  provider: 'aws',
  severity: 'critical',
  description:
    'Every AWS account root user that can sign in (has a password, access keys or signing certificates) is protected by multi-factor authentication (AccountMFAEnabled = 1). A root user without any credential (Organizations centralized root access, or a member account whose root never had a password) cannot sign in and passes.',
  risk: 'The root user can do anything in the account, including closing it; a phished or leaked root password without MFA is a full compromise.',
  remediation:
    'Sign in as the root user, open Security credentials and assign an MFA device (a hardware key for production accounts). For organization member accounts, remove root credentials with centralized root access management.',
  requires: ['aws.iam.accountSummary', 'aws.accounts'],
  evaluate(data) {
    const { partition } = data['aws.accounts'];
    return perAccount(data['aws.iam.accountSummary'], 'root MFA', (accountId, summary) => {
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
            resource: rootArn(accountId, partition),
            status: 'pass',
            message: `root user of ${accountId} has no password, access keys or signing certificates: it cannot sign in (centralized root access)`,
            details,
          },
        ];
      }
      return [
        {
          resource: rootArn(accountId, partition),
          status: enabled ? 'pass' : 'fail',
          message: enabled
            ? `root user of ${accountId} has MFA enabled`
            : `root user of ${accountId} has ${credentials.join(' and ')} but no MFA device`,
          details,
        },
      ];
    });
  },
});

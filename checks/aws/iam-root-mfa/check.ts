import { defineCheck } from '../../../src/engine/check.js';
import { perAccount, rootArn } from '../support.js';

export default defineCheck({
  id: 'aws.iam-root-mfa',
  title: 'AWS root user has MFA enabled',
  provider: 'aws',
  severity: 'critical',
  description:
    'Every AWS account root user is protected by multi-factor authentication (AccountMFAEnabled = 1).',
  risk: 'The root user can do anything in the account, including closing it; a phished or leaked root password without MFA is a full compromise.',
  remediation:
    'Sign in as the root user, open Security credentials and assign an MFA device (a hardware key for production accounts). For organization member accounts, consider centralized root access management.',
  requires: ['aws.iam.accountSummary'],
  evaluate(data) {
    return perAccount(data['aws.iam.accountSummary'], 'root MFA', (accountId, summary) => {
      const enabled = summary.AccountMFAEnabled === 1;
      return [
        {
          resource: rootArn(accountId),
          status: enabled ? 'pass' : 'fail',
          message: enabled
            ? `root user of ${accountId} has MFA enabled`
            : `root user of ${accountId} has no MFA device`,
          details: { accountId, AccountMFAEnabled: summary.AccountMFAEnabled ?? null },
        },
      ];
    });
  },
});

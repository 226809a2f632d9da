import { defineCheck } from '../../../src/engine/check.js';
import { accountResource, isTrue, perAccount, userRows } from '../support.js';

export default defineCheck({
  id: 'aws.iam-console-mfa',
  title: 'IAM users with console access have MFA',
  provider: 'aws',
  severity: 'high',
  description: 'Every IAM user with a console password (password_enabled) has an MFA device (mfa_active).',
  risk: 'A console password alone can be phished, guessed or reused from another breach; MFA stops most account takeovers.',
  remediation:
    'Require MFA for these users (assign a device, or enforce it with an IAM policy that denies actions without aws:MultiFactorAuthPresent), or remove their console password. Prefer IAM Identity Center for human access.',
  requires: ['aws.iam.credentialReport'],
  evaluate(data) {
    return perAccount(data['aws.iam.credentialReport'], 'console MFA', (accountId, report) => {
      const consoleUsers = userRows(report.rows).filter((r) => isTrue(r.password_enabled));
      if (consoleUsers.length === 0) {
        return [
          {
            resource: accountResource(accountId),
            status: 'pass',
            message: `no IAM user in ${accountId} has a console password`,
          },
        ];
      }
      return consoleUsers.map((row) => ({
        resource: row.arn,
        status: isTrue(row.mfa_active) ? ('pass' as const) : ('fail' as const),
        message: isTrue(row.mfa_active)
          ? `${row.user} signs in to the console with MFA`
          : `${row.user} can sign in to the console without MFA`,
        details: {
          accountId,
          user: row.user,
          password_last_used: row.password_last_used,
          mfa_active: row.mfa_active,
        },
      }));
    });
  },
});

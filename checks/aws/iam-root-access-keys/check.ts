import { defineCheck } from '../../../src/engine/check.js';
import { isTrue, KEY_SLOTS, partitionOf, perAccount, ROOT_USER, rootArn } from '../support.js';

export default defineCheck({
  id: 'aws.iam-root-access-keys',
  title: 'AWS root user has no access keys',
  provider: 'aws',
  severity: 'critical',
  description:
    'No active access key exists for any account root user (credential report, <root_account> row).',
  risk: 'A root access key gives unrestricted, MFA-free API access to the account and cannot be limited by IAM policies.',
  remediation:
    'Sign in as the root user, open Security credentials, deactivate and delete the access keys, and use IAM roles for automation instead.',
  requires: ['aws.iam.credentialReport'],
  evaluate(data) {
    return perAccount(data['aws.iam.credentialReport'], 'root access keys', (accountId, report) => {
      const root = report.rows.find((r) => r.user === ROOT_USER);
      if (!root) {
        return [
          {
            resource: rootArn(accountId, partitionOf(report.rows[0]?.arn)),
            status: 'fail',
            message: `credential report of ${accountId} has no <root_account> row`,
          },
        ];
      }
      const active = KEY_SLOTS.filter((n) => isTrue(root[`access_key_${n}_active`]));
      return [
        {
          resource: root.arn || rootArn(accountId),
          status: active.length ? 'fail' : 'pass',
          message: active.length
            ? `root user of ${accountId} has ${active.length} active access key(s)`
            : `root user of ${accountId} has no active access keys`,
          details: { accountId, activeKeys: active.map((n) => `access_key_${n}`) },
        },
      ];
    });
  },
});

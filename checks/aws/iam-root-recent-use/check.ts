import { defineCheck } from '../../../src/engine/check.js';
import { daysBetween, partitionOf, perAccount, reportDate, ROOT_USER, rootArn } from '../support.js';

export default defineCheck({
  id: 'aws.iam-root-recent-use',
  title: 'AWS root user not used recently',
  provider: 'aws',
  severity: 'high',
  description:
    'The root user has not signed in or used an access key within the last `days` days (credential report password_last_used and access_key_N_last_used_date).',
  risk: 'Everyday use of the root user bypasses least privilege and individual accountability; recent use may also be a sign of compromise.',
  remediation:
    'Find out who used the root user and why (CloudTrail), move that work to IAM Identity Center or IAM roles, and keep root credentials locked away for break-glass use only.',
  requires: ['aws.iam.credentialReport'],
  options: {
    schema: { days: { type: 'integer', minimum: 1, maximum: 3650 } },
    defaults: { days: 90 },
  },
  evaluate(data, options, { now }) {
    return perAccount(data['aws.iam.credentialReport'], 'root use', (accountId, report) => {
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
      const uses = [
        ['console sign-in', reportDate(root.password_last_used)],
        ['access key 1', reportDate(root.access_key_1_last_used_date)],
        ['access key 2', reportDate(root.access_key_2_last_used_date)],
      ].filter((u): u is [string, Date] => u[1] !== undefined);
      const recent = uses.filter(([, date]) => daysBetween(date, now) < options.days);
      const last = uses.map(([, d]) => d).sort((a, b) => b.getTime() - a.getTime())[0];
      return [
        {
          resource: root.arn || rootArn(accountId),
          status: recent.length ? 'fail' : 'pass',
          message: recent.length
            ? `root user of ${accountId} was used ${daysBetween(recent[0]![1], now)} days ago (${recent.map(([how]) => how).join(', ')})`
            : last
              ? `root user of ${accountId} last used ${daysBetween(last, now)} days ago`
              : `root user of ${accountId} has no recorded use`,
          details: { accountId, lastUsed: last?.toISOString() ?? null, days: options.days },
        },
      ];
    });
  },
});

import { defineCheck } from '../../../src/engine/check.js';
import type { Finding } from '../../../src/engine/types.js';
import {
  accountResource,
  daysBetween,
  isTrue,
  KEY_SLOTS,
  perAccount,
  reportDate,
  userRows,
} from '../support.js';

export default defineCheck({
  id: 'aws.iam-unused-credentials',
  title: 'No IAM passwords or access keys unused for 90 days',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every enabled IAM console password and active access key was used within `maxUnusedDays` days; a credential never used counts from its creation or rotation.',
  risk: 'Unused credentials belong to people who left or workloads that moved; nobody notices when they are abused.',
  remediation:
    'Remove the console password (delete login profile) or deactivate and delete the access key; delete the user if it is no longer needed.',
  requires: ['aws.iam.credentialReport'],
  options: {
    schema: { maxUnusedDays: { type: 'integer', minimum: 1, maximum: 3650 } },
    defaults: { maxUnusedDays: 90 },
  },
  evaluate(data, options, { now }) {
    return perAccount(data['aws.iam.credentialReport'], 'unused credentials', (accountId, report) => {
      const findings: Finding[] = [];
      for (const row of userRows(report.rows)) {
        const stale: string[] = [];
        const checked: string[] = [];
        if (isTrue(row.password_enabled)) {
          checked.push('password');
          const since =
            reportDate(row.password_last_used) ??
            reportDate(row.password_last_changed) ??
            reportDate(row.user_creation_time);
          if (since && daysBetween(since, now) > options.maxUnusedDays) {
            stale.push(
              `password ${reportDate(row.password_last_used) ? `last used ${daysBetween(since, now)} days ago` : `never used in ${daysBetween(since, now)} days`}`,
            );
          }
        }
        for (const n of KEY_SLOTS) {
          if (!isTrue(row[`access_key_${n}_active`])) continue;
          checked.push(`access key ${n}`);
          const used = reportDate(row[`access_key_${n}_last_used_date`]);
          const since =
            used ?? reportDate(row[`access_key_${n}_last_rotated`]) ?? reportDate(row.user_creation_time);
          if (since && daysBetween(since, now) > options.maxUnusedDays) {
            stale.push(
              `access key ${n} ${used ? `last used ${daysBetween(since, now)} days ago` : `never used in ${daysBetween(since, now)} days`}`,
            );
          }
        }
        if (checked.length === 0) continue;
        findings.push({
          resource: row.arn,
          status: stale.length ? 'fail' : 'pass',
          message: stale.length ? `${row.user}: ${stale.join('; ')}` : `${row.user}'s credentials are in use`,
          details: { accountId, user: row.user, stale },
        });
      }
      return findings.length
        ? findings
        : [
            {
              resource: accountResource(accountId),
              status: 'pass',
              message: `no IAM user passwords or access keys in ${accountId}`,
            },
          ];
    });
  },
});

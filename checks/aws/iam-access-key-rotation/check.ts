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
  id: 'aws.iam-access-key-rotation',
  title: 'IAM access keys rotated within 90 days',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every active IAM user access key was created or rotated within `maxAgeDays` days (access_key_N_last_rotated).',
  risk: 'Long-lived keys accumulate in scripts, laptops and CI logs; the older a key, the more likely it has leaked.',
  remediation:
    'Create a new key, switch the workload to it, deactivate and delete the old one. Better: replace user keys with IAM roles (OIDC for CI, instance/task roles for workloads).',
  requires: ['aws.iam.credentialReport'],
  options: {
    schema: { maxAgeDays: { type: 'integer', minimum: 1, maximum: 3650 } },
    defaults: { maxAgeDays: 90 },
  },
  evaluate(data, options, { now }) {
    return perAccount(data['aws.iam.credentialReport'], 'access key age', (accountId, report) => {
      const findings: Finding[] = [];
      for (const row of userRows(report.rows)) {
        for (const n of KEY_SLOTS) {
          if (!isTrue(row[`access_key_${n}_active`])) continue;
          const rotated = reportDate(row[`access_key_${n}_last_rotated`]);
          const age = rotated ? daysBetween(rotated, now) : undefined;
          const old = age === undefined || age > options.maxAgeDays;
          findings.push({
            resource: `${row.arn}/access_key_${n}`,
            status: old ? 'fail' : 'pass',
            message:
              age === undefined
                ? `${row.user}'s access key ${n} has no rotation date`
                : old
                  ? `${row.user}'s access key ${n} is ${age} days old (limit ${options.maxAgeDays})`
                  : `${row.user}'s access key ${n} is ${age} days old`,
            details: {
              accountId,
              user: row.user,
              lastRotated: rotated?.toISOString() ?? null,
              ageDays: age ?? null,
            },
          });
        }
      }
      return findings.length
        ? findings
        : [
            {
              resource: accountResource(accountId),
              status: 'pass',
              message: `no active IAM user access keys in ${accountId}`,
            },
          ];
    });
  },
});

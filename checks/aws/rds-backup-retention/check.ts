import { defineCheck } from '../../../src/engine/check.js';
import { config, itemEvidence, itemResource, resourceCheck } from '../support.js';

export default defineCheck({
  id: 'aws.rds-backup-retention',
  title: 'RDS automated backups kept 7+ days',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every RDS DB instance keeps automated backups for at least `minDays` days (configuration.backupRetentionPeriod).',
  risk: 'With no or short backup retention, corruption or deletion noticed a few days late cannot be recovered, breaking recovery objectives.',
  remediation:
    'Modify the instance with --backup-retention-period 7 (or more, as your backup policy says); consider AWS Backup for cross-region copies.',
  requires: ['aws.config.resources'],
  options: { schema: { minDays: { type: 'integer', minimum: 1, maximum: 35 } }, defaults: { minDays: 7 } },
  evaluate(data, options) {
    return resourceCheck(data['aws.config.resources'], 'AWS::RDS::DBInstance', 'RDS DB instances', (item) => {
      const days = config<number>(item, 'backupRetentionPeriod') ?? 0;
      const name = config<string>(item, 'dBInstanceIdentifier') ?? item.resourceName ?? item.resourceId;
      const ok = days >= options.minDays;
      return {
        resource: itemResource(item),
        status: ok ? 'pass' : 'fail',
        message: ok
          ? `DB instance ${name} keeps backups ${days} days`
          : `DB instance ${name} keeps backups ${days} days (minimum ${options.minDays})`,
        details: itemEvidence(item, { backupRetentionPeriod: days }),
      };
    });
  },
});

import { defineCheck } from '../../../src/engine/check.js';
import { rdsCheck } from '../rds.js';
import { config, itemFinding } from '../support.js';

export default defineCheck({
  id: 'aws.rds-backup-retention',
  title: 'RDS automated backups kept 7+ days',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every standalone RDS DB instance and every DB cluster (AWS::RDS::DBCluster) keeps automated backups for at least `minDays` days (configuration.backupRetentionPeriod). Cluster members are judged through their cluster; read replicas through their source.',
  risk: 'With no or short backup retention, corruption or deletion noticed a few days late cannot be recovered, breaking recovery objectives.',
  remediation:
    'Modify the instance or cluster with --backup-retention-period 7 (or more, as your backup policy says); consider AWS Backup for cross-region copies.',
  requires: ['aws.config.resources'],
  options: { schema: { minDays: { type: 'integer', minimum: 1, maximum: 35 } }, defaults: { minDays: 7 } },
  evaluate(data, options) {
    return rdsCheck(
      data['aws.config.resources'],
      'backup retention',
      ({ item, kind, name }) => {
        const days = config<number>(item, 'backupRetentionPeriod') ?? 0;
        const ok = days >= options.minDays;
        return itemFinding(
          item,
          ok,
          `${kind} ${name} keeps backups ${days} days${ok ? '' : ` (minimum ${options.minDays})`}`,
          { backupRetentionPeriod: days },
        );
      },
      { skipReplicas: true },
    );
  },
});

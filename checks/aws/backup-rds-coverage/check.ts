import { defineCheck } from '../../../src/engine/check.js';
import { backupCoverage } from '../backup.js';
import { config } from '../support.js';

export default defineCheck({
  id: 'aws.backup-rds-coverage',
  title: 'RDS databases are in an AWS Backup plan',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every RDS DB instance is assigned to an AWS Backup plan: an AWS::Backup::BackupSelection in its account and region selects its ARN (Resources with wildcards, ListOfTags, Conditions, NotResources) and its AWS::Backup::BackupPlan has a rule. Cluster members (Aurora) are judged by their cluster ARN, which is what AWS Backup protects.',
  risk: 'Automated RDS snapshots live and die with the instance and its account; without a backup plan there is no independent, retained, restorable copy.',
  remediation:
    'Assign the databases to a backup plan (`aws backup create-backup-selection --backup-plan-id ID --backup-selection file://selection.json`), by ARN or by a tag such as `backup=daily`.',
  requires: ['aws.config.resources'],
  evaluate(data) {
    return backupCoverage(
      data['aws.config.resources'],
      'AWS::RDS::DBInstance',
      'RDS databases in AWS Backup',
      (item) => {
        const name = config<string>(item, 'dBInstanceIdentifier') ?? item.resourceName ?? item.resourceId;
        const cluster = config<string>(item, 'dBClusterIdentifier');
        const arn = item.arn ?? '';
        return cluster
          ? {
              name: `DB instance ${name} (cluster ${cluster})`,
              arn: arn.replace(/:db:[^:]+$/, `:cluster:${cluster}`),
              tags: item.tags,
            }
          : { name: `DB instance ${name}`, arn, tags: item.tags };
      },
    );
  },
});

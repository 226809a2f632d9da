import { defineCheck } from '../../../src/engine/check.js';
import { backupCoverage } from '../backup.js';
import { config } from '../support.js';

export default defineCheck({
  id: 'aws.backup-dynamodb-coverage',
  title: 'DynamoDB tables are in an AWS Backup plan',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every DynamoDB table is assigned to an AWS Backup plan: an AWS::Backup::BackupSelection in its account and region selects its ARN (Resources with wildcards, ListOfTags, Conditions, NotResources) and its AWS::Backup::BackupPlan has a rule.',
  risk: 'Point-in-time recovery reaches back 35 days at most and disappears with the table; a backup plan keeps independent copies for as long as the policy says.',
  remediation:
    'Assign the tables to a backup plan (`aws backup create-backup-selection`), by ARN (`arn:aws:dynamodb:*:*:table/*`) or by tag.',
  requires: ['aws.config.resources'],
  evaluate(data) {
    return backupCoverage(
      data['aws.config.resources'],
      'AWS::DynamoDB::Table',
      'DynamoDB tables in AWS Backup',
      (item) => ({
        name: `table ${config<string>(item, 'tableName') ?? item.resourceName ?? item.resourceId}`,
        arn: item.arn ?? '',
        tags: item.tags,
      }),
    );
  },
});

import { defineCheck } from '../../../src/engine/check.js';
import { backupCoverage } from '../backup.js';

export default defineCheck({
  id: 'aws.backup-ebs-coverage',
  title: 'EBS volumes are in an AWS Backup plan',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every EBS volume is assigned to an AWS Backup plan: an AWS::Backup::BackupSelection in its account and region selects its ARN (Resources with wildcards, ListOfTags, Conditions, NotResources) and its AWS::Backup::BackupPlan has a rule.',
  risk: 'A volume without scheduled backups is lost with its data when it is deleted, corrupted or encrypted by ransomware.',
  remediation:
    'Assign the volumes to a backup plan (`aws backup create-backup-selection`), by ARN (`arn:aws:ec2:*:*:volume/*`) or by tag, or back the instances up as a whole.',
  requires: ['aws.config.resources'],
  evaluate(data) {
    return backupCoverage(
      data['aws.config.resources'],
      'AWS::EC2::Volume',
      'EBS volumes in AWS Backup',
      (item) => ({
        name: `volume ${item.resourceId}`,
        arn: item.arn ?? '',
        tags: item.tags,
      }),
    );
  },
});

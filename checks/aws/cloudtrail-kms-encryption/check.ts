import { defineCheck } from '../../../src/engine/check.js';
import { settingCheck } from '../support.js';

export default defineCheck({
  id: 'aws.cloudtrail-kms-encryption',
  title: 'CloudTrail logs are encrypted with a KMS key',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every CloudTrail trail recorded by AWS Config encrypts its log files with a customer managed KMS key (configuration.kmsKeyId).',
  risk: 'With only S3-managed encryption anyone who can read the log bucket can read the audit trail; a KMS key adds a second, separately granted permission.',
  remediation:
    'Create a KMS key whose policy lets CloudTrail encrypt and your auditors decrypt, then `aws cloudtrail update-trail --name TRAIL --kms-key-id KEY`.',
  requires: ['aws.config.resources'],
  evaluate(data) {
    return settingCheck(
      data['aws.config.resources'],
      'AWS::CloudTrail::Trail',
      'CloudTrail trails',
      'kmsKeyId',
      (name, value) =>
        value
          ? `trail ${name} logs are encrypted with ${value}`
          : `trail ${name} logs are not encrypted with a KMS key`,
    );
  },
});

import { defineCheck } from '../../../src/engine/check.js';
import { itemEvidence, itemResource, resourceCheck, sameWord, supplementary } from '../support.js';

export default defineCheck({
  id: 'aws.s3-versioning',
  title: 'S3 buckets have versioning enabled',
  provider: 'aws',
  severity: 'low',
  description: 'Every S3 bucket has versioning Enabled (BucketVersioningConfiguration.status).',
  risk: 'Without versioning an accidental or malicious overwrite or delete destroys the only copy of an object.',
  remediation:
    'Enable versioning (`aws s3api put-bucket-versioning --bucket NAME --versioning-configuration Status=Enabled`) and add lifecycle rules to expire old versions.',
  requires: ['aws.config.resources'],
  evaluate(data) {
    return resourceCheck(data['aws.config.resources'], 'AWS::S3::Bucket', 'S3 buckets', (item) => {
      const status =
        supplementary<{ status?: string }>(item, 'BucketVersioningConfiguration')?.status ?? 'Off';
      const name = item.resourceName ?? item.resourceId;
      const enabled = sameWord(status, 'Enabled');
      return {
        resource: itemResource(item),
        status: enabled ? 'pass' : 'fail',
        message: enabled ? `bucket ${name} has versioning enabled` : `bucket ${name} versioning is ${status}`,
        details: itemEvidence(item, { versioning: status }),
      };
    });
  },
});

import { defineCheck } from '../../../src/engine/check.js';
import { itemEvidence, itemResource, resourceCheck, supplementary } from '../support.js';

interface SseConfig {
  rules?: {
    applyServerSideEncryptionByDefault?: { sseAlgorithm?: string; kmsMasterKeyID?: string | null };
  }[];
}

export default defineCheck({
  id: 'aws.s3-encryption',
  title: 'S3 buckets have default encryption',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every S3 bucket recorded by AWS Config has a default server-side encryption rule (SSE-S3, SSE-KMS or DSSE-KMS).',
  risk: 'Objects written without encryption at rest are exposed if storage media or backups are mishandled, and break confidentiality commitments.',
  remediation:
    'Set default encryption: `aws s3api put-bucket-encryption --bucket NAME --server-side-encryption-configuration ...` (SSE-KMS with a customer managed key for sensitive data).',
  requires: ['aws.config.resources'],
  evaluate(data) {
    return resourceCheck(data['aws.config.resources'], 'AWS::S3::Bucket', 'S3 buckets', (item) => {
      const sse = supplementary<SseConfig>(item, 'ServerSideEncryptionConfiguration');
      const algorithm = sse?.rules?.find((r) => r.applyServerSideEncryptionByDefault?.sseAlgorithm)
        ?.applyServerSideEncryptionByDefault?.sseAlgorithm;
      const name = item.resourceName ?? item.resourceId;
      return {
        resource: itemResource(item),
        status: algorithm ? 'pass' : 'fail',
        message: algorithm
          ? `bucket ${name} encrypts by default with ${algorithm}`
          : `bucket ${name} has no default encryption`,
        details: itemEvidence(item, { ServerSideEncryptionConfiguration: sse ?? null }),
      };
    });
  },
});

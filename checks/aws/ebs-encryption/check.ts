import { defineCheck } from '../../../src/engine/check.js';
import { config, itemEvidence, itemResource, resourceCheck } from '../support.js';

export default defineCheck({
  id: 'aws.ebs-encryption',
  title: 'EBS volumes are encrypted',
  provider: 'aws',
  severity: 'medium',
  description: 'Every EBS volume recorded by AWS Config is encrypted (configuration.encrypted).',
  risk: 'Unencrypted volumes and their snapshots expose data at rest, and snapshots are easily shared by mistake.',
  remediation:
    'Turn on EBS encryption by default per region (`aws ec2 enable-ebs-encryption-by-default`); migrate existing volumes by snapshotting, copying the snapshot with encryption and restoring.',
  requires: ['aws.config.resources'],
  evaluate(data) {
    return resourceCheck(data['aws.config.resources'], 'AWS::EC2::Volume', 'EBS volumes', (item) => {
      const encrypted = config<boolean>(item, 'encrypted') === true;
      return {
        resource: itemResource(item),
        status: encrypted ? 'pass' : 'fail',
        message: encrypted
          ? `volume ${item.resourceId} is encrypted`
          : `volume ${item.resourceId} is not encrypted`,
        details: itemEvidence(item, { encrypted, kmsKeyId: config(item, 'kmsKeyId') ?? null }),
      };
    });
  },
});

import { defineCheck } from '../../../src/engine/check.js';
import { config, itemEvidence, itemResource, resourceCheck } from '../support.js';

export default defineCheck({
  id: 'aws.rds-encryption',
  title: 'RDS storage is encrypted',
  provider: 'aws',
  severity: 'medium',
  description: 'Every RDS DB instance has storage encryption (configuration.storageEncrypted).',
  risk: 'Database storage, snapshots and replicas of an unencrypted instance hold customer data in clear at rest.',
  remediation:
    'Encryption cannot be turned on in place: snapshot the instance, copy the snapshot with a KMS key, restore from it and switch over.',
  requires: ['aws.config.resources'],
  evaluate(data) {
    return resourceCheck(data['aws.config.resources'], 'AWS::RDS::DBInstance', 'RDS DB instances', (item) => {
      const value = config<boolean>(item, 'storageEncrypted') === true;
      const ok = value;
      const name = config<string>(item, 'dBInstanceIdentifier') ?? item.resourceName ?? item.resourceId;
      return {
        resource: itemResource(item),
        status: ok ? 'pass' : 'fail',
        message: `DB instance ${name} ${ok ? 'storage is encrypted' : 'storage is not encrypted'}`,
        details: itemEvidence(item, {
          storageEncrypted: config(item, 'storageEncrypted') ?? null,
          engine: config(item, 'engine') ?? null,
        }),
      };
    });
  },
});

import { defineCheck } from '../../../src/engine/check.js';
import { config, itemEvidence, itemResource, resourceCheck } from '../support.js';

export default defineCheck({
  id: 'aws.rds-multi-az',
  title: 'RDS instances are Multi-AZ',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every RDS DB instance runs Multi-AZ (configuration.multiAZ) so an Availability Zone failure does not take it down.',
  risk: 'A single-AZ database is down for the whole of an AZ outage or a host failure; availability commitments are at risk.',
  remediation:
    'Modify the instance with --multi-az (during a maintenance window); use Aurora or Multi-AZ DB clusters for faster failover.',
  requires: ['aws.config.resources'],
  evaluate(data) {
    return resourceCheck(data['aws.config.resources'], 'AWS::RDS::DBInstance', 'RDS DB instances', (item) => {
      const value = config<boolean>(item, 'multiAZ') === true;
      const ok = value;
      const name = config<string>(item, 'dBInstanceIdentifier') ?? item.resourceName ?? item.resourceId;
      return {
        resource: itemResource(item),
        status: ok ? 'pass' : 'fail',
        message: `DB instance ${name} ${ok ? 'is Multi-AZ' : 'is single-AZ'}`,
        details: itemEvidence(item, {
          multiAZ: config(item, 'multiAZ') ?? null,
          engine: config(item, 'engine') ?? null,
        }),
      };
    });
  },
});

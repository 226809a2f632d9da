import { defineCheck } from '../../../src/engine/check.js';
import { config, itemEvidence, itemResource, resourceCheck } from '../support.js';

export default defineCheck({
  id: 'aws.rds-public-access',
  title: 'RDS instances are not publicly accessible',
  provider: 'aws',
  severity: 'high',
  description: 'No RDS DB instance is publicly accessible (configuration.publiclyAccessible).',
  risk: 'A publicly accessible database is reachable from the internet and exposed to password guessing and unpatched engine flaws.',
  remediation:
    'Modify the instance with --no-publicly-accessible, place it in private subnets, and reach it through a bastion, VPN or SSM port forwarding.',
  requires: ['aws.config.resources'],
  evaluate(data) {
    return resourceCheck(data['aws.config.resources'], 'AWS::RDS::DBInstance', 'RDS DB instances', (item) => {
      const value = config<boolean>(item, 'publiclyAccessible') === true;
      const ok = !value;
      const name = config<string>(item, 'dBInstanceIdentifier') ?? item.resourceName ?? item.resourceId;
      return {
        resource: itemResource(item),
        status: ok ? 'pass' : 'fail',
        message: `DB instance ${name} ${ok ? 'is not publicly accessible' : 'is publicly accessible'}`,
        details: itemEvidence(item, {
          publiclyAccessible: config(item, 'publiclyAccessible') ?? null,
          engine: config(item, 'engine') ?? null,
        }),
      };
    });
  },
});

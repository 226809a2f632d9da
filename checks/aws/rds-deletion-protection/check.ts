import { defineCheck } from '../../../src/engine/check.js';
import { config, isTrue, itemFinding, itemName, rdsGoverning, resourceCheck } from '../support.js';

export default defineCheck({
  id: 'aws.rds-deletion-protection',
  title: 'RDS databases have deletion protection',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every RDS DB instance has deletion protection on (configuration.deletionProtection); a cluster member (Aurora, Multi-AZ DB cluster) is judged by its AWS::RDS::DBCluster, where the setting lives.',
  risk: 'Without deletion protection one mistaken API call, console click or infrastructure-as-code change destroys a production database.',
  remediation:
    'Modify the instance or cluster with --deletion-protection (`aws rds modify-db-instance --db-instance-identifier NAME --deletion-protection --apply-immediately`, or `modify-db-cluster` for Aurora).',
  requires: ['aws.config.resources'],
  evaluate(data) {
    const resources = data['aws.config.resources'];
    return resourceCheck(resources, 'AWS::RDS::DBInstance', 'RDS DB instances', (item) => {
      const governing = rdsGoverning(resources, item, 'deletion protection');
      if (!('resourceType' in governing)) return governing;
      const on = isTrue(config<boolean>(governing, 'deletionProtection'));
      const name = itemName(governing, governing === item ? 'dBInstanceIdentifier' : 'dbclusterIdentifier');
      const what =
        governing === item
          ? 'DB instance'
          : `DB cluster (of instance ${itemName(item, 'dBInstanceIdentifier')})`;
      return itemFinding(item, on, `${what} ${name} ${on ? 'has' : 'does not have'} deletion protection`, {
        deletionProtection: config(governing, 'deletionProtection') ?? null,
        judgedOn: governing.resourceType,
      });
    });
  },
});

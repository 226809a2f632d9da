import { defineCheck } from '../../../src/engine/check.js';
import { config, isTrue, itemFinding, itemName, resourceCheck } from '../support.js';

export default defineCheck({
  id: 'aws.rds-auto-minor-upgrade',
  title: 'RDS instances apply minor engine upgrades automatically',
  provider: 'aws',
  severity: 'low',
  description:
    'Every RDS DB instance has automatic minor version upgrades on (configuration.autoMinorVersionUpgrade), so engine security patches are applied in the maintenance window.',
  risk: 'Instances that never take minor upgrades keep running engine versions with published vulnerabilities.',
  remediation:
    'Turn it on (`aws rds modify-db-instance --db-instance-identifier NAME --auto-minor-version-upgrade`) and set a maintenance window that suits the service.',
  requires: ['aws.config.resources'],
  evaluate(data) {
    return resourceCheck(data['aws.config.resources'], 'AWS::RDS::DBInstance', 'RDS DB instances', (item) => {
      const on = isTrue(config<boolean>(item, 'autoMinorVersionUpgrade'));
      return itemFinding(
        item,
        on,
        `DB instance ${itemName(item, 'dBInstanceIdentifier')} ${on ? 'applies' : 'does not apply'} minor engine upgrades automatically`,
        {
          autoMinorVersionUpgrade: config(item, 'autoMinorVersionUpgrade') ?? null,
          engineVersion: config(item, 'engineVersion') ?? null,
        },
      );
    });
  },
});

import { defineCheck } from '../../../src/engine/check.js';
import { config, isTrue, itemFinding, itemName, rdsGoverning, resourceCheck } from '../support.js';

/** Engines that support IAM database authentication (MySQL, MariaDB, PostgreSQL and their Aurora forms). */
const IAM_ENGINES = /^(aurora|mysql|mariadb|postgres)/i;

export default defineCheck({
  id: 'aws.rds-iam-auth',
  title: 'RDS databases use IAM database authentication',
  provider: 'aws',
  severity: 'low',
  description:
    'Every RDS DB instance of an engine that supports it (MySQL, MariaDB, PostgreSQL, Aurora) has IAM database authentication on (configuration.iAMDatabaseAuthenticationEnabled; a cluster member is judged by its AWS::RDS::DBCluster iamdatabaseAuthenticationEnabled). Other engines are not judged.',
  risk: 'Without IAM authentication database access rests on long-lived passwords that are shared, rarely rotated and survive offboarding.',
  remediation:
    'Enable it (`aws rds modify-db-instance --db-instance-identifier NAME --enable-iam-database-authentication`, or `modify-db-cluster` for Aurora) and grant `rds-db:connect` to the roles that need it.',
  requires: ['aws.config.resources'],
  evaluate(data) {
    const resources = data['aws.config.resources'];
    return resourceCheck(resources, 'AWS::RDS::DBInstance', 'RDS DB instances', (item) => {
      if (!IAM_ENGINES.test(config<string>(item, 'engine') ?? '')) return undefined;
      const governing = rdsGoverning(resources, item, 'IAM database authentication');
      if (!('resourceType' in governing)) return governing;
      const own = governing === item;
      const value = config<boolean>(
        governing,
        own ? 'iAMDatabaseAuthenticationEnabled' : 'iamdatabaseAuthenticationEnabled',
      );
      const name = itemName(governing, own ? 'dBInstanceIdentifier' : 'dbclusterIdentifier');
      const what = own ? 'DB instance' : `DB cluster (of instance ${itemName(item, 'dBInstanceIdentifier')})`;
      return itemFinding(
        item,
        isTrue(value),
        `${what} ${name} ${isTrue(value) ? 'uses' : 'does not use'} IAM database authentication`,
        {
          iamDatabaseAuthenticationEnabled: value ?? null,
          engine: config(item, 'engine') ?? null,
          judgedOn: governing.resourceType,
        },
      );
    });
  },
});

import { defineCheck } from '../../../src/engine/check.js';
import { rdsCheck } from '../rds.js';
import { config, isTrue, itemFinding } from '../support.js';

/** Engines that support IAM database authentication (MySQL, MariaDB, PostgreSQL and their Aurora forms). */
const IAM_ENGINES = /^(aurora|mysql|mariadb|postgres)/i;

export default defineCheck({
  id: 'aws.rds-iam-auth',
  title: 'RDS databases use IAM database authentication',
  provider: 'aws',
  severity: 'low',
  description:
    'Every RDS DB instance of an engine that supports it (MySQL, MariaDB, PostgreSQL, Aurora) has IAM database authentication on (configuration.iAMDatabaseAuthenticationEnabled), and so does every such DB cluster (AWS::RDS::DBCluster iamdatabaseAuthenticationEnabled); a cluster member is judged through its cluster. Other engines are not judged.',
  risk: 'Without IAM authentication database access rests on long-lived passwords that are shared, rarely rotated and survive offboarding.',
  remediation:
    'Enable it (`aws rds modify-db-instance --db-instance-identifier NAME --enable-iam-database-authentication`, or `modify-db-cluster` for Aurora) and grant `rds-db:connect` to the roles that need it.',
  requires: ['aws.config.resources'],
  evaluate(data) {
    return rdsCheck(
      data['aws.config.resources'],
      'IAM database authentication',
      ({ item, kind, name }) => {
        // The schema spells it iAMDatabaseAuthenticationEnabled on instances, iamdatabase... on clusters.
        const key =
          kind === 'DB cluster' ? 'iamdatabaseAuthenticationEnabled' : 'iAMDatabaseAuthenticationEnabled';
        const on = isTrue(config<boolean>(item, key));
        return itemFinding(
          item,
          on,
          `${kind} ${name} ${on ? 'uses' : 'does not use'} IAM database authentication`,
          {
            iamDatabaseAuthenticationEnabled: config(item, key) ?? null,
            engine: config(item, 'engine') ?? null,
          },
        );
      },
      { applies: (item) => IAM_ENGINES.test(config<string>(item, 'engine') ?? '') },
    );
  },
});

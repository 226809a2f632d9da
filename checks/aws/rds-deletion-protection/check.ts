import { defineCheck } from '../../../src/engine/check.js';
import { rdsCheck } from '../rds.js';
import { config, isTrue, itemFinding } from '../support.js';

export default defineCheck({
  id: 'aws.rds-deletion-protection',
  title: 'RDS databases have deletion protection',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every standalone RDS DB instance and every DB cluster (AWS::RDS::DBCluster: Aurora, DocumentDB, Multi-AZ DB clusters) has deletion protection on (configuration.deletionProtection). A cluster member is judged through its cluster, where the setting lives; a member whose cluster is not recorded is not checked.',
  risk: 'Without deletion protection one mistaken API call, console click or infrastructure-as-code change destroys a production database.',
  remediation:
    'Modify the instance or cluster with --deletion-protection (`aws rds modify-db-instance --db-instance-identifier NAME --deletion-protection --apply-immediately`, or `modify-db-cluster` for Aurora).',
  requires: ['aws.config.resources'],
  evaluate(data) {
    return rdsCheck(data['aws.config.resources'], 'deletion protection', ({ item, kind, name }) => {
      const on = isTrue(config<boolean>(item, 'deletionProtection'));
      return itemFinding(item, on, `${kind} ${name} ${on ? 'has' : 'does not have'} deletion protection`, {
        deletionProtection: config(item, 'deletionProtection') ?? null,
      });
    });
  },
});

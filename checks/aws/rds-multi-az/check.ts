import { defineCheck } from '../../../src/engine/check.js';
import { rdsCheck } from '../rds.js';
import { config, isTrue, itemFinding } from '../support.js';

export default defineCheck({
  id: 'aws.rds-multi-az',
  title: 'RDS databases are Multi-AZ',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every standalone RDS DB instance runs Multi-AZ (configuration.multiAZ), and so does every DB cluster (AWS::RDS::DBCluster: Aurora, DocumentDB, Multi-AZ DB clusters), so an Availability Zone failure does not take a database down. Cluster members and read replicas are judged through their cluster or source, not on their own.',
  risk: 'A single-AZ database is down for the whole of an AZ outage or a host failure; availability commitments are at risk.',
  remediation:
    'Modify the instance with --multi-az (during a maintenance window); for a cluster, add a reader instance in another Availability Zone.',
  requires: ['aws.config.resources'],
  evaluate(data) {
    return rdsCheck(
      data['aws.config.resources'],
      'Multi-AZ',
      ({ item, kind, name }) => {
        const ok = isTrue(config<boolean>(item, 'multiAZ'));
        const says =
          kind === 'DB cluster'
            ? ok
              ? 'spans Availability Zones'
              : 'has instances in one Availability Zone only'
            : ok
              ? 'is Multi-AZ'
              : 'is single-AZ';
        return itemFinding(item, ok, `${kind} ${name} ${says}`, {
          multiAZ: config(item, 'multiAZ') ?? null,
          engine: config(item, 'engine') ?? null,
        });
      },
      { skipReplicas: true },
    );
  },
});

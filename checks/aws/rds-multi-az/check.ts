import { defineCheck } from '../../../src/engine/check.js';
import { clusterFindings, judgedElsewhere } from '../rds.js';
import { config, itemEvidence, itemResource, resourceCheck } from '../support.js';

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
    const resources = data['aws.config.resources'];
    const instances = resourceCheck(resources, 'AWS::RDS::DBInstance', 'RDS DB instances', (item) => {
      if (judgedElsewhere(item)) return undefined;
      const ok = config<boolean>(item, 'multiAZ') === true;
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
    const clusters = clusterFindings(resources, (item, name) => {
      const ok = config<boolean>(item, 'multiAZ') === true;
      return {
        resource: itemResource(item),
        status: ok ? 'pass' : 'fail',
        message: ok
          ? `DB cluster ${name} spans Availability Zones`
          : `DB cluster ${name} has instances in one Availability Zone only`,
        details: itemEvidence(item, {
          multiAZ: config(item, 'multiAZ') ?? null,
          engine: config(item, 'engine') ?? null,
        }),
      };
    });
    return [...instances, ...clusters];
  },
});

import type { ConfigItem, ConfigResources } from '../../src/collectors/aws/data.js';
import type { Finding } from '../../src/engine/types.js';
import { config } from './support.js';

/**
 * Why an RDS instance is not judged on its own by a rule about availability or backups, or undefined.
 * AWS Config resource schema, AWS::RDS::DBInstance: a member of a cluster (Aurora, DocumentDB,
 * Neptune, Multi-AZ DB clusters) has `dBClusterIdentifier`, and its cluster holds Multi-AZ and backup
 * settings; a read replica has `readReplicaSourceDBInstanceIdentifier`, and its source does.
 */
export function judgedElsewhere(item: ConfigItem): string | undefined {
  const cluster = config<string>(item, 'dBClusterIdentifier');
  if (cluster) return `member of cluster ${cluster}`;
  const source = config<string>(item, 'readReplicaSourceDBInstanceIdentifier');
  if (source) return `read replica of ${source}`;
  return undefined;
}

/**
 * One finding per AWS::RDS::DBCluster item. Its schema spells the name `dbclusterIdentifier` (unlike the
 * instance's `dBClusterIdentifier`), next to `multiAZ` and `backupRetentionPeriod`.
 */
export function clusterFindings(
  resources: ConfigResources,
  evaluate: (item: ConfigItem, name: string) => Finding,
): Finding[] {
  return resources.items
    .filter((item) => item.resourceType === 'AWS::RDS::DBCluster')
    .map((item) =>
      evaluate(item, config<string>(item, 'dbclusterIdentifier') ?? item.resourceName ?? item.resourceId),
    );
}

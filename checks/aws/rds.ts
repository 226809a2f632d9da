import type { ConfigItem, ConfigResources } from '../../src/collectors/aws/data.js';
import { notChecked } from '../../src/engine/scope.js';
import type { Finding } from '../../src/engine/types.js';
import {
  config,
  itemEvidence,
  itemName,
  itemResource,
  resourceCheck,
  sameWord,
  scopeResource,
} from './support.js';

/** What an RDS rule judges: a standalone DB instance, or a DB cluster in place of its members. */
export interface RdsTarget {
  item: ConfigItem;
  kind: 'DB instance' | 'DB cluster';
  name: string;
}

const CLUSTER = 'AWS::RDS::DBCluster';
const scopeOf = (item: ConfigItem) => scopeResource({ accountId: item.accountId, region: item.awsRegion });

/**
 * The one way RDS checks judge databases: where the setting lives. AWS Config resource schema: a member
 * of a cluster (Aurora, DocumentDB, Neptune, Multi-AZ DB clusters) has `dBClusterIdentifier`, and its
 * `AWS::RDS::DBCluster` (named by `dbclusterIdentifier`, spelled differently) holds Multi-AZ, backup,
 * deletion protection and IAM authentication; each cluster is judged once, its members not at all. A
 * member whose cluster is not recorded is not checked, never judged by its own instance value. With
 * `skipReplicas`, a read replica (`readReplicaSourceDBInstanceIdentifier`) is judged through its source.
 * `applies` limits the rule (to some engines, say).
 */
export function rdsCheck(
  resources: ConfigResources,
  what: string,
  judge: (target: RdsTarget) => Finding,
  options: { skipReplicas?: boolean; applies?: (item: ConfigItem) => boolean } = {},
): Finding[] {
  const applies = options.applies ?? (() => true);
  const clusters = resources.items.filter((i) => i.resourceType === CLUSTER && applies(i));
  const recorded = (member: ConfigItem, id: string) =>
    resources.items.some(
      (c) =>
        c.resourceType === CLUSTER &&
        scopeOf(c) === scopeOf(member) &&
        sameWord(config<string>(c, 'dbclusterIdentifier') ?? c.resourceName, id),
    );
  const fromClusters = clusters.map((item) =>
    judge({ item, kind: 'DB cluster', name: itemName(item, 'dbclusterIdentifier') }),
  );
  const judgedScopes = new Set(clusters.map(scopeOf));
  const instances = resourceCheck(resources, 'AWS::RDS::DBInstance', 'RDS DB instances', (item) => {
    if (!applies(item)) return undefined;
    const cluster = config<string>(item, 'dBClusterIdentifier');
    if (cluster) {
      if (recorded(item, cluster)) return undefined;
      return notChecked(
        itemResource(item),
        {
          kind: 'not_found',
          message: `its DB cluster ${cluster} is not recorded by AWS Config (${CLUSTER})`,
        },
        what,
        itemEvidence(item, { dBClusterIdentifier: cluster }),
      );
    }
    if (options.skipReplicas && config<string>(item, 'readReplicaSourceDBInstanceIdentifier'))
      return undefined;
    return judge({ item, kind: 'DB instance', name: itemName(item, 'dBInstanceIdentifier') });
  });
  // "No DB instances to check" says nothing where the region's clusters were judged.
  const kept = instances.filter((f) => !(f.status === 'pass' && judgedScopes.has(f.resource)));
  return [...kept, ...fromClusters];
}

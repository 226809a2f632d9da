import { describeCheck } from '../../../test/harness/check-tester.js';
import { ci, resourceCheckCases, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::RDS::DBInstance';
const good = ci(
  TYPE,
  'good',
  ...([{ multiAZ: true }, {}] as [Record<string, unknown>, Record<string, unknown>]),
);
const bad = ci(
  TYPE,
  'bad',
  ...([{ multiAZ: false }, {}] as [Record<string, unknown>, Record<string, unknown>]),
);
// AWS Config resource schema: AWS::RDS::DBInstance dBClusterIdentifier and
// readReplicaSourceDBInstanceIdentifier; AWS::RDS::DBCluster dbclusterIdentifier, multiAZ, engine.
const auroraMember = ci(TYPE, 'aurora-1', {
  dBInstanceIdentifier: 'aurora-1',
  dBClusterIdentifier: 'aurora-cluster',
  engine: 'aurora-postgresql',
  multiAZ: false,
});
const docdbMember = ci(TYPE, 'docdb-1', {
  dBInstanceIdentifier: 'docdb-1',
  dBClusterIdentifier: 'docdb-cluster',
  engine: 'docdb',
  multiAZ: false,
});
const replica = ci(TYPE, 'mysql-replica', {
  dBInstanceIdentifier: 'mysql-replica',
  readReplicaSourceDBInstanceIdentifier: 'mysql-main',
  multiAZ: false,
});
const cluster = (id: string, multiAZ: boolean) =>
  ci('AWS::RDS::DBCluster', id, { dbclusterIdentifier: id, engine: 'aurora-postgresql', multiAZ });

describeCheck(check, [
  ...resourceCheckCases(TYPE, good, bad),
  {
    name: 'cluster members and read replicas are not judged as single-AZ instances',
    data: {
      'aws.config.resources': resources([
        good,
        auroraMember,
        docdbMember,
        replica,
        cluster('aurora-cluster', true),
        cluster('docdb-cluster', true),
      ]),
    },
    status: 'pass',
    passing: [
      'arn:aws:rds:us-east-1:111111111111:good',
      'arn:aws:rds:us-east-1:111111111111:aurora-cluster',
      'arn:aws:rds:us-east-1:111111111111:docdb-cluster',
    ],
  },
  {
    name: 'a member whose cluster is not recorded is not checked, not judged single-AZ',
    data: { 'aws.config.resources': resources([auroraMember]) },
    status: 'error',
    notChecked: ['arn:aws:rds:us-east-1:111111111111:aurora-1'],
  },
  {
    name: 'a cluster in one Availability Zone fails, one spanning several passes',
    data: {
      'aws.config.resources': resources([
        auroraMember,
        cluster('aurora-cluster', false),
        cluster('other', true),
      ]),
    },
    status: 'fail',
    failing: ['arn:aws:rds:us-east-1:111111111111:aurora-cluster'],
    passing: ['arn:aws:rds:us-east-1:111111111111:other'],
    message: /one Availability Zone/,
  },
]);

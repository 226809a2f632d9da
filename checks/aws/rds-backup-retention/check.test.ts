import { describeCheck } from '../../../test/harness/check-tester.js';
import { ci, resourceCheckCases, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::RDS::DBInstance';
const good = ci(
  TYPE,
  'good',
  ...([{ backupRetentionPeriod: 7 }, {}] as [Record<string, unknown>, Record<string, unknown>]),
);
const bad = ci(
  TYPE,
  'bad',
  ...([{ backupRetentionPeriod: 1 }, {}] as [Record<string, unknown>, Record<string, unknown>]),
);

describeCheck(check, [
  ...resourceCheckCases(TYPE, good, bad),
  {
    name: 'minDays is configurable',
    data: { 'aws.config.resources': resources([good]) },
    options: { minDays: 14 },
    status: 'fail',
  },
  {
    // AWS Config resource schema: a replica (readReplicaSourceDBInstanceIdentifier) keeps no automated
    // backups of its own; an Aurora member's retention is its cluster's (AWS::RDS::DBCluster).
    name: 'a read replica with 0 days and a cluster member are judged through their source and cluster',
    data: {
      'aws.config.resources': resources([
        good,
        ci(TYPE, 'mysql-replica', {
          readReplicaSourceDBInstanceIdentifier: 'good',
          backupRetentionPeriod: 0,
        }),
        ci(TYPE, 'aurora-1', { dBClusterIdentifier: 'aurora', backupRetentionPeriod: 1 }),
        ci('AWS::RDS::DBCluster', 'aurora', { dbclusterIdentifier: 'aurora', backupRetentionPeriod: 14 }),
      ]),
    },
    status: 'pass',
    passing: ['arn:aws:rds:us-east-1:111111111111:aurora'],
  },
  {
    name: 'a cluster keeping 1 day fails',
    data: {
      'aws.config.resources': resources([
        ci('AWS::RDS::DBCluster', 'aurora', { dbclusterIdentifier: 'aurora', backupRetentionPeriod: 1 }),
      ]),
    },
    status: 'fail',
    failing: ['arn:aws:rds:us-east-1:111111111111:aurora'],
    message: /DB cluster aurora keeps backups 1 days/,
  },
]);

// Property names from the AWS Config resource schema (awslabs/aws-config-resource-schema,
// AWS::RDS::DBInstance iAMDatabaseAuthenticationEnabled and AWS::RDS::DBCluster
// iamdatabaseAuthenticationEnabled; vendored in test/fixtures/vendor-schemas/aws-config). Engines from
// https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html
import { describeCheck } from '../../../test/harness/check-tester.js';
import { arnOf, ci, resourceCheckCases, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::RDS::DBInstance';
const db = (id: string, engine: string, on: boolean, extra: Record<string, unknown> = {}) =>
  ci(TYPE, id, { dBInstanceIdentifier: id, engine, iAMDatabaseAuthenticationEnabled: on, ...extra });

describeCheck(check, [
  ...resourceCheckCases(TYPE, db('good', 'postgres', true), db('bad', 'mysql', false)),
  {
    name: 'engines without IAM authentication are not judged',
    data: {
      'aws.config.resources': resources([db('sql', 'sqlserver-se', false), db('ora', 'oracle-ee', false)]),
    },
    status: 'pass',
    passing: ['aws-account/111111111111/us-east-1'],
  },
  {
    name: 'an Aurora member takes its cluster setting',
    data: {
      'aws.config.resources': resources([
        db('w', 'aurora-mysql', false, { dBClusterIdentifier: 'c1' }),
        ci('AWS::RDS::DBCluster', 'cluster-c1', {
          dbclusterIdentifier: 'c1',
          engine: 'aurora-mysql',
          iamdatabaseAuthenticationEnabled: true,
        }),
      ]),
    },
    status: 'pass',
    passing: [arnOf('AWS::RDS::DBCluster', 'cluster-c1')],
  },
  {
    name: 'a cluster without IAM authentication fails; a member of an unrecorded cluster is not checked',
    data: {
      'aws.config.resources': resources([
        db('w', 'aurora-mysql', true, { dBClusterIdentifier: 'c1' }),
        db('x', 'aurora-postgresql', true, { dBClusterIdentifier: 'gone' }),
        ci('AWS::RDS::DBCluster', 'cluster-c1', {
          dbclusterIdentifier: 'c1',
          engine: 'aurora-mysql',
          iamdatabaseAuthenticationEnabled: false,
        }),
      ]),
    },
    status: 'error',
    failing: [arnOf('AWS::RDS::DBCluster', 'cluster-c1')],
    notChecked: [arnOf(TYPE, 'x')],
  },
  {
    name: 'the engine comparison ignores case',
    data: { 'aws.config.resources': resources([db('m', 'MariaDB', false)]) },
    status: 'fail',
    failing: [arnOf(TYPE, 'm')],
  },
]);

// Property names from the AWS Config resource schema (awslabs/aws-config-resource-schema,
// AWS::RDS::DBInstance deletionProtection/dBClusterIdentifier and AWS::RDS::DBCluster
// dbclusterIdentifier/deletionProtection; vendored in test/fixtures/vendor-schemas/aws-config).
import { describeCheck } from '../../../test/harness/check-tester.js';
import { arnOf, ci, resourceCheckCases, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::RDS::DBInstance';
const aurora = (id: string, cluster: string) =>
  ci(TYPE, id, {
    dBInstanceIdentifier: id,
    engine: 'aurora-postgresql',
    dBClusterIdentifier: cluster,
    deletionProtection: false,
  });
const cluster = (id: string, deletionProtection: boolean) =>
  ci('AWS::RDS::DBCluster', `cluster-${id}`, {
    dbclusterIdentifier: id,
    engine: 'aurora-postgresql',
    deletionProtection,
  });

describeCheck(check, [
  ...resourceCheckCases(
    TYPE,
    ci(TYPE, 'good', { deletionProtection: true }),
    ci(TYPE, 'bad', { deletionProtection: false }),
  ),
  {
    name: 'an Aurora member is judged through its cluster, not its own instance value',
    data: { 'aws.config.resources': resources([aurora('writer', 'ledger'), cluster('ledger', true)]) },
    status: 'pass',
    passing: [arnOf('AWS::RDS::DBCluster', 'cluster-ledger')],
  },
  {
    name: 'an unprotected cluster fails once, whatever its members say',
    data: {
      'aws.config.resources': resources([
        aurora('writer', 'ledger'),
        aurora('reader', 'ledger'),
        cluster('ledger', false),
      ]),
    },
    status: 'fail',
    failing: [arnOf('AWS::RDS::DBCluster', 'cluster-ledger')],
    message: /DB cluster ledger does not have deletion protection/,
  },
  {
    name: 'a boolean recorded as text compares ignoring case',
    data: { 'aws.config.resources': resources([ci(TYPE, 'text', { deletionProtection: 'TRUE' })]) },
    status: 'pass',
    passing: [arnOf(TYPE, 'text')],
  },
  {
    name: 'a member whose cluster is not recorded is not checked',
    data: { 'aws.config.resources': resources([aurora('writer', 'ledger')]) },
    status: 'error',
    notChecked: [arnOf(TYPE, 'writer')],
  },
]);

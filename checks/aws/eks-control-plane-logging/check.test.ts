// configuration.Logging.ClusterLogging.EnabledTypes[].Type: AWS Config resource schema for
// AWS::EKS::Cluster (awslabs/aws-config-resource-schema; vendored in test/fixtures/vendor-schemas/aws-config).
// Log types: https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html
import { describeCheck } from '../../../test/harness/check-tester.js';
import { ci, resourceCheckCases, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::EKS::Cluster';
const cluster = (name: string, types: string[]) =>
  ci(TYPE, name, {
    Name: name,
    Logging: { ClusterLogging: { EnabledTypes: types.map((Type) => ({ Type })) } },
  });

describeCheck(check, [
  ...resourceCheckCases(
    TYPE,
    cluster('good', ['api', 'audit', 'authenticator', 'scheduler']),
    cluster('bad', ['api']),
  ),
  {
    name: 'the message names the missing types',
    data: { 'aws.config.resources': resources([cluster('c', ['api'])]) },
    status: 'fail',
    message: /does not log audit, authenticator/,
  },
  {
    name: 'logTypes is an option',
    data: { 'aws.config.resources': resources([cluster('c', ['audit'])]) },
    options: { logTypes: ['audit'] },
    status: 'pass',
  },
]);

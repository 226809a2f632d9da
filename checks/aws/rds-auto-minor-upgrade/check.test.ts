// configuration.autoMinorVersionUpgrade: AWS Config resource schema for AWS::RDS::DBInstance
// (awslabs/aws-config-resource-schema; vendored in test/fixtures/vendor-schemas/aws-config).
import { describeCheck } from '../../../test/harness/check-tester.js';
import { ci, resourceCheckCases, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::RDS::DBInstance';

describeCheck(check, [
  ...resourceCheckCases(
    TYPE,
    ci(TYPE, 'good', { autoMinorVersionUpgrade: true }),
    ci(TYPE, 'bad', { autoMinorVersionUpgrade: false, engineVersion: '14.3' }),
  ),
  {
    name: 'a missing value is not an upgrade policy',
    data: { 'aws.config.resources': resources([ci(TYPE, 'unknown')]) },
    status: 'fail',
    message: /does not apply/,
  },
]);

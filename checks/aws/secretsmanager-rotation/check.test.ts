// configuration.Name / RotationEnabled / RotationRules.AutomaticallyAfterDays / Deleted: AWS Config
// resource schema for AWS::SecretsManager::Secret (awslabs/aws-config-resource-schema; vendored in
// test/fixtures/vendor-schemas/aws-config).
import { describeCheck } from '../../../test/harness/check-tester.js';
import { arnOf, ci, resourceCheckCases, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::SecretsManager::Secret';
const secret = (name: string, fields: Record<string, unknown>) => ci(TYPE, name, { Name: name, ...fields });

describeCheck(check, [
  ...resourceCheckCases(
    TYPE,
    secret('good', {
      RotationEnabled: true,
      RotationLambdaARN: 'arn:aws:lambda:us-east-1:111111111111:function:rotate',
      RotationRules: { AutomaticallyAfterDays: 30 },
    }),
    secret('bad', { RotationEnabled: false }),
  ),
  {
    name: 'rotation slower than maxDays fails',
    data: {
      'aws.config.resources': resources([
        secret('slow', { RotationEnabled: true, RotationRules: { AutomaticallyAfterDays: 365 } }),
      ]),
    },
    status: 'fail',
    failing: [arnOf(TYPE, 'slow')],
    message: /every 365 days \(maximum 90\)/,
  },
  {
    name: 'a schedule expression passes; a secret scheduled for deletion is not judged',
    data: {
      'aws.config.resources': resources([
        secret('cron', { RotationEnabled: true, RotationRules: { ScheduleExpression: 'rate(10 days)' } }),
        secret('gone', { RotationEnabled: false, Deleted: true }),
      ]),
    },
    status: 'pass',
    passing: [arnOf(TYPE, 'cron')],
  },
]);

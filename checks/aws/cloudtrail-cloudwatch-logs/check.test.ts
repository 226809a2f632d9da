// configuration.cloudWatchLogsLogGroupArn / cloudWatchLogsRoleArn: AWS Config resource schema for
// AWS::CloudTrail::Trail (awslabs/aws-config-resource-schema; vendored in
// test/fixtures/vendor-schemas/aws-config).
import { describeCheck } from '../../../test/harness/check-tester.js';
import { ci, resourceCheckCases } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::CloudTrail::Trail';
const trail = (name: string, group?: string) =>
  ci(TYPE, name, {
    name,
    isMultiRegionTrail: true,
    ...(group
      ? { cloudWatchLogsLogGroupArn: group, cloudWatchLogsRoleArn: 'arn:aws:iam::111111111111:role/ct-logs' }
      : {}),
  });

describeCheck(check, [
  ...resourceCheckCases(
    TYPE,
    trail('good', 'arn:aws:logs:us-east-1:111111111111:log-group:ct:*'),
    trail('bad'),
  ),
]);

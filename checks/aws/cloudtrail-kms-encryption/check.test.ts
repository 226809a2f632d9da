// configuration.kmsKeyId: AWS Config resource schema for AWS::CloudTrail::Trail
// (awslabs/aws-config-resource-schema; vendored in test/fixtures/vendor-schemas/aws-config).
import { describeCheck } from '../../../test/harness/check-tester.js';
import { ci, resourceCheckCases } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::CloudTrail::Trail';

describeCheck(check, [
  ...resourceCheckCases(
    TYPE,
    ci(TYPE, 'good', {
      name: 'good',
      kmsKeyId: 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    }),
    ci(TYPE, 'bad', { name: 'bad', kmsKeyId: null }),
  ),
]);

// configuration.EncryptionConfig[].Resources / Provider.KeyArn: AWS Config resource schema for
// AWS::EKS::Cluster (awslabs/aws-config-resource-schema; vendored in test/fixtures/vendor-schemas/aws-config).
import { describeCheck } from '../../../test/harness/check-tester.js';
import { ci, resourceCheckCases } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::EKS::Cluster';

describeCheck(check, [
  ...resourceCheckCases(
    TYPE,
    ci(TYPE, 'good', {
      Name: 'good',
      EncryptionConfig: [
        { Resources: ['secrets'], Provider: { KeyArn: 'arn:aws:kms:us-east-1:111111111111:key/1' } },
      ],
    }),
    ci(TYPE, 'bad', { Name: 'bad', EncryptionConfig: [] }),
  ),
]);

// supplementaryConfiguration.BucketLoggingConfiguration.destinationBucketName / logFilePrefix: AWS Config
// resource schema for AWS::S3::Bucket (awslabs/aws-config-resource-schema; vendored in
// test/fixtures/vendor-schemas/aws-config).
import { describeCheck } from '../../../test/harness/check-tester.js';
import { arnOf, ci, resourceCheckCases, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::S3::Bucket';
const bucket = (name: string, destinationBucketName: string | null) =>
  ci(
    TYPE,
    name,
    { name },
    {
      BucketLoggingConfiguration: {
        destinationBucketName,
        logFilePrefix: destinationBucketName ? `${name}/` : null,
      },
    },
  );

describeCheck(check, [
  ...resourceCheckCases(TYPE, bucket('good', 'access-logs'), bucket('bad', null)),
  {
    name: 'a bucket with no logging configuration at all fails',
    data: { 'aws.config.resources': resources([ci(TYPE, 'bare', { name: 'bare' })]) },
    status: 'fail',
    failing: [arnOf(TYPE, 'bare')],
  },
  {
    name: 'an exempt bucket passes and says so',
    data: { 'aws.config.resources': resources([bucket('access-logs', null)]) },
    options: { exempt: ['*-logs'] },
    status: 'pass',
    passing: [arnOf(TYPE, 'access-logs')],
  },
]);

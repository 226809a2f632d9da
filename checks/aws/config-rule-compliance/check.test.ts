import { describeCheck } from '../../../test/harness/check-tester.js';
import check from './check.js';

const region = (value: object[]) => [{ accountId: '111111111111', region: 'us-east-1', status: 'ok', value }];
const R = 'aws-account/111111111111/us-east-1';
describeCheck(check, [
  {
    name: 'all compliant passes',
    data: { 'aws.config.compliance': region([{ rule: 'r1', compliance: 'COMPLIANT', nonCompliant: [] }]) },
    status: 'pass',
    passing: [R],
  },
  {
    name: 'no rules passes and says so',
    data: { 'aws.config.compliance': region([]) },
    status: 'pass',
    passing: [R],
  },
  {
    name: 'one finding per non-compliant resource',
    data: {
      'aws.config.compliance': region([
        {
          rule: 's3-versioning',
          compliance: 'NON_COMPLIANT',
          nonCompliant: [
            { resourceType: 'AWS::S3::Bucket', resourceId: 'a', annotation: 'off' },
            { resourceType: 'AWS::S3::Bucket', resourceId: 'b' },
          ],
        },
        { rule: 'ok', compliance: 'COMPLIANT', nonCompliant: [] },
      ]),
    },
    status: 'fail',
    failing: [`${R}/AWS::S3::Bucket/a`, `${R}/AWS::S3::Bucket/b`],
    message: /violates rule s3-versioning/,
  },
  {
    name: 'non-compliant rule without details fails on the rule',
    data: { 'aws.config.compliance': region([{ rule: 'r', compliance: 'NON_COMPLIANT', nonCompliant: [] }]) },
    status: 'fail',
    failing: [`${R}/config-rule/r`],
  },
  {
    name: 'an unreadable region is not checked',
    data: {
      'aws.config.compliance': [
        {
          accountId: '2',
          region: 'eu-west-1',
          status: 'error',
          error: 'boom',
          cause: { kind: 'unavailable', status: 503, message: 'boom' },
        },
      ],
    },
    status: 'error',
    notChecked: ['aws-account/2/eu-west-1'],
  },
]);

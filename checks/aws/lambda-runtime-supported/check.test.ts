// configuration.functionName / runtime / packageType: AWS Config resource schema for AWS::Lambda::Function
// (awslabs/aws-config-resource-schema; vendored in test/fixtures/vendor-schemas/aws-config). Deprecation
// dates: https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html
import { describeCheck } from '../../../test/harness/check-tester.js';
import { arnOf, ci, resourceCheckCases, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::Lambda::Function';
const fn = (name: string, runtime?: string, packageType = 'Zip') =>
  ci(TYPE, name, { functionName: name, packageType, ...(runtime ? { runtime } : {}) });
const now = new Date('2025-10-01T00:00:00Z');

describeCheck(check, [
  ...resourceCheckCases(TYPE, fn('good', 'nodejs22.x'), fn('bad', 'python3.7')).map((c) => ({ ...c, now })),
  {
    name: 'a runtime is judged by its date: nodejs18.x is deprecated from 2025-09-01, python3.9 not yet',
    data: { 'aws.config.resources': resources([fn('node18', 'nodejs18.x'), fn('py39', 'python3.9')]) },
    now,
    status: 'fail',
    failing: [arnOf(TYPE, 'node18')],
    message: /deprecated since 2025-09-01/,
  },
  {
    name: 'container images are not judged',
    data: { 'aws.config.resources': resources([fn('image', undefined, 'Image')]) },
    now,
    status: 'pass',
    passing: ['aws-account/111111111111/us-east-1'],
  },
  {
    name: 'alsoDeprecated adds runtimes',
    data: { 'aws.config.resources': resources([fn('java', 'java11')]) },
    now,
    options: { alsoDeprecated: ['java11'] },
    status: 'fail',
    message: /alsoDeprecated/,
  },
]);

// configuration.metadataOptions.httpTokens / httpEndpoint and state.name: AWS Config resource schema
// for AWS::EC2::Instance (awslabs/aws-config-resource-schema; vendored in
// test/fixtures/vendor-schemas/aws-config). Values `optional`/`required`, `enabled`/`disabled` from
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_InstanceMetadataOptionsResponse.html
import { describeCheck } from '../../../test/harness/check-tester.js';
import { arnOf, ci, resourceCheckCases, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::EC2::Instance';
const instance = (id: string, metadataOptions: Record<string, unknown>, state = 'running') =>
  ci(TYPE, id, { instanceId: id, state: { code: 16, name: state }, metadataOptions });

describeCheck(check, [
  ...resourceCheckCases(
    TYPE,
    instance('i-good', { httpTokens: 'required', httpEndpoint: 'enabled', state: 'applied' }),
    instance('i-bad', { httpTokens: 'optional', httpEndpoint: 'enabled', state: 'applied' }),
  ),
  {
    name: 'a disabled metadata endpoint passes',
    data: {
      'aws.config.resources': resources([
        instance('i-off', { httpTokens: 'optional', httpEndpoint: 'disabled' }),
      ]),
    },
    status: 'pass',
    passing: [arnOf(TYPE, 'i-off')],
  },
  {
    name: 'terminated instances are not judged',
    data: {
      'aws.config.resources': resources([instance('i-gone', { httpTokens: 'optional' }, 'terminated')]),
    },
    status: 'pass',
    passing: ['aws-account/111111111111/us-east-1'],
  },
  {
    name: 'values compare ignoring case',
    data: { 'aws.config.resources': resources([instance('i-up', { httpTokens: 'REQUIRED' })]) },
    status: 'pass',
    passing: [arnOf(TYPE, 'i-up')],
  },
]);

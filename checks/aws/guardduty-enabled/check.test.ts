// configuration.Enable / Id / FindingPublishingFrequency: AWS Config resource schema for
// AWS::GuardDuty::Detector (awslabs/aws-config-resource-schema; vendored in
// test/fixtures/vendor-schemas/aws-config).
import { describeCheck } from '../../../test/harness/check-tester.js';
import { ci, notRecording, recording, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::GuardDuty::Detector';
const detector = (id: string, Enable: boolean, where: { accountId?: string; region?: string } = {}) =>
  ci(TYPE, id, { Id: id, Enable, FindingPublishingFrequency: 'SIX_HOURS' }, {}, where);
const EU = recording('111111111111', 'eu-west-1');

describeCheck(check, [
  {
    name: 'an enabled detector in every region passes',
    data: {
      'aws.config.resources': resources(
        [detector('d1', true), detector('d2', true, { region: 'eu-west-1' })],
        [recording(), EU],
      ),
    },
    status: 'pass',
    passing: ['aws-account/111111111111/us-east-1', 'aws-account/111111111111/eu-west-1'],
  },
  {
    name: 'a region without a detector fails',
    data: { 'aws.config.resources': resources([detector('d1', true)], [recording(), EU]) },
    status: 'fail',
    failing: ['aws-account/111111111111/eu-west-1'],
    message: /no GuardDuty detectors on/,
  },
  {
    name: 'a suspended detector fails and is named',
    data: { 'aws.config.resources': resources([detector('d1', false)]) },
    status: 'fail',
    failing: ['aws-account/111111111111/us-east-1'],
    message: /recorded but not on: d1/,
  },
  {
    name: "another account's detector does not count",
    data: {
      'aws.config.resources': resources(
        [detector('d9', true, { accountId: '222222222222' })],
        [recording(), recording('222222222222')],
      ),
    },
    status: 'fail',
    failing: ['aws-account/111111111111/us-east-1'],
  },
  {
    name: 'a region where Config is not recording fails explicitly',
    data: { 'aws.config.resources': resources([detector('d1', true)], [recording(), notRecording()]) },
    status: 'fail',
    failing: ['aws-account/111111111111/eu-west-1'],
    message: /not recording/,
  },
  {
    name: 'an unreadable region is not checked',
    data: {
      'aws.config.resources': resources(
        [],
        [{ ...recording(), error: 'boom', cause: { kind: 'unavailable', status: 503, message: 'boom' } }],
      ),
    },
    status: 'error',
    notChecked: ['aws-account/111111111111/us-east-1'],
  },
]);

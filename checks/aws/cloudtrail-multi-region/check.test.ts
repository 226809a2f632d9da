import { describeCheck } from '../../../test/harness/check-tester.js';
import { ci, notRecording, recording, resources } from '../testing.js';
import check from './check.js';

const T = 'AWS::CloudTrail::Trail';
const trail = (name: string, multi: boolean, validation: boolean, extra: object = {}, where = {}) =>
  ci(
    T,
    name,
    {
      name,
      isMultiRegionTrail: multi,
      logFileValidationEnabled: validation,
      isOrganizationTrail: false,
      ...extra,
    },
    {},
    where,
  );

describeCheck(check, [
  {
    name: 'multi-region trail with validation passes',
    data: { 'aws.config.resources': resources([trail('main', true, true)]) },
    status: 'pass',
    passing: ['aws-account/111111111111'],
  },
  {
    name: 'single-region trail fails',
    data: { 'aws.config.resources': resources([trail('local', false, true)]) },
    status: 'fail',
    failing: ['aws-account/111111111111'],
    message: /single-region/,
  },
  {
    name: 'no validation fails',
    data: { 'aws.config.resources': resources([trail('main', true, false)]) },
    status: 'fail',
    message: /no validation/,
  },
  {
    name: 'no trail fails and names unrecorded regions',
    data: { 'aws.config.resources': resources([], [recording(), notRecording()]) },
    status: 'fail',
    message: /not recorded in eu-west-1/,
  },
  {
    name: 'an organization trail covers member accounts',
    data: {
      'aws.config.resources': resources(
        [trail('org', true, true, { isOrganizationTrail: true })],
        [recording(), recording('222222222222')],
      ),
    },
    status: 'pass',
    passing: ['aws-account/111111111111', 'aws-account/222222222222'],
  },
  {
    name: 'an unreadable account is not checked',
    data: {
      'aws.config.resources': resources(
        [trail('main', true, true)],
        [recording(), { ...recording('333333333333'), error: 'account not checked: cannot assume role' }],
      ),
    },
    status: 'error',
    failing: [],
    notChecked: ['aws-account/333333333333'],
  },
]);

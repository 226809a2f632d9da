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

const accounts = (mode: 'single' | 'organization') => ({
  mode,
  callerAccount: '111111111111',
  partition: 'aws',
  regions: ['us-east-1'],
  accounts: [],
});
const single = accounts('single');

describeCheck(check, [
  {
    name: 'multi-region trail with validation passes',
    data: { 'aws.accounts': single, 'aws.config.resources': resources([trail('main', true, true)]) },
    status: 'pass',
    passing: ['aws-account/111111111111'],
  },
  {
    name: 'single-region trail fails',
    data: { 'aws.accounts': single, 'aws.config.resources': resources([trail('local', false, true)]) },
    status: 'fail',
    failing: ['aws-account/111111111111'],
    message: /single-region/,
  },
  {
    name: 'no validation fails',
    data: { 'aws.accounts': single, 'aws.config.resources': resources([trail('main', true, false)]) },
    status: 'fail',
    message: /no validation/,
  },
  {
    name: 'no trail fails and names unrecorded regions',
    data: { 'aws.accounts': single, 'aws.config.resources': resources([], [recording(), notRecording()]) },
    status: 'fail',
    message: /not recorded in eu-west-1/,
  },
  {
    name: 'an organization trail covers member accounts',
    data: {
      'aws.accounts': accounts('organization'),
      'aws.config.resources': resources(
        [trail('org', true, true, { isOrganizationTrail: true })],
        [recording(), recording('222222222222')],
      ),
    },
    status: 'pass',
    passing: ['aws-account/111111111111', 'aws-account/222222222222'],
  },
  {
    name: 'with an explicit account list, an organization trail covers only its own account',
    data: {
      'aws.accounts': single,
      'aws.config.resources': resources(
        [trail('org', true, true, { isOrganizationTrail: true })],
        [recording(), recording('555555555555')],
      ),
    },
    status: 'fail',
    passing: ['aws-account/111111111111'],
    failing: ['aws-account/555555555555'],
  },
  {
    name: 'an unreadable account is not checked',
    data: {
      'aws.accounts': single,
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

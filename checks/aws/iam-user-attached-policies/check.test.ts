import { describeCheck } from '../../../test/harness/check-tester.js';
import { details } from '../testing.js';
import check from './check.js';

const user = (name: string, extra: object = {}) => ({
  name,
  arn: `arn:aws:iam::111111111111:user/${name}`,
  groups: ['devs'],
  attachedPolicies: [],
  inlinePolicies: [],
  tags: {},
  ...extra,
});
describeCheck(check, [
  {
    name: 'users with group permissions only pass',
    data: { 'aws.iam.authorizationDetails': details({ users: [user('alice')] }) },
    status: 'pass',
    passing: ['arn:aws:iam::111111111111:user/alice'],
  },
  {
    name: 'directly attached managed policy fails',
    data: {
      'aws.iam.authorizationDetails': details({
        users: [
          user('alice'),
          user('deploy', {
            attachedPolicies: [{ name: 'Deploy', arn: 'arn:aws:iam::111111111111:policy/Deploy' }],
          }),
        ],
      }),
    },
    status: 'fail',
    failing: ['arn:aws:iam::111111111111:user/deploy'],
  },
  {
    name: 'inline user policy fails',
    data: {
      'aws.iam.authorizationDetails': details({
        users: [user('bob', { inlinePolicies: [{ name: 'x', document: {} }] })],
      }),
    },
    status: 'fail',
    message: /x \(inline\)/,
  },
  {
    name: 'no users passes on the account',
    data: { 'aws.iam.authorizationDetails': details({}) },
    status: 'pass',
    passing: ['aws-account/111111111111'],
  },
]);

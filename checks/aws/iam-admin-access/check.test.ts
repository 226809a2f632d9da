import { describeCheck } from '../../../test/harness/check-tester.js';
import { details } from '../testing.js';
import check from './check.js';

const A = 'arn:aws:iam::111111111111';
const ADMIN = { name: 'AdministratorAccess', arn: 'arn:aws:iam::aws:policy/AdministratorAccess' };
const star = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const user = (name: string, extra: object = {}) => ({
  name,
  arn: `${A}:user/${name}`,
  groups: [],
  attachedPolicies: [],
  inlinePolicies: [],
  tags: {},
  ...extra,
});
const role = (name: string, extra: object = {}) => ({
  name,
  arn: `${A}:role/${name}`,
  path: '/',
  attachedPolicies: [],
  inlinePolicies: [],
  ...extra,
});

describeCheck(check, [
  {
    name: 'no admins passes with a summary',
    data: { 'aws.iam.authorizationDetails': details({ users: [user('alice')] }) },
    status: 'pass',
    passing: ['aws-account/111111111111'],
  },
  {
    name: 'AdministratorAccess on a user fails',
    data: {
      'aws.iam.authorizationDetails': details({ users: [user('alice', { attachedPolicies: [ADMIN] })] }),
    },
    status: 'fail',
    failing: [`${A}:user/alice`],
  },
  {
    name: 'admin through a group fails',
    data: {
      'aws.iam.authorizationDetails': details({
        users: [user('bob', { groups: ['admins'] })],
        groups: [{ name: 'admins', arn: `${A}:group/admins`, attachedPolicies: [ADMIN], inlinePolicies: [] }],
      }),
    },
    status: 'fail',
    failing: [`${A}:user/bob`],
    message: /via group admins/,
  },
  {
    name: 'customer managed policy with * on * counts',
    data: {
      'aws.iam.authorizationDetails': details({
        roles: [role('ops', { attachedPolicies: [{ name: 'Ops', arn: `${A}:policy/Ops` }] })],
        policies: [{ name: 'Ops', arn: `${A}:policy/Ops`, attachmentCount: 1, document: star }],
      }),
    },
    status: 'fail',
    failing: [`${A}:role/ops`],
  },
  {
    name: 'inline * on * on a role counts',
    data: {
      'aws.iam.authorizationDetails': details({
        roles: [
          role('x', {
            inlinePolicies: [
              { name: 'all', document: { Statement: { Effect: 'Allow', Action: ['*:*'], Resource: ['*'] } } },
            ],
          }),
        ],
      }),
    },
    status: 'fail',
  },
  {
    name: 'conditions or narrower resources are not full admin',
    data: {
      'aws.iam.authorizationDetails': details({
        roles: [
          role('x', {
            inlinePolicies: [
              {
                name: 'a',
                document: {
                  Statement: [
                    { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b/*' },
                    {
                      Effect: 'Allow',
                      Action: '*',
                      Resource: '*',
                      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
                    },
                  ],
                },
              },
            ],
          }),
        ],
      }),
    },
    status: 'pass',
  },
  {
    name: 'allowed admins pass',
    data: {
      'aws.iam.authorizationDetails': details({
        roles: [role('break-glass', { attachedPolicies: [ADMIN] })],
      }),
    },
    options: { allowed: ['break-glass'] },
    status: 'pass',
    passing: [`${A}:role/break-glass`],
  },
  {
    name: 'allow-list takes ARN globs',
    data: {
      'aws.iam.authorizationDetails': details({
        roles: [role('OrganizationAccountAccessRole', { attachedPolicies: [ADMIN] })],
      }),
    },
    options: { allowed: ['arn:aws:iam::*:role/OrganizationAccountAccessRole'] },
    status: 'pass',
  },
  {
    name: 'service-linked roles are ignored',
    data: {
      'aws.iam.authorizationDetails': details({
        roles: [
          role('AWSServiceRoleForX', {
            path: '/aws-service-role/x.amazonaws.com/',
            attachedPolicies: [ADMIN],
          }),
        ],
      }),
    },
    status: 'pass',
  },
]);

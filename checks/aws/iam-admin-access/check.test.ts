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
    name: 'a narrower resource is not administrator access',
    data: {
      'aws.iam.authorizationDetails': details({
        roles: [
          role('x', {
            inlinePolicies: [
              {
                name: 'p',
                document: { Statement: { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b/*' } },
              },
            ],
          }),
        ],
      }),
    },
    status: 'pass',
  },
  // The IAM user guide's policy grammar: Condition limits when a statement applies, not what it
  // grants; NotAction with Allow grants every action not listed; iam:Put*/Attach* policies let the
  // holder grant itself anything (IAM user guide, privilege escalation through policy changes).
  ...(
    [
      [
        'an MFA-gated * on *',
        {
          Effect: 'Allow',
          Action: '*',
          Resource: '*',
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
        },
        /with conditions/,
      ],
      [
        'NotAction of one billing action',
        { Effect: 'Allow', NotAction: 'aws-portal:ViewBilling', Resource: '*' },
        /every action except aws-portal:ViewBilling/,
      ],
      [
        'iam:* on all resources',
        { Effect: 'Allow', Action: 'iam:*', Resource: '*' },
        /can grant itself any permission/,
      ],
      [
        'iam:AttachUserPolicy on all resources',
        { Effect: 'Allow', Action: ['s3:GetObject', 'iam:AttachUserPolicy'], Resource: '*' },
        /iam:AttachUserPolicy/,
      ],
      [
        '* on every ARN written as a pattern',
        { Effect: 'Allow', Action: '*', Resource: 'arn:aws:*:*:*:*' },
        /allows \* on \*/,
      ],
    ] as const
  ).map(([what, statement, message]) => ({
    name: `${what} is administrator access`,
    data: {
      'aws.iam.authorizationDetails': details({
        roles: [role('x', { inlinePolicies: [{ name: 'p', document: { Statement: [statement] } }] })],
      }),
    },
    status: 'fail' as const,
    failing: [`${A}:role/x`],
    message,
  })),
  {
    name: 'a power user (NotAction iam:*, organizations:*) is not administrator access',
    data: {
      'aws.iam.authorizationDetails': details({
        roles: [
          role('power', {
            inlinePolicies: [
              {
                name: 'p',
                document: {
                  Statement: {
                    Effect: 'Allow',
                    NotAction: ['iam:*', 'organizations:*', 'account:*'],
                    Resource: '*',
                  },
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
    name: 'a Deny * on * is not administrator access',
    data: {
      'aws.iam.authorizationDetails': details({
        roles: [
          role('deny', {
            inlinePolicies: [
              { name: 'p', document: { Statement: { Effect: 'Deny', Action: '*', Resource: '*' } } },
            ],
          }),
        ],
      }),
    },
    status: 'pass',
  },
  {
    name: 'IAMFullAccess (AWS managed, not downloaded) is recognised by ARN',
    data: {
      'aws.iam.authorizationDetails': details({
        users: [
          user('iam-admin', {
            attachedPolicies: [{ name: 'IAMFullAccess', arn: 'arn:aws:iam::aws:policy/IAMFullAccess' }],
          }),
        ],
      }),
    },
    status: 'fail',
    failing: [`${A}:user/iam-admin`],
    message: /IAMFullAccess: can grant itself any permission/,
  },
  {
    name: 'AdministratorAccess in GovCloud is recognised by ARN',
    data: {
      'aws.iam.authorizationDetails': details({
        users: [
          user('gov', {
            attachedPolicies: [
              { name: 'AdministratorAccess', arn: 'arn:aws-us-gov:iam::aws:policy/AdministratorAccess' },
            ],
          }),
        ],
      }),
    },
    status: 'fail',
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

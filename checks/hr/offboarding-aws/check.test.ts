import { describeCheck } from '../../../test/harness/check-tester.js';
import {
  ACCOUNT,
  authorizationDetails,
  credentialReport,
  iamRow,
  person,
  roster,
} from '../../../test/harness/people-builders.js';
import check from './check.js';

const ben = person({
  email: 'ben@co.example',
  awsUser: 'ben.o',
  status: 'terminated',
  endDate: '2026-06-01',
});
const fresh = person({ email: 'fay@co.example', status: 'terminated', endDate: '2026-06-30' });

describeCheck(check, [
  {
    name: 'terminated person whose IAM user has no password or key passes',
    data: {
      'hr.roster': roster(ben),
      'aws.iam.credentialReport': credentialReport(iamRow('ben.o')),
      'aws.iam.authorizationDetails': authorizationDetails({ name: 'ben.o' }),
    },
    status: 'pass',
    passing: ['hr:ben@co.example'],
  },
  {
    name: 'IAM user (aws_user column) with an active key 29 days after termination fails',
    data: {
      'hr.roster': roster(ben),
      'aws.iam.credentialReport': credentialReport(iamRow('ben.o', { keys: 1 })),
      'aws.iam.authorizationDetails': authorizationDetails({ name: 'ben.o' }),
    },
    status: 'fail',
    failing: [`aws:${ACCOUNT}/ben.o`],
    message: /29 days ago, deadline 1.*1 active access key/,
  },
  {
    name: 'IAM user named like the email with a console password fails',
    data: {
      'hr.roster': roster(person({ email: 'ben@co.example', status: 'terminated', endDate: '2026-05-01' })),
      'aws.iam.credentialReport': credentialReport(iamRow('ben@co.example', { password: true })),
      'aws.iam.authorizationDetails': authorizationDetails(),
    },
    status: 'fail',
    failing: [`aws:${ACCOUNT}/ben@co.example`],
    message: /console password/,
  },
  {
    name: 'IAM user matched through its email tag fails',
    data: {
      'hr.roster': roster(person({ email: 'ben@co.example', status: 'terminated', endDate: '2026-05-01' })),
      'aws.iam.credentialReport': credentialReport(iamRow('bokafor', { password: true })),
      'aws.iam.authorizationDetails': authorizationDetails({
        name: 'bokafor',
        tags: { Email: 'Ben@co.example' },
      }),
    },
    status: 'fail',
    failing: [`aws:${ACCOUNT}/bokafor`],
  },
  {
    name: 'still within the deadline passes with the due date',
    data: {
      'hr.roster': roster(fresh),
      'aws.iam.credentialReport': credentialReport(iamRow('fay@co.example', { password: true })),
      'aws.iam.authorizationDetails': authorizationDetails(),
    },
    status: 'pass',
    passing: [`aws:${ACCOUNT}/fay@co.example`],
  },
  {
    name: 'a longer deadline from options turns a failure into a pass',
    data: {
      'hr.roster': roster(ben),
      'aws.iam.credentialReport': credentialReport(iamRow('ben.o', { keys: 2 })),
      'aws.iam.authorizationDetails': authorizationDetails(),
    },
    options: { deadlineDays: 30 },
    status: 'pass',
  },
  {
    name: 'terminated without an end date and still active fails',
    data: {
      'hr.roster': roster(person({ email: 'x@co.example', awsUser: 'x', status: 'terminated' })),
      'aws.iam.credentialReport': credentialReport(iamRow('x', { keys: 1 })),
      'aws.iam.authorizationDetails': authorizationDetails(),
    },
    status: 'fail',
    message: /no end_date/,
  },
  {
    name: 'active people are not offboarding findings; no terminated people passes on the scope',
    data: {
      'hr.roster': roster(person({ email: 'al@co.example', awsUser: 'al' })),
      'aws.iam.credentialReport': credentialReport(iamRow('al', { password: true })),
      'aws.iam.authorizationDetails': authorizationDetails(),
    },
    status: 'pass',
    passing: ['aws:iam-users'],
  },
  {
    name: 'an account whose credential report could not be read is not checked, with the cause',
    data: {
      'hr.roster': roster(ben),
      'aws.iam.credentialReport': [
        {
          accountId: '999988887777',
          status: 'error',
          error: 'AccessDenied',
          cause: { kind: 'permission', status: 403, code: 'AccessDenied', message: 'AccessDenied' },
        },
      ],
      'aws.iam.authorizationDetails': [],
    },
    status: 'error',
    failing: [],
    notChecked: ['aws:999988887777'],
  },
]);

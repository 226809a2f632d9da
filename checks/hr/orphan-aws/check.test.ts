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

const alice = person({ email: 'alice@co.example', awsUser: 'alice.nguyen' });

describeCheck(check, [
  {
    name: 'every active IAM user belongs to someone',
    data: {
      'hr.roster': roster(alice),
      'aws.iam.credentialReport': credentialReport(iamRow('alice.nguyen', { password: true })),
      'aws.iam.authorizationDetails': authorizationDetails(),
    },
    status: 'pass',
    passing: ['aws:iam-users'],
  },
  {
    name: 'an active IAM user matching nobody fails',
    data: {
      'hr.roster': roster(alice),
      'aws.iam.credentialReport': credentialReport(
        iamRow('alice.nguyen'),
        iamRow('old-admin', { password: true }),
      ),
      'aws.iam.authorizationDetails': authorizationDetails(),
    },
    status: 'fail',
    failing: [`aws:${ACCOUNT}/old-admin`],
    message: /matches no one in the HR roster/,
  },
  {
    name: 'allow-listed service accounts pass (glob)',
    data: {
      'hr.roster': roster(alice),
      'aws.iam.credentialReport': credentialReport(
        iamRow('svc-backup', { keys: 1 }),
        iamRow('ci-deployer', { keys: 1 }),
      ),
      'aws.iam.authorizationDetails': authorizationDetails(),
    },
    options: { allow: ['svc-*', 'ci-deployer'] },
    status: 'pass',
    passing: [`aws:${ACCOUNT}/svc-backup`, `aws:${ACCOUNT}/ci-deployer`],
  },
  {
    name: 'an IAM user with no password and no active key is not an orphan risk',
    data: {
      'hr.roster': roster(),
      'aws.iam.credentialReport': credentialReport(iamRow('dormant')),
      'aws.iam.authorizationDetails': authorizationDetails(),
    },
    status: 'pass',
  },
  {
    name: 'an account matched through its email tag is not an orphan',
    data: {
      'hr.roster': roster(alice),
      'aws.iam.credentialReport': credentialReport(iamRow('anguyen', { keys: 1 })),
      'aws.iam.authorizationDetails': authorizationDetails({
        name: 'anguyen',
        tags: { email: 'alice@co.example' },
      }),
    },
    status: 'pass',
  },
  {
    name: 'the IAM user of a terminated person is left to hr.offboarding-aws',
    data: {
      'hr.roster': roster(
        person({ email: 'b@co.example', awsUser: 'b', status: 'terminated', endDate: '2026-01-01' }),
      ),
      'aws.iam.credentialReport': credentialReport(iamRow('b', { keys: 1 })),
      'aws.iam.authorizationDetails': authorizationDetails(),
    },
    status: 'pass',
  },
]);

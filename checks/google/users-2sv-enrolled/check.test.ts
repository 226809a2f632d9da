import { describeCheck } from '../../../test/harness/check-tester.js';
import { NO_SSO, user } from '../../../test/builders/google.js';
import check from './check.js';

describeCheck(check, [
  {
    name: 'passes when every active user is enrolled',
    data: {
      'google.sso': NO_SSO,
      'google.users': [user('a@example.com'), user('b@example.com')],
    },
    status: 'pass',
    passing: ['a@example.com', 'b@example.com'],
  },
  {
    name: 'fails each active user without 2SV',
    data: {
      'google.sso': NO_SSO,
      'google.users': [user('a@example.com'), user('b@example.com', { isEnrolledIn2Sv: false })],
    },
    status: 'fail',
    failing: ['b@example.com'],
    message: /Not enrolled/,
  },
  {
    name: 'ignores suspended and archived users',
    data: {
      'google.sso': NO_SSO,
      'google.users': [
        user('a@example.com'),
        user('gone@example.com', { isEnrolledIn2Sv: false, suspended: true }),
        user('old@example.com', { isEnrolledIn2Sv: false, archived: true }),
      ],
    },
    status: 'pass',
    failing: [],
  },
  {
    name: 'passes on the organization when there are no active users',
    data: {
      'google.sso': NO_SSO,
      'google.users': [user('gone@example.com', { suspended: true, isEnrolledIn2Sv: false })],
    },
    status: 'pass',
    passing: ['Example Corp'],
  },
]);

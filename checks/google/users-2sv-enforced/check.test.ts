import { describeCheck } from '../../../test/harness/check-tester.js';
import { NO_SSO, user } from '../../../test/builders/google.js';
import check from './check.js';

describeCheck(check, [
  {
    name: 'passes when 2SV is enforced for every active user',
    data: {
      'google.sso': NO_SSO,
      'google.users': [user('a@example.com'), user('b@example.com')],
    },
    status: 'pass',
    passing: ['a@example.com', 'b@example.com'],
  },
  {
    name: 'fails users in an organizational unit without enforcement, even when enrolled',
    data: {
      'google.sso': NO_SSO,
      'google.users': [
        user('a@example.com'),
        user('sales@example.com', { isEnforcedIn2Sv: false, orgUnitPath: '/Sales' }),
      ],
    },
    status: 'fail',
    failing: ['sales@example.com'],
    message: /not enforced for \/Sales/,
  },
  {
    name: 'ignores suspended users',
    data: {
      'google.sso': NO_SSO,
      'google.users': [
        user('a@example.com'),
        user('x@example.com', { isEnforcedIn2Sv: false, suspended: true }),
      ],
    },
    status: 'pass',
    failing: [],
  },
  {
    name: 'passes on the organization with no users at all',
    data: {
      'google.sso': NO_SSO,
      'google.users': [],
    },
    status: 'pass',
    passing: ['Example Corp'],
  },
]);

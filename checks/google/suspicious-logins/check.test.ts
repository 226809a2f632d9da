import { describeCheck } from '../../../test/harness/check-tester.js';
import { loginEvent } from '../../../test/builders/google.js';
import check from './check.js';

describeCheck(check, [
  {
    name: 'passes on the organization with no events',
    data: { 'google.loginEvents': [] },
    status: 'pass',
    passing: ['Example Corp'],
  },
  {
    name: 'fails each user with a recent suspicious event',
    data: {
      'google.loginEvents': [
        loginEvent('a@example.com', 'suspicious_login', '2026-06-28T03:00:00.000Z'),
        loginEvent('a@example.com', 'suspicious_login', '2026-06-27T03:00:00.000Z'),
        loginEvent('b@example.com', 'account_disabled_password_leak', '2026-06-20T03:00:00.000Z'),
      ],
    },
    status: 'fail',
    failing: ['a@example.com', 'b@example.com'],
  },
  {
    name: 'ignores events older than the window',
    data: {
      'google.loginEvents': [loginEvent('a@example.com', 'suspicious_login', '2026-05-01T03:00:00.000Z')],
    },
    status: 'pass',
  },
  {
    name: 'honours a shorter window',
    data: {
      'google.loginEvents': [loginEvent('a@example.com', 'gov_attack_warning', '2026-06-20T03:00:00.000Z')],
    },
    options: { days: 7 },
    status: 'pass',
  },
]);

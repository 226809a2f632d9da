import { describeCheck } from '../../../test/harness/check-tester.js';
import { user } from '../../../test/builders/google.js';
import check from './check.js';

describeCheck(check, [
  {
    name: 'passes when every active user has signed in',
    data: { 'google.users': [user('a@example.com')] },
    status: 'pass',
    passing: ['Example Corp'],
  },
  {
    name: 'fails an account created 45 days ago that never signed in',
    data: {
      'google.users': [
        user('a@example.com'),
        user('ghost@example.com', { lastLoginTime: null, creationTime: '2026-05-16T12:00:00.000Z' }),
      ],
    },
    status: 'fail',
    failing: ['ghost@example.com'],
    message: /Never signed in, created 45 days ago/,
  },
  {
    name: 'passes a new hire still within the grace period',
    data: {
      'google.users': [
        user('new@example.com', { lastLoginTime: null, creationTime: '2026-06-20T12:00:00.000Z' }),
      ],
    },
    status: 'pass',
    passing: ['new@example.com'],
  },
  {
    name: 'treats the 1970 epoch as never signed in',
    data: {
      'google.users': [
        user('ghost@example.com', {
          lastLoginTime: '1970-01-01T00:00:00.000Z',
          creationTime: '2025-01-01T00:00:00.000Z',
        }),
      ],
    },
    status: 'fail',
    failing: ['ghost@example.com'],
  },
  {
    name: 'ignores suspended accounts and honours graceDays',
    data: {
      'google.users': [
        user('gone@example.com', {
          suspended: true,
          lastLoginTime: null,
          creationTime: '2020-01-01T00:00:00.000Z',
        }),
        user('new@example.com', { lastLoginTime: null, creationTime: '2026-06-20T12:00:00.000Z' }),
      ],
    },
    options: { graceDays: 5 },
    status: 'fail',
    failing: ['new@example.com'],
  },
]);

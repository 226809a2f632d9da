import { describeCheck } from '../../../test/harness/check-tester.js';
import { user } from '../../../test/builders/google.js';
import check from './check.js';

// DEFAULT_NOW is 2026-06-30T12:00:00Z
describeCheck(check, [
  {
    name: 'passes users who signed in within 90 days',
    data: { 'google.users': [user('a@example.com', { lastLoginTime: '2026-04-05T12:00:00.000Z' })] },
    status: 'pass',
    passing: ['a@example.com'],
  },
  {
    name: 'fails a user whose last sign-in is 91 days old',
    data: {
      'google.users': [
        user('a@example.com'),
        user('idle@example.com', { lastLoginTime: '2026-03-31T11:00:00.000Z' }),
      ],
    },
    status: 'fail',
    failing: ['idle@example.com'],
    message: /Last signed in 91 days ago \(limit 90\)/,
  },
  {
    name: 'ignores suspended users and never-signed-in accounts',
    data: {
      'google.users': [
        user('a@example.com'),
        user('gone@example.com', { suspended: true, lastLoginTime: '2020-01-01T00:00:00.000Z' }),
        user('new@example.com', { lastLoginTime: null }),
      ],
    },
    status: 'pass',
    failing: [],
  },
  {
    name: 'honours a configured threshold',
    data: { 'google.users': [user('a@example.com', { lastLoginTime: '2026-06-01T12:00:00.000Z' })] },
    options: { maxInactiveDays: 14 },
    status: 'fail',
    failing: ['a@example.com'],
  },
  {
    name: 'passes on the organization when nobody has signed in yet',
    data: {
      'google.users': [
        user('new@example.com', { lastLoginTime: null, creationTime: '2026-06-29T00:00:00.000Z' }),
      ],
    },
    status: 'pass',
    passing: ['Example Corp'],
  },
  {
    name: 'users in an exempt org unit (or below it) are not judged',
    options: { exemptOrgUnits: ['/Kiosks'] },
    data: {
      'google.users': [
        user('kiosk@example.com', {
          orgUnitPath: '/Kiosks/Lobby',
          lastLoginTime: '2025-01-01T00:00:00.000Z',
        }),
        user('kioskless@example.com', {
          orgUnitPath: '/KiosksOld',
          lastLoginTime: '2025-01-01T00:00:00.000Z',
        }),
      ],
    },
    status: 'fail',
    failing: ['kioskless@example.com'],
  },
]);

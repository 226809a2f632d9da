// asps.list items as documented (https://developers.google.com/workspace/admin/directory/reference/rest/v1/asps):
// codeId, name, creationTime / lastTimeUsed in Unix milliseconds (the collector stores RFC 3339).
import { describeCheck } from '../../../test/harness/check-tester.js';
import { byScope, unread } from '../../../test/builders/google.js';
import type { GoogleAppPassword } from '../../../src/collectors/google/data.js';
import check from './check.js';

const asp = (user: string, name: string, lastTimeUsed?: string): GoogleAppPassword => ({
  user,
  codeId: 3,
  name,
  creationTime: '2025-03-01T10:00:00.000Z',
  ...(lastTimeUsed ? { lastTimeUsed } : {}),
});
const perUser = (asps: GoogleAppPassword[], others?: Parameters<typeof byScope<GoogleAppPassword>>[2]) =>
  byScope(asps, (a) => a.user, others);

describeCheck(check, [
  {
    name: 'passes users without app passwords',
    data: { 'google.appPasswords': perUser([], { empty: ['a@example.com', 'b@example.com'] }) },
    status: 'pass',
    passing: ['a@example.com', 'b@example.com'],
  },
  {
    name: 'fails each user holding app passwords, naming them and their last use',
    data: {
      'google.appPasswords': perUser(
        [
          asp('a@example.com', 'Thunderbird', '2026-06-01T08:00:00.000Z'),
          asp('a@example.com', 'iPhone Mail'),
        ],
        { empty: ['b@example.com'] },
      ),
    },
    status: 'fail',
    failing: ['a@example.com'],
    passing: ['b@example.com'],
    message: /2 app passwords.*Thunderbird \(last used 2026-06-01\), iPhone Mail \(never used\)/,
  },
  {
    name: 'reports a user whose app passwords could not be read as not checked',
    data: {
      'google.appPasswords': perUser([], { empty: ['a@example.com'], unread: [unread('b@example.com')] }),
    },
    status: 'error',
    passing: ['a@example.com'],
  },
  {
    name: 'passes on the organization with no active users',
    data: { 'google.appPasswords': [] },
    status: 'pass',
    passing: ['Example Corp'],
  },
]);

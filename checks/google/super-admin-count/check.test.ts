import { describeCheck } from '../../../test/harness/check-tester.js';
import { user } from '../../../test/builders/google.js';
import check from './check.js';

const admins = (n: number) =>
  Array.from({ length: n }, (_, i) => user(`admin${i}@example.com`, { isAdmin: true }));

describeCheck(check, [
  {
    name: 'passes with 2 super admins',
    data: { 'google.users': [...admins(2), user('a@example.com')] },
    status: 'pass',
    passing: ['Example Corp'],
  },
  {
    name: 'passes with 4 super admins (upper bound inclusive)',
    data: { 'google.users': admins(4) },
    status: 'pass',
  },
  {
    name: 'fails with 5 super admins',
    data: { 'google.users': admins(5) },
    status: 'fail',
    failing: ['Example Corp'],
    message: /5 super admins, more than the maximum of 4/,
  },
  {
    name: 'fails with a single super admin',
    data: { 'google.users': [...admins(1), user('a@example.com', { isDelegatedAdmin: true })] },
    status: 'fail',
    message: /1 super admin, fewer than the minimum of 2/,
  },
  {
    name: 'does not count suspended super admins',
    data: { 'google.users': [...admins(2), user('gone@example.com', { isAdmin: true, suspended: true })] },
    status: 'pass',
  },
  {
    name: 'honours a configured range',
    data: { 'google.users': admins(5) },
    options: { min: 1, max: 6 },
    status: 'pass',
  },
]);

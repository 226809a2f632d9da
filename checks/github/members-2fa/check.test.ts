import { describeCheck } from '../../../test/harness/check-tester.js';
import check from './check.js';

const members = [
  { login: 'alice', id: 1, role: 'admin' },
  { login: 'bob', id: 2, role: 'member' },
];

describeCheck(check, [
  {
    name: 'passes when every member has 2FA',
    data: { 'github.members': members, 'github.membersWithout2fa': [] },
    status: 'pass',
    passing: ['alice', 'bob'],
  },
  {
    name: 'fails for each member without 2FA',
    data: { 'github.members': members, 'github.membersWithout2fa': [{ login: 'bob', id: 2 }] },
    status: 'fail',
    failing: ['bob'],
    passing: ['alice'],
    message: /has not enabled two-factor/,
  },
  {
    name: 'an empty organization passes on its scope',
    data: { 'github.members': [], 'github.membersWithout2fa': [] },
    status: 'pass',
    passing: ['organization members'],
  },
]);

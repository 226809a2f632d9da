import { describeCheck } from '../../../test/harness/check-tester.js';
import { googleUser, person, roster } from '../../../test/harness/people-builders.js';
import check from './check.js';

const ben = person({ email: 'ben@co.example', status: 'terminated', endDate: '2026-06-15' });

describeCheck(check, [
  {
    name: 'suspended account of a terminated person passes',
    data: { 'hr.roster': roster(ben), 'google.users': [googleUser('ben@co.example', { suspended: true })] },
    status: 'pass',
    passing: ['hr:ben@co.example'],
  },
  {
    name: 'archived account counts as removed',
    data: { 'hr.roster': roster(ben), 'google.users': [googleUser('ben@co.example', { archived: true })] },
    status: 'pass',
  },
  {
    name: 'active account 15 days after termination fails (email match is case-insensitive)',
    data: { 'hr.roster': roster(ben), 'google.users': [googleUser('Ben@co.example')] },
    status: 'fail',
    failing: ['google:ben@co.example'],
    message: /15 days ago/,
  },
  {
    name: 'terminated today is within the default deadline',
    data: {
      'hr.roster': roster(person({ email: 'z@co.example', status: 'terminated', endDate: '2026-06-30' })),
      'google.users': [googleUser('z@co.example')],
    },
    status: 'pass',
  },
  {
    name: 'a termination scheduled in the future is not yet due',
    data: {
      'hr.roster': roster(person({ email: 'z@co.example', status: 'terminated', endDate: '2026-07-15' })),
      'google.users': [googleUser('z@co.example')],
    },
    status: 'pass',
  },
]);

import { describeCheck } from '../../../test/harness/check-tester.js';
import check from './check.js';

const people = (owners: number, members: number) => [
  ...Array.from({ length: owners }, (_, i) => ({ login: `owner${i}`, id: i, role: 'admin' })),
  ...Array.from({ length: members }, (_, i) => ({ login: `member${i}`, id: 100 + i, role: 'member' })),
];

describeCheck(check, [
  { name: 'passes at the maximum', data: { 'github.members': people(3, 10) }, status: 'pass' },
  {
    name: 'fails above the maximum',
    data: { 'github.members': people(4, 2) },
    status: 'fail',
    failing: ['organization owners'],
    message: /4 owners, more than the 3 allowed/,
  },
  {
    name: 'honors a configured maximum',
    data: { 'github.members': people(4, 2) },
    options: { maxOwners: 5 },
    status: 'pass',
  },
]);

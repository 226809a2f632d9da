import { describeCheck } from '../../../test/harness/check-tester.js';
import check from './check.js';

const org = (perm: string) => ({
  login: 'acme',
  id: 1,
  two_factor_requirement_enabled: true,
  default_repository_permission: perm,
});

describeCheck(check, [
  { name: 'passes with read', data: { 'github.org': org('read') }, status: 'pass', passing: ['acme'] },
  { name: 'passes with none', data: { 'github.org': org('none') }, status: 'pass' },
  {
    name: 'fails with write',
    data: { 'github.org': org('write') },
    status: 'fail',
    failing: ['acme'],
    message: /is write/,
  },
  { name: 'fails with admin', data: { 'github.org': org('admin') }, status: 'fail', failing: ['acme'] },
  {
    name: 'a narrower allow-list fails read',
    data: { 'github.org': org('read') },
    options: { allowed: ['none'] },
    status: 'fail',
  },
]);

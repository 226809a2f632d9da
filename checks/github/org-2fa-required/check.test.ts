import { describeCheck } from '../../../test/harness/check-tester.js';
import check from './check.js';

const org = (two: boolean) => ({
  login: 'acme',
  id: 1,
  two_factor_requirement_enabled: two,
  default_repository_permission: 'read',
});

describeCheck(check, [
  {
    name: 'passes when 2FA is required',
    data: { 'github.org': org(true) },
    status: 'pass',
    passing: ['acme'],
  },
  {
    name: 'fails when 2FA is not required',
    data: { 'github.org': org(false) },
    status: 'fail',
    failing: ['acme'],
    message: /does not require/,
  },
]);

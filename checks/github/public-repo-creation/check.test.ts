import { describeCheck } from '../../../test/harness/check-tester.js';
import check from './check.js';

const org = (extra: object) => ({
  login: 'acme',
  id: 1,
  two_factor_requirement_enabled: true,
  default_repository_permission: 'read',
  ...extra,
});

describeCheck(check, [
  {
    name: 'passes when public creation is off',
    data: { 'github.org': org({ members_can_create_public_repositories: false }) },
    status: 'pass',
  },
  {
    name: 'passes when members cannot create any repository',
    data: {
      'github.org': org({
        members_can_create_repositories: false,
        members_can_create_public_repositories: true,
      }),
    },
    status: 'pass',
  },
  {
    name: 'fails when members can create public repositories',
    data: {
      'github.org': org({
        members_can_create_repositories: true,
        members_can_create_public_repositories: true,
      }),
    },
    status: 'fail',
    failing: ['acme'],
  },
  { name: 'fails when the setting is not reported', data: { 'github.org': org({}) }, status: 'fail' },
]);

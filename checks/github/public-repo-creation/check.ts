import type {} from '../../../src/collectors/github/data.js';
import { defineCheck } from '../../../src/engine/check.js';

export default defineCheck({
  id: 'github.public-repo-creation',
  title: 'GitHub members cannot create public repositories',
  provider: 'github',
  severity: 'medium',
  description: 'members_can_create_public_repositories is off, so only owners can publish a repository.',
  risk: 'A member can publish confidential code or data to the internet by creating a public repository.',
  remediation:
    'Organization settings > Member privileges > Repository creation: uncheck "Public". Owners can still create public repositories on purpose.',
  requires: ['github.org'],
  evaluate({ 'github.org': org }) {
    const blocked =
      org.members_can_create_public_repositories === false || org.members_can_create_repositories === false;
    return [
      {
        resource: org.login,
        status: blocked ? 'pass' : 'fail',
        message: blocked
          ? 'members cannot create public repositories'
          : 'members can create public repositories',
        details: {
          members_can_create_repositories: org.members_can_create_repositories,
          members_can_create_public_repositories: org.members_can_create_public_repositories,
        },
      },
    ];
  },
});

import type {} from '../../../src/collectors/github/data.js';
import { defineCheck } from '../../../src/engine/check.js';

export default defineCheck({
  id: 'github.owner-count',
  title: 'GitHub organization owners are few',
  provider: 'github',
  severity: 'medium',
  description:
    'Counts organization owners (members?role=admin) against a maximum (option maxOwners, default 3).',
  risk: 'Every owner can change security settings, delete repositories and add members; each extra owner widens that blast radius.',
  remediation:
    'Organization settings > People: change the role of members who do not need owner rights to Member. Keep at least two owners so the organization is never locked out.',
  requires: ['github.members'],
  options: {
    schema: { maxOwners: { type: 'integer', minimum: 1 } },
    defaults: { maxOwners: 3 },
  },
  evaluate({ 'github.members': members }, { maxOwners }) {
    const owners = members
      .filter((m) => m.role === 'admin')
      .map((m) => m.login)
      .sort();
    const ok = owners.length <= maxOwners;
    return [
      {
        resource: 'organization owners',
        status: ok ? 'pass' : 'fail',
        message: ok
          ? `${owners.length} owner(s), at most ${maxOwners} allowed`
          : `${owners.length} owners, more than the ${maxOwners} allowed: ${owners.join(', ')}`,
        details: { owners, maxOwners },
      },
    ];
  },
});

import type {} from '../../../src/collectors/github/data.js';
import { defineCheck } from '../../../src/engine/check.js';
import type { Finding } from '../../../src/engine/types.js';
import { matchesRepo, passOn } from '../shared.js';

export default defineCheck({
  id: 'github.public-repos',
  title: 'Public repositories are on the approved list',
  provider: 'github',
  severity: 'high',
  description:
    'Every public repository of the organization (archived ones included: their code is still public) is on the allow-list (option allowedPublic: names or owner/name, * wildcards).',
  risk: 'A repository made public by mistake discloses confidential code, configuration or customer data.',
  remediation:
    'Make the repository private (Settings > Danger Zone > Change visibility) and review what was exposed; if it is meant to be public, add it to allowedPublic in soc2.config.yaml.',
  requires: ['github.repos'],
  options: {
    schema: { allowedPublic: { type: 'array', items: { type: 'string', minLength: 1 } } },
    defaults: { allowedPublic: [] as string[] },
  },
  evaluate({ 'github.repos': repos }, { allowedPublic }) {
    const findings: Finding[] = repos
      .filter((r) => r.visibility === 'public')
      .map((r) =>
        matchesRepo(allowedPublic, r.full_name)
          ? passOn(r.full_name, 'public and on the approved list')
          : {
              resource: r.full_name,
              status: 'fail',
              message: `public repository not on the approved list${r.archived ? ' (archived)' : ''}`,
            },
      );
    return findings.length > 0
      ? findings
      : [passOn('repositories', `${repos.length} repositories, none public`)];
  },
});

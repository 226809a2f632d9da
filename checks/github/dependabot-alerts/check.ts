import type {} from '../../../src/collectors/github/data.js';
import { defineCheck } from '../../../src/engine/check.js';
import { perScope } from '../../../src/engine/scope.js';
import { passOn } from '../shared.js';

export default defineCheck({
  id: 'github.dependabot-alerts',
  title: 'Dependabot alerts are enabled',
  provider: 'github',
  severity: 'medium',
  description:
    'Every active repository has Dependabot (vulnerability) alerts enabled (GET /repos/{owner}/{repo}/vulnerability-alerts).',
  risk: 'Known-vulnerable dependencies stay in production code with nobody told.',
  remediation:
    'Organization settings > Code security: enable Dependabot alerts for all repositories and for new repositories.',
  requires: ['github.vulnerabilityAlerts'],
  evaluate({ 'github.vulnerabilityAlerts': repos }) {
    if (repos.length === 0) return [passOn('repositories', 'no active repositories')];
    return perScope(repos, 'Dependabot alerts setting', ({ repo, enabled }) => [
      enabled
        ? passOn(repo, 'Dependabot alerts are enabled')
        : { resource: repo, status: 'fail', message: 'Dependabot alerts are disabled' },
    ]);
  },
});

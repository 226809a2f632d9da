import type {} from '../../../src/collectors/github/data.js';
import { defineCheck } from '../../../src/engine/check.js';
import type { Finding } from '../../../src/engine/types.js';
import { passOn, settingsHidden } from '../shared.js';

export default defineCheck({
  id: 'github.secret-scanning',
  title: 'Secret scanning and push protection are enabled',
  provider: 'github',
  severity: 'high',
  description:
    'Every active repository has secret scanning and secret scanning push protection enabled (security_and_analysis).',
  risk: 'Credentials committed to a repository go unnoticed and stay usable; push protection stops most of them before they land.',
  remediation:
    'Organization settings > Code security > Configurations: apply a configuration with secret scanning and push protection to all repositories (private repositories need GitHub Secret Protection).',
  requires: ['github.securityAnalysis'],
  evaluate({ 'github.securityAnalysis': repos }) {
    const findings: Finding[] = repos.map(({ repo, security_and_analysis: sa }) => {
      if (!sa) return settingsHidden(repo, 'secret scanning');
      const scanning = sa.secret_scanning?.status === 'enabled';
      const push = sa.secret_scanning_push_protection?.status === 'enabled';
      const missing = [...(scanning ? [] : ['secret scanning']), ...(push ? [] : ['push protection'])];
      return missing.length === 0
        ? passOn(repo, 'secret scanning and push protection are enabled')
        : {
            resource: repo,
            status: 'fail',
            message: `${missing.join(' and ')} disabled`,
            details: { security_and_analysis: sa },
          };
    });
    return findings.length > 0 ? findings : [passOn('repositories', 'no active repositories')];
  },
});

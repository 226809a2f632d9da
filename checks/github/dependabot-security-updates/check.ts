import type {} from '../../../src/collectors/github/data.js';
import { defineCheck } from '../../../src/engine/check.js';
import type { Finding } from '../../../src/engine/types.js';
import { passOn, settingsHidden } from '../shared.js';

export default defineCheck({
  id: 'github.dependabot-security-updates',
  title: 'Dependabot security updates are enabled',
  provider: 'github',
  severity: 'medium',
  description:
    'Every active repository has Dependabot security updates enabled (security_and_analysis.dependabot_security_updates), so a vulnerable dependency gets a pull request that upgrades it as soon as an advisory is published.',
  risk: 'Vulnerability alerts without automatic fix pull requests pile up: the fix waits for someone to notice, research and upgrade by hand, and alerts outlive their SLA.',
  remediation:
    'Organization settings > Code security > Configurations: apply a configuration with Dependabot security updates to all repositories (or Repository settings > Code security > Dependabot security updates > Enable).',
  requires: ['github.securityAnalysis'],
  evaluate({ 'github.securityAnalysis': repos }) {
    const findings: Finding[] = repos.map(({ repo, security_and_analysis: sa }) => {
      if (!sa) return settingsHidden(repo, 'Dependabot security updates');
      const status = sa.dependabot_security_updates?.status ?? 'disabled';
      return status === 'enabled'
        ? passOn(repo, 'Dependabot security updates are enabled')
        : {
            resource: repo,
            status: 'fail',
            message: `Dependabot security updates are ${status}`,
            details: { dependabot_security_updates: sa.dependabot_security_updates ?? null },
          };
    });
    return findings.length > 0 ? findings : [passOn('repositories', 'no active repositories')];
  },
});

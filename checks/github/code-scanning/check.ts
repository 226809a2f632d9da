import type {} from '../../../src/collectors/github/data.js';
import { defineCheck } from '../../../src/engine/check.js';
import { perScope } from '../../../src/engine/scope.js';
import { passOn } from '../shared.js';

export default defineCheck({
  id: 'github.code-scanning',
  title: 'Code scanning runs where it is available',
  provider: 'github',
  severity: 'medium',
  description:
    'Every active repository where GitHub code scanning is available (public repositories, or private ones with GitHub Code Security) has default setup configured or uploads analyses (advanced setup or a third-party tool).',
  risk: "Injection flaws and other vulnerabilities in the company's own code reach production without an automated review.",
  remediation:
    'Repository settings > Code security > Code scanning: enable CodeQL default setup, or add an advanced setup workflow. At scale, apply a security configuration to the organization.',
  requires: ['github.codeScanningSetup'],
  evaluate({ 'github.codeScanningSetup': repos }) {
    if (repos.length === 0) return [passOn('repositories', 'no active repositories')];
    return perScope(repos, 'code scanning setup', (r) => {
      if (!r.available)
        return [passOn(r.repo, `code scanning is not available: ${r.reason ?? 'no GitHub Code Security'}`)];
      if (r.defaultSetup === 'configured') return [passOn(r.repo, 'CodeQL default setup is configured')];
      if (r.hasAnalyses) return [passOn(r.repo, 'code scanning analyses are uploaded')];
      return [{ resource: r.repo, status: 'fail', message: 'code scanning is available but not set up' }];
    });
  },
});

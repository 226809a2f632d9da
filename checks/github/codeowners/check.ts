import type {} from '../../../src/collectors/github/data.js';
import { defineCheck } from '../../../src/engine/check.js';
import { perScope } from '../../../src/engine/scope.js';
import { passOn } from '../shared.js';

export default defineCheck({
  id: 'github.codeowners',
  title: 'Active repositories have a CODEOWNERS file',
  provider: 'github',
  severity: 'low',
  description:
    'Every active repository has a CODEOWNERS file in .github/, the root or docs/ (where GitHub looks for it).',
  risk: 'Without code owners, nobody is accountable for reviewing changes to a given area, and "require review from code owners" cannot be enforced.',
  remediation:
    'Add .github/CODEOWNERS mapping paths to the responsible teams, and require code owner review in the branch ruleset.',
  requires: ['github.codeowners'],
  evaluate({ 'github.codeowners': repos }) {
    if (repos.length === 0) return [passOn('repositories', 'no active repositories')];
    return perScope(repos, 'CODEOWNERS', ({ repo, path }) => [
      path
        ? passOn(repo, `CODEOWNERS found at ${path}`)
        : { resource: repo, status: 'fail', message: 'no CODEOWNERS file' },
    ]);
  },
});

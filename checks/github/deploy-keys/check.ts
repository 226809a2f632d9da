import type {} from '../../../src/collectors/github/data.js';
import { defineCheck } from '../../../src/engine/check.js';
import type { Finding } from '../../../src/engine/types.js';
import { passOn, readRepos } from '../shared.js';

export default defineCheck({
  id: 'github.deploy-keys',
  title: 'Deploy keys are read-only',
  provider: 'github',
  severity: 'medium',
  description: 'Flags deploy keys with write access (read_only false) on active repositories.',
  risk: 'A write deploy key is an SSH credential tied to no person that can push to the repository, bypassing 2FA, SSO and offboarding.',
  remediation:
    'Replace the key with a read-only deploy key, or with a GitHub App or a fine-grained token scoped to the job. Record an exception if a write key is truly required.',
  requires: ['github.deployKeys'],
  evaluate({ 'github.deployKeys': repos }) {
    const { read, notRead } = readRepos(repos, 'deploy keys');
    const findings: Finding[] = [];
    let total = 0;
    for (const { repo, keys } of read) {
      for (const key of keys) {
        total += 1;
        if (!key.read_only) {
          findings.push({
            resource: `${repo}: deploy key ${key.id} (${key.title})`,
            status: 'fail',
            message: `deploy key "${key.title}" on ${repo} has write access`,
            details: { created_at: key.created_at, last_used: key.last_used },
          });
        }
      }
    }
    if (findings.length === 0) findings.push(passOn('deploy keys', `${total} deploy key(s), all read-only`));
    return [...findings, ...notRead];
  },
});

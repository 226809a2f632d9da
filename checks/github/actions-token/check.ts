import type {} from '../../../src/collectors/github/data.js';
import { readRepos } from '../shared.js';
import { defineCheck } from '../../../src/engine/check.js';
import type { Finding } from '../../../src/engine/types.js';

export default defineCheck({
  id: 'github.actions-token',
  title: 'GitHub Actions workflow token is read-only by default',
  provider: 'github',
  severity: 'medium',
  description:
    "The organization's and each active repository's default GITHUB_TOKEN permission (default_workflow_permissions) is read; workflows that need more ask for it in their permissions block.",
  risk: 'With a write token by default, any compromised action or dependency in any workflow can push code, create releases or change settings.',
  remediation:
    'Organization settings > Actions > General > Workflow permissions: "Read repository contents and packages permissions"; set the same in repositories that override it, and add explicit `permissions:` to workflows that need write.',
  requires: ['github.actionsPermissions'],
  evaluate({ 'github.actionsPermissions': perms }, _options, { organization }) {
    const orgRead = perms.org.default_workflow_permissions === 'read';
    const findings: Finding[] = [
      {
        resource: `organization (${organization})`,
        status: orgRead ? 'pass' : 'fail',
        message: `organization default workflow token permission is ${perms.org.default_workflow_permissions}`,
      },
    ];
    const { read, notChecked } = readRepos(perms.repos, 'workflow token permissions');
    findings.push(...notChecked);
    for (const { repo, permissions } of read) {
      const read = permissions.default_workflow_permissions === 'read';
      findings.push({
        resource: repo,
        status: read ? 'pass' : 'fail',
        message: `default workflow token permission is ${permissions.default_workflow_permissions}`,
      });
    }
    return findings;
  },
});

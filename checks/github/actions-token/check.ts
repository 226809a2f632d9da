import type {} from '../../../src/collectors/github/data.js';
import { defineCheck } from '../../../src/engine/check.js';
import { perScope } from '../../../src/engine/scope.js';

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
    const what = 'default workflow token permission';
    return [
      ...perScope(
        [perms.org],
        what,
        (org) => [
          {
            resource: `organization (${organization})`,
            status: org.default_workflow_permissions === 'read' ? 'pass' : 'fail',
            message: `organization default workflow token permission is ${org.default_workflow_permissions}`,
          },
        ],
        () => `organization (${organization})`,
      ),
      ...perScope(perms.repos, what, ({ repo, permissions }) => [
        {
          resource: repo,
          status: permissions.default_workflow_permissions === 'read' ? 'pass' : 'fail',
          message: `default workflow token permission is ${permissions.default_workflow_permissions}`,
        },
      ]),
    ];
  },
});

import { defineCheck, perScope, type Finding } from '../../../src/sdk/index.js';

export default defineCheck({
  id: 'okta.deprovisioned-app-access',
  title: 'No deprovisioned Okta user is still assigned to an active app',
  provider: 'okta',
  severity: 'high',
  description:
    'Reads the user assignments of every ACTIVE app and fails each assignment of a DEPROVISIONED user, ' +
    'direct or through a group.',
  risk:
    'An app assignment left behind keeps the account in the app provisioned (or re-provisions it when the ' +
    'user is reactivated), and apps with their own passwords or tokens still let the leaver in.',
  remediation:
    'Remove the listed assignments (Applications > the app > Assignments) and the leaver from the groups ' +
    'that assign the app; make sure deprovisioning in each app is turned on.',
  requires: ['okta.users', 'okta.apps'],
  evaluate(data) {
    const users = new Map(data['okta.users'].map((u) => [u.id, u]));
    const findings = perScope(data['okta.apps'], 'app assignments', (app): Finding[] => {
      const leftovers = app.assignments
        .map((a) => ({ assignment: a, user: users.get(a.userId) }))
        .filter(({ user }) => user?.status === 'DEPROVISIONED');
      if (leftovers.length === 0)
        return [
          {
            resource: `okta:app/${app.label}`,
            status: 'pass',
            message: `${app.label}: none of its ${app.assignments.length} assigned users is deprovisioned`,
          },
        ];
      return leftovers.map(({ assignment, user }) => ({
        resource: `okta:app/${app.label}/${user!.login}`,
        status: 'fail',
        message: `${app.label} is still assigned to deprovisioned user ${user!.login} (${assignment.scope === 'GROUP' ? 'through a group' : 'directly'})`,
        details: {
          app: app.label,
          appId: app.id,
          user: user!.login,
          scope: assignment.scope,
          deprovisioned: user!.statusChanged,
        },
      }));
    });
    return findings.length > 0
      ? findings
      : [{ resource: 'okta:apps', status: 'pass', message: 'no active apps' }];
  },
});

import { defineCheck } from '../../../src/engine/check.js';
import type { Finding } from '../../../src/engine/types.js';
import { adminRolesByUser, roleGroupsNotRead } from '../helpers.js';

export default defineCheck({
  id: 'google.suspended-admins',
  title: 'Suspended Google Workspace users hold no admin roles',
  provider: 'google',
  severity: 'medium',
  description:
    'Fails each suspended or archived user who still holds an admin role (super admin, delegated admin or ' +
    'a direct role assignment).',
  risk:
    'Unsuspending the account, by mistake or by a compromised admin, instantly restores its privileges; ' +
    'leftover roles also make access reviews misleading.',
  remediation:
    'Remove the admin role assignments of the listed users (Admin console > Account > Admin roles > ' +
    'Admins), then keep them suspended or delete them per the offboarding procedure.',
  requires: ['google.users', 'google.roles', 'google.roleAssignments'],
  evaluate(data, _options, { organization }) {
    const users = data['google.users'];
    const roles = adminRolesByUser(users, data['google.roles'], data['google.roleAssignments']);
    const notRead = roleGroupsNotRead(data['google.roles'], data['google.roleAssignments']);
    const held = users.filter((u) => (u.suspended || u.archived) && roles.has(u.id));
    if (held.length === 0 && notRead.length === 0)
      return [
        {
          resource: organization,
          status: 'pass',
          message: 'No suspended or archived user holds an admin role',
        },
      ];
    const findings = held.map((u): Finding => ({
      resource: u.primaryEmail,
      status: 'fail',
      message: `${u.suspended ? 'Suspended' : 'Archived'} user still holds ${roles.get(u.id)!.join(', ')}`,
      details: {
        roles: roles.get(u.id),
        suspended: u.suspended,
        archived: u.archived,
        suspensionReason: u.suspensionReason,
      },
    }));
    return [...findings, ...notRead];
  },
});

import { defineCheck } from '../../../src/engine/check.js';
import type { Finding } from '../../../src/engine/types.js';

export default defineCheck({
  id: 'google.service-account-admins',
  title: 'Google Workspace admin roles held by service accounts are reviewed',
  provider: 'google',
  severity: 'high',
  description:
    'Finds admin role assignments (Directory API roleAssignments.list) whose assignee is neither a user ' +
    'nor a group of the directory: Google assigns admin roles to service accounts by their IAM uniqueId. ' +
    'Each one fails until it is listed in `approvedServiceAccounts` (uniqueId), since its key acts as an ' +
    'administrator without any second factor.',
  risk:
    'A service account key with an admin role is a password-only administrator: anyone holding the key ' +
    'file can create users, reset passwords or read data, with no 2-Step Verification and often no owner.',
  remediation:
    'Remove roles the service account does not need, prefer narrow custom roles, keep its keys in a secret ' +
    'manager with rotation (or use keyless workload identity), and add reviewed accounts to ' +
    'approvedServiceAccounts.',
  requires: ['google.users', 'google.roles', 'google.roleAssignments'],
  options: {
    schema: { approvedServiceAccounts: { type: 'array', items: { type: 'string', minLength: 1 } } },
    defaults: { approvedServiceAccounts: [] as string[] },
  },
  evaluate(data, { approvedServiceAccounts }, { organization }) {
    const userIds = new Set(data['google.users'].map((u) => u.id));
    const roleName = new Map(data['google.roles'].map((r) => [r.roleId, r.roleName]));
    const held = new Map<string, string[]>();
    for (const a of data['google.roleAssignments']) {
      if (a.assigneeType !== 'user' || a.viaGroup || userIds.has(a.assignedTo)) continue;
      held.set(a.assignedTo, [
        ...(held.get(a.assignedTo) ?? []),
        roleName.get(a.roleId) || `role ${a.roleId}`,
      ]);
    }
    if (held.size === 0)
      return [
        { resource: organization, status: 'pass', message: 'No admin role is held by a service account' },
      ];
    return [...held]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, roles]): Finding => {
        const resource = `service-account:${id}`;
        const details = { uniqueId: id, roles: roles.sort() };
        return approvedServiceAccounts.includes(id)
          ? {
              resource,
              status: 'pass',
              message: `Approved service account holds ${roles.join(', ')}`,
              details,
            }
          : {
              resource,
              status: 'fail',
              message: `Service account (not a directory user) holds ${roles.join(', ')}`,
              details,
            };
      });
  },
});

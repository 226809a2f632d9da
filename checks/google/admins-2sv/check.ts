import { defineCheck } from '../../../src/engine/check.js';
import type { Finding } from '../../../src/engine/types.js';
import {
  activeUsers,
  adminRolesByUser,
  coveredBySso,
  roleGroupsNotRead,
  ssoCaveat,
  ssoCoverage,
  ssoGroupsNotRead,
} from '../helpers.js';

export default defineCheck({
  id: 'google.admins-2sv',
  title: 'Every Google Workspace administrator is enrolled in 2-Step Verification',
  provider: 'google',
  severity: 'critical',
  description:
    'Finds every active user holding an admin role (super admin, delegated admin, or a direct role ' +
    'assignment) and fails those whose isEnrolledIn2Sv is false. Delegated admins who sign in through a ' +
    'third-party identity provider (Cloud Identity inbound SSO assignment) are reported as covered by SSO; ' +
    'super admins are always judged, since Google does not send them to the identity provider.',
  risk:
    'An administrator account without a second factor lets whoever phishes its password create users, ' +
    'reset passwords, read mail and turn off security settings for the whole organization.',
  remediation:
    'Enroll the listed administrators in 2-Step Verification now, preferably with security keys, and ' +
    'enforce it for the admins organizational unit or group.',
  requires: ['google.users', 'google.roles', 'google.roleAssignments', 'google.sso'],
  evaluate(data, _options, { organization }) {
    const users = data['google.users'];
    const roles = adminRolesByUser(users, data['google.roles'], data['google.roleAssignments']);
    const sso = data['google.sso'];
    const notRead = [
      ...roleGroupsNotRead(data['google.roles'], data['google.roleAssignments']),
      ...ssoGroupsNotRead(sso),
    ];
    const admins = activeUsers(users).filter((u) => roles.has(u.id));
    const covered = ssoCoverage(admins, sso);
    if (admins.length === 0 && notRead.length === 0)
      return [{ resource: organization, status: 'pass', message: 'No active administrators found' }];
    const findings = admins.map((u): Finding => {
      const details = { roles: roles.get(u.id) ?? [] };
      const viaSso = covered.get(u.id);
      if (viaSso) return coveredBySso(u, viaSso);
      return u.isEnrolledIn2Sv
        ? {
            resource: u.primaryEmail,
            status: 'pass',
            message: 'Administrator enrolled in 2-Step Verification',
            details,
          }
        : {
            resource: u.primaryEmail,
            status: 'fail',
            message: `Administrator (${details.roles.join(', ')}) not enrolled in 2-Step Verification${ssoCaveat(sso)}`,
            details,
          };
    });
    return [...findings, ...notRead];
  },
});

import { defineCheck, notChecked, type Finding } from '../../../src/sdk/index.js';
import { factorsByLogin, plural, secondFactors } from '../users.js';

export default defineCheck({
  id: 'okta.super-admins',
  title: 'Okta super administrators are few and all have a second factor',
  provider: 'okta',
  severity: 'high',
  description:
    'Counts the users holding the SUPER_ADMIN role (directly or through a group) who are not DEPROVISIONED ' +
    'or SUSPENDED, fails when the count is below `min` (default 2) or above `max` (default 4), and fails ' +
    'each super administrator without an active second factor (not a security question or email).',
  risk:
    'A super administrator can change every policy and impersonate every user: many of them widen the blast ' +
    'radius of one stolen account, a single one is a single point of failure, and one without MFA is one ' +
    'phished password away from the whole org.',
  remediation:
    'Give day-to-day administrators narrower roles (Security > Administrators), keep two to four super ' +
    'administrators, and have each enroll Okta Verify or a security key.',
  requires: ['okta.admins', 'okta.users', 'okta.factors'],
  options: {
    schema: {
      min: { type: 'integer', minimum: 0 },
      max: { type: 'integer', minimum: 1 },
      ignoreFactorTypes: { type: 'array', items: { type: 'string', minLength: 1 } },
    },
    defaults: { min: 2, max: 4, ignoreFactorTypes: ['question', 'email'] as string[] },
  },
  evaluate(data, { min, max, ignoreFactorTypes }, { organization }) {
    const users = new Map(data['okta.users'].map((u) => [u.id, u]));
    const superAdmins = data['okta.admins']
      .filter((a) => a.roles.some((r) => r.type === 'SUPER_ADMIN' && r.status !== 'INACTIVE'))
      .map((a) => ({ admin: a, user: users.get(a.userId) }))
      .filter(({ user }) => user?.status !== 'DEPROVISIONED' && user?.status !== 'SUSPENDED');
    const logins = superAdmins.map(({ admin, user }) => user?.login ?? admin.userId).sort();
    const count = logins.length;
    const details = { count, min, max, superAdmins: logins };
    const findings: Finding[] = [
      count < min
        ? {
            resource: organization,
            status: 'fail',
            message: `${plural(count, 'Okta super admin')}, fewer than the minimum of ${min}`,
            details,
          }
        : count > max
          ? {
              resource: organization,
              status: 'fail',
              message: `${plural(count, 'Okta super admin')}, more than the maximum of ${max}`,
              details,
            }
          : {
              resource: organization,
              status: 'pass',
              message: `${plural(count, 'Okta super admin')} (${min}-${max} allowed)`,
              details,
            },
    ];
    const factors = factorsByLogin(data['okta.factors']);
    for (const { admin, user } of superAdmins) {
      const login = user?.login ?? admin.userId;
      const read = user ? factors.get(user.login) : undefined;
      if (!read || read.status === 'error') {
        findings.push(
          notChecked(
            login,
            read?.status === 'error' ? read.cause : { kind: 'other', message: 'factors were not collected' },
            'super admin factors',
          ),
        );
        continue;
      }
      const strong = secondFactors(read.value, ignoreFactorTypes);
      findings.push(
        strong.length > 0
          ? {
              resource: login,
              status: 'pass',
              message: `super admin ${login} has ${strong.map((f) => f.factorType).join(', ')} enrolled`,
            }
          : {
              resource: login,
              status: 'fail',
              message: `super admin ${login} has no second factor enrolled`,
            },
      );
    }
    return findings;
  },
});

import { defineCheck } from '../../../src/engine/check.js';
import { activeUsers, plural } from '../helpers.js';

interface Options {
  min: number;
  max: number;
}

export default defineCheck<'google.users', Options>({
  id: 'google.super-admin-count',
  title: 'The number of Google Workspace super admins is within range',
  provider: 'google',
  severity: 'medium',
  description:
    'Counts active users with super administrator privileges (isAdmin) and fails when the count is below ' +
    '`min` (default 2) or above `max` (default 4).',
  risk:
    'Too many super admins widens the blast radius of one stolen account; a single super admin is a single ' +
    'point of failure when that person is away or leaves.',
  remediation:
    'Give day-to-day administrators delegated roles with only the privileges they need (Admin console > ' +
    'Account > Admin roles) and keep two to four break-glass super admins with security keys.',
  requires: ['google.users'],
  options: {
    schema: {
      min: { type: 'integer', minimum: 0 },
      max: { type: 'integer', minimum: 1 },
    },
    defaults: { min: 2, max: 4 },
  },
  evaluate({ 'google.users': users }, { min, max }, { organization }) {
    const admins = activeUsers(users)
      .filter((u) => u.isAdmin)
      .map((u) => u.primaryEmail)
      .sort();
    const count = admins.length;
    const details = { count, min, max, superAdmins: admins };
    if (count < min)
      return [
        {
          resource: organization,
          status: 'fail',
          message: `${plural(count, 'super admin')}, fewer than the minimum of ${min}`,
          details,
        },
      ];
    if (count > max)
      return [
        {
          resource: organization,
          status: 'fail',
          message: `${plural(count, 'super admin')}, more than the maximum of ${max}`,
          details,
        },
      ];
    return [
      {
        resource: organization,
        status: 'pass',
        message: `${plural(count, 'super admin')} (${min}-${max} allowed)`,
        details,
      },
    ];
  },
});

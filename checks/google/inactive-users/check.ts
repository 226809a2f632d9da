import { defineCheck } from '../../../src/engine/check.js';
import { daysSince } from '../../../src/engine/days.js';
import { activeUsers, EXEMPT_ORG_UNITS_SCHEMA, exemptUnit, neverSignedIn } from '../helpers.js';

interface Options {
  maxInactiveDays: number;
  exemptOrgUnits: string[];
}

export default defineCheck<'google.users', Options>({
  id: 'google.inactive-users',
  title: 'Active Google Workspace users have signed in recently',
  provider: 'google',
  severity: 'medium',
  description:
    'Fails each active (not suspended, not archived) user whose last sign-in is more than `maxInactiveDays` ' +
    '(default 90) before the data was collected. Users in `exemptOrgUnits` (org unit paths, sub-units included) are not judged. Accounts that never signed in are left to ' +
    'google.never-signed-in.',
  risk:
    'Dormant accounts usually belong to people who left or changed roles; nobody notices when they are ' +
    'taken over, and they keep access to mail and shared files.',
  remediation:
    'Confirm with the manager or HR whether each listed person still needs the account; suspend the ' +
    'account (and transfer its data) when they do not.',
  requires: ['google.users'],
  options: {
    schema: { ...EXEMPT_ORG_UNITS_SCHEMA, maxInactiveDays: { type: 'integer', minimum: 1 } },
    defaults: { exemptOrgUnits: [], maxInactiveDays: 90 },
  },
  evaluate({ 'google.users': users }, { maxInactiveDays, exemptOrgUnits }, { now, organization }) {
    const signedIn = activeUsers(users)
      .filter((u) => !exemptUnit(u, exemptOrgUnits))
      .filter((u) => !neverSignedIn(u));
    if (signedIn.length === 0)
      return [
        { resource: organization, status: 'pass', message: 'No active users with a sign-in to review' },
      ];
    return signedIn.map((u) => {
      const days = daysSince(u.lastLoginTime!, now);
      const details = { lastLoginTime: u.lastLoginTime, daysSinceLastLogin: days, maxInactiveDays };
      return days > maxInactiveDays
        ? {
            resource: u.primaryEmail,
            status: 'fail',
            message: `Last signed in ${days} days ago (limit ${maxInactiveDays})`,
            details,
          }
        : { resource: u.primaryEmail, status: 'pass', message: `Last signed in ${days} days ago`, details };
    });
  },
});

import { defineCheck } from '../../../src/engine/check.js';
import { daysSince } from '../../../src/engine/days.js';
import { activeUsers, EXEMPT_ORG_UNITS_SCHEMA, exemptUnit, neverSignedIn } from '../helpers.js';

interface Options {
  graceDays: number;
  exemptOrgUnits: string[];
}

export default defineCheck<'google.users', Options>({
  id: 'google.never-signed-in',
  title: 'No Google Workspace account stays unused long after creation',
  provider: 'google',
  severity: 'low',
  description:
    'Fails each active (not suspended, not archived) user who has never signed in and was created more ' +
    'than `graceDays` (default 30) before the data was collected. Users in `exemptOrgUnits` (org unit paths, sub-units included) are not judged.',
  risk:
    'An account created but never used often has a temporary password someone else knows, no 2-Step ' +
    'Verification yet, and no owner watching it.',
  remediation:
    'Find out why the account was created; suspend or delete it if nobody needs it, otherwise have its ' +
    'owner sign in, change the password and enroll in 2-Step Verification.',
  requires: ['google.users'],
  options: {
    schema: { ...EXEMPT_ORG_UNITS_SCHEMA, graceDays: { type: 'integer', minimum: 0 } },
    defaults: { exemptOrgUnits: [], graceDays: 30 },
  },
  evaluate({ 'google.users': users }, { graceDays, exemptOrgUnits }, { now, organization }) {
    const never = activeUsers(users)
      .filter((u) => !exemptUnit(u, exemptOrgUnits))
      .filter(neverSignedIn);
    if (never.length === 0)
      return [
        { resource: organization, status: 'pass', message: 'Every active user has signed in at least once' },
      ];
    return never.map((u) => {
      const age = daysSince(u.creationTime, now);
      const details = { creationTime: u.creationTime, ageDays: age, graceDays };
      return age > graceDays
        ? {
            resource: u.primaryEmail,
            status: 'fail',
            message: `Never signed in, created ${age} days ago (limit ${graceDays})`,
            details,
          }
        : {
            resource: u.primaryEmail,
            status: 'pass',
            message: `Never signed in, created ${age} days ago (within ${graceDays})`,
            details,
          };
    });
  },
});

import { defineCheck } from '../../../src/engine/check.js';
import { activeUsers } from '../helpers.js';

export default defineCheck({
  id: 'google.users-2sv-enforced',
  title: '2-Step Verification is enforced for every active Google Workspace user',
  provider: 'google',
  severity: 'medium',
  description:
    'Fails each active (not suspended, not archived) user whose isEnforcedIn2Sv is false: the organizational ' +
    'unit or group the user belongs to does not enforce 2-Step Verification.',
  risk:
    'Without enforcement, enrollment is optional: new hires can skip it and users can turn it off, so the ' +
    'control depends on each person instead of the policy.',
  remediation:
    'In the Admin console, Security > Authentication > 2-Step Verification, turn on Enforcement for the ' +
    'organizational units (or groups) of the listed users, with a short new-user enrollment period.',
  requires: ['google.users'],
  evaluate({ 'google.users': users }, _options, { organization }) {
    const active = activeUsers(users);
    if (active.length === 0)
      return [{ resource: organization, status: 'pass', message: 'No active Google Workspace users' }];
    return active.map((u) =>
      u.isEnforcedIn2Sv
        ? { resource: u.primaryEmail, status: 'pass', message: '2-Step Verification is enforced' }
        : {
            resource: u.primaryEmail,
            status: 'fail',
            message: `2-Step Verification is not enforced for ${u.orgUnitPath}`,
            details: { orgUnitPath: u.orgUnitPath, isEnrolledIn2Sv: u.isEnrolledIn2Sv },
          },
    );
  },
});

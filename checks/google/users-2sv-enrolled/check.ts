import { defineCheck } from '../../../src/engine/check.js';
import { activeUsers } from '../helpers.js';

export default defineCheck({
  id: 'google.users-2sv-enrolled',
  title: 'Every active Google Workspace user is enrolled in 2-Step Verification',
  provider: 'google',
  severity: 'high',
  description:
    'Reads every user from the Admin SDK Directory API and fails each active (not suspended, not archived) ' +
    'user whose isEnrolledIn2Sv is false.',
  risk:
    'A Workspace account protected by a password alone falls to phishing or password reuse, and it opens ' +
    'mail, Drive and every app that signs in with Google.',
  remediation:
    'Ask the listed users to enroll in 2-Step Verification (myaccount.google.com/security), then enforce it ' +
    'in the Admin console: Security > Authentication > 2-Step Verification.',
  requires: ['google.users'],
  evaluate({ 'google.users': users }, _options, { organization }) {
    const active = activeUsers(users);
    if (active.length === 0)
      return [{ resource: organization, status: 'pass', message: 'No active Google Workspace users' }];
    return active.map((u) =>
      u.isEnrolledIn2Sv
        ? { resource: u.primaryEmail, status: 'pass', message: 'Enrolled in 2-Step Verification' }
        : {
            resource: u.primaryEmail,
            status: 'fail',
            message: 'Not enrolled in 2-Step Verification',
            details: { orgUnitPath: u.orgUnitPath, isEnforcedIn2Sv: u.isEnforcedIn2Sv },
          },
    );
  },
});

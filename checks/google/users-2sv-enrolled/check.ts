import { defineCheck } from '../../../src/engine/check.js';
import type { Finding } from '../../../src/engine/types.js';
import { activeUsersTwoStep, EXEMPT_ORG_UNITS_SCHEMA, ssoCaveat } from '../helpers.js';

interface Options {
  exemptOrgUnits: string[];
}

export default defineCheck<'google.users' | 'google.sso', Options>({
  id: 'google.users-2sv-enrolled',
  title: 'Every active Google Workspace user is enrolled in 2-Step Verification',
  provider: 'google',
  severity: 'high',
  description:
    'Reads every user from the Admin SDK Directory API and fails each active (not suspended, not archived) ' +
    'user whose isEnrolledIn2Sv is false. Users who sign in through a third-party identity provider (a ' +
    'Cloud Identity inbound SSO assignment of their org unit or group) are reported as covered by SSO, not ' +
    'judged on 2SV, which Google does not apply to them; super admins are always judged. Users in ' +
    '`exemptOrgUnits` (org unit paths, sub-units included) are not judged.',
  risk:
    'A Workspace account protected by a password alone falls to phishing or password reuse, and it opens ' +
    'mail, Drive and every app that signs in with Google.',
  remediation:
    'Ask the listed users to enroll in 2-Step Verification (myaccount.google.com/security), then enforce it ' +
    'in the Admin console: Security > Authentication > 2-Step Verification. For users signing in through ' +
    'SSO, enforce MFA at the identity provider.',
  requires: ['google.users', 'google.sso'],
  options: { schema: EXEMPT_ORG_UNITS_SCHEMA, defaults: { exemptOrgUnits: [] } },
  evaluate({ 'google.users': users, 'google.sso': sso }, { exemptOrgUnits }, { organization }) {
    return activeUsersTwoStep(users, sso, exemptOrgUnits, organization, (u): Finding =>
      u.isEnrolledIn2Sv
        ? { resource: u.primaryEmail, status: 'pass', message: 'Enrolled in 2-Step Verification' }
        : {
            resource: u.primaryEmail,
            status: 'fail',
            message: `Not enrolled in 2-Step Verification${ssoCaveat(sso)}`,
            details: { orgUnitPath: u.orgUnitPath, isEnforcedIn2Sv: u.isEnforcedIn2Sv },
          },
    );
  },
});

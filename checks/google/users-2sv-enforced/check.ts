import { defineCheck } from '../../../src/engine/check.js';
import type { Finding } from '../../../src/engine/types.js';
import { activeUsersTwoStep, EXEMPT_ORG_UNITS_SCHEMA, ssoCaveat } from '../helpers.js';

interface Options {
  exemptOrgUnits: string[];
}

export default defineCheck<'google.users' | 'google.sso', Options>({
  id: 'google.users-2sv-enforced',
  title: '2-Step Verification is enforced for every active Google Workspace user',
  provider: 'google',
  severity: 'medium',
  description:
    'Fails each active (not suspended, not archived) user whose isEnforcedIn2Sv is false: the organizational ' +
    'unit or group the user belongs to does not enforce 2-Step Verification. Users who sign in through a ' +
    'third-party identity provider (Cloud Identity inbound SSO assignment) are reported as covered by SSO ' +
    'instead; super admins are always judged. Users in `exemptOrgUnits` are not judged.',
  risk:
    'Without enforcement, enrollment is optional: new hires can skip it and users can turn it off, so the ' +
    'control depends on each person instead of the policy.',
  remediation:
    'In the Admin console, Security > Authentication > 2-Step Verification, turn on Enforcement for the ' +
    'organizational units (or groups) of the listed users, with a short new-user enrollment period.',
  requires: ['google.users', 'google.sso'],
  options: { schema: EXEMPT_ORG_UNITS_SCHEMA, defaults: { exemptOrgUnits: [] } },
  evaluate({ 'google.users': users, 'google.sso': sso }, { exemptOrgUnits }, { organization }) {
    return activeUsersTwoStep(users, sso, exemptOrgUnits, organization, (u): Finding =>
      u.isEnforcedIn2Sv
        ? { resource: u.primaryEmail, status: 'pass', message: '2-Step Verification is enforced' }
        : {
            resource: u.primaryEmail,
            status: 'fail',
            message: `2-Step Verification is not enforced for ${u.orgUnitPath}${ssoCaveat(sso)}`,
            details: { orgUnitPath: u.orgUnitPath, isEnrolledIn2Sv: u.isEnrolledIn2Sv },
          },
    );
  },
});

import { definePlugin } from '../../src/sdk/index.js';
import deprovisionedAppAccess from './checks/deprovisioned-app-access.js';
import dormantUsers from './checks/dormant-users.js';
import mfaEnrolled from './checks/mfa-enrolled.js';
import mfaEnrollment from './checks/mfa-enrollment.js';
import mfaRequired from './checks/mfa-required.js';
import offboarding from './checks/offboarding.js';
import orphans from './checks/orphans.js';
import passwordPolicy from './checks/password-policy.js';
import superAdmins from './checks/super-admins.js';
// The data keys' types: declares okta.* in the SDK's DataMap for the checks above.
import './data.js';
import provider from './provider.js';

export default definePlugin({
  id: 'okta',
  providers: [provider],
  checks: [
    deprovisionedAppAccess,
    dormantUsers,
    mfaEnrolled,
    mfaEnrollment,
    mfaRequired,
    offboarding,
    orphans,
    passwordPolicy,
    superAdmins,
  ],
  controls: new URL('./controls/', import.meta.url),
});

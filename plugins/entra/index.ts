import { definePlugin } from '../../src/sdk/index.js';
import dormantAccounts from './checks/dormant-accounts.js';
import globalAdmins from './checks/global-admins.js';
import legacyAuthBlocked from './checks/legacy-auth-blocked.js';
import mfaRegistered from './checks/mfa-registered.js';
import mfaRequired from './checks/mfa-required.js';
import neverSignedIn from './checks/never-signed-in.js';
import offboarding from './checks/offboarding.js';
import orphans from './checks/orphans.js';
import staleGuests from './checks/stale-guests.js';
import provider from './provider.js';
import './data.js';

/** Microsoft Entra ID (Microsoft Graph v1.0, read-only application permissions); see docs/entra.md. */
export default definePlugin({
  id: 'entra',
  providers: [provider],
  checks: [
    dormantAccounts,
    globalAdmins,
    legacyAuthBlocked,
    mfaRegistered,
    mfaRequired,
    neverSignedIn,
    offboarding,
    orphans,
    staleGuests,
  ],
  controls: new URL('./controls/', import.meta.url),
});

import type { AnyCheck } from '../../src/engine/check.js';
import admins2sv from './admins-2sv/check.js';
import externalGroupMembers from './external-group-members/check.js';
import inactiveUsers from './inactive-users/check.js';
import neverSignedIn from './never-signed-in/check.js';
import superAdminCount from './super-admin-count/check.js';
import suspendedAdmins from './suspended-admins/check.js';
import suspiciousLogins from './suspicious-logins/check.js';
import thirdPartyAppScopes from './third-party-app-scopes/check.js';
import users2svEnforced from './users-2sv-enforced/check.js';
import users2svEnrolled from './users-2sv-enrolled/check.js';

export const googleChecks: AnyCheck[] = [
  users2svEnrolled,
  users2svEnforced,
  superAdminCount,
  admins2sv,
  suspendedAdmins,
  inactiveUsers,
  neverSignedIn,
  thirdPartyAppScopes,
  externalGroupMembers,
  suspiciousLogins,
];

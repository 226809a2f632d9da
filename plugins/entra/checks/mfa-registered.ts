import { defineCheck, notChecked, type Finding } from '../../../src/sdk/index.js';
import { enabledMembers, userResource } from './helpers.js';

export default defineCheck({
  id: 'entra.mfa-registered',
  title: 'Every enabled Entra ID member has registered MFA',
  provider: 'entra',
  severity: 'high',
  description:
    'Every enabled member account (not guests, whose MFA belongs to their home tenant) has registered a multifactor authentication method, according to the authentication methods registration report (userRegistrationDetails.isMfaRegistered).',
  risk: 'An account without a registered second factor signs in with a password alone, or lets whoever holds the password register their own method when MFA is first required.',
  remediation:
    'Have each listed user register Microsoft Authenticator or a FIDO2 key (https://aka.ms/mysecurityinfo), or run an MFA registration campaign; disable accounts nobody uses.',
  requires: ['entra.users', 'entra.registration'],
  evaluate(data) {
    const registration = new Map(data['entra.registration'].map((r) => [r.id, r]));
    const members = enabledMembers(data['entra.users']);
    if (members.length === 0)
      return [{ resource: 'entra:directory', status: 'pass', message: 'no enabled member accounts' }];
    return members.map((user): Finding => {
      const row = registration.get(user.id);
      const resource = userResource(user);
      if (!row)
        return notChecked(
          resource,
          { kind: 'not_found', message: 'the user has no row in the registration details report yet' },
          'MFA registration',
        );
      const details = { methodsRegistered: row.methodsRegistered, isAdmin: row.isAdmin };
      return row.isMfaRegistered
        ? {
            resource,
            status: 'pass',
            message: `${user.userPrincipalName} registered MFA (${row.methodsRegistered.join(', ')})`,
            details,
          }
        : {
            resource,
            status: 'fail',
            message: `${user.userPrincipalName} has not registered MFA${row.methodsRegistered.length ? ` (only ${row.methodsRegistered.join(', ')})` : ''}`,
            details,
          };
    });
  },
});

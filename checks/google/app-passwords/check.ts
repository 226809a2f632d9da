import { defineCheck } from '../../../src/engine/check.js';
import { perScope } from '../../../src/engine/scope.js';
import type { Finding } from '../../../src/engine/types.js';
import { plural } from '../helpers.js';

export default defineCheck<'google.appPasswords'>({
  id: 'google.app-passwords',
  title: 'No Google Workspace user holds app passwords',
  provider: 'google',
  severity: 'high',
  description:
    "Reads every active user's application-specific passwords (Directory API asps.list) and fails each user " +
    'holding one, with its name, creation and last use. A user whose app passwords could not be read is ' +
    'reported as not checked.',
  risk:
    'An app password signs in to the account without 2-Step Verification and survives a password change ' +
    'in many clients: whoever has it keeps mail and calendar access that 2SV was meant to stop.',
  remediation:
    'Revoke the listed app passwords (Admin console > Users > user > Security > App passwords, or ' +
    'asps.delete), move the clients to OAuth, and consider blocking app passwords with Advanced Protection ' +
    'or security-key enforcement.',
  requires: ['google.appPasswords'],
  evaluate({ 'google.appPasswords': perUser }, _options, { organization }) {
    if (perUser.length === 0)
      return [{ resource: organization, status: 'pass', message: 'No active users to check' }];
    return perScope(perUser, 'App passwords', (asps, resource): Finding[] => {
      if (asps.length === 0) return [{ resource, status: 'pass', message: 'No app passwords' }];
      const names = asps.map(
        (a) =>
          `${a.name || `#${a.codeId}`}${a.lastTimeUsed ? ` (last used ${a.lastTimeUsed.slice(0, 10)})` : ' (never used)'}`,
      );
      return [
        {
          resource,
          status: 'fail',
          message: `${plural(asps.length, 'app password')}, which sign in without 2-Step Verification: ${names.join(', ')}`,
          details: { appPasswords: asps.map(({ user: _user, ...a }) => a) },
        },
      ];
    });
  },
});

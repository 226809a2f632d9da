import { defineCheck, type Finding } from '../../../src/sdk/index.js';
import { activePolicies, passwordSettings } from '../policies.js';

export default defineCheck({
  id: 'okta.password-policy',
  title: 'Okta password policies set a strong minimum',
  provider: 'okta',
  severity: 'medium',
  description:
    'For each ACTIVE password policy for Okta-mastered users: the minimum length is at least `minLength` ' +
    '(default 12), common passwords are rejected, the account locks after at most `maxAttempts` (default 10) ' +
    'failed attempts, and at least `minHistory` (default 4) previous passwords cannot be reused. Policies for ' +
    'Active Directory or LDAP users pass with a note: their directory sets the rules. No active policy fails.',
  risk: 'Short, common or endlessly guessable passwords fall to password spraying and credential stuffing.',
  remediation:
    'Edit the listed policies (Security > Authenticators > Password > Edit) to meet the minimums, in line with ' +
    'NIST SP 800-63B.',
  requires: ['okta.passwordPolicies'],
  options: {
    schema: {
      minLength: { type: 'integer', minimum: 1 },
      maxAttempts: { type: 'integer', minimum: 1 },
      minHistory: { type: 'integer', minimum: 0 },
    },
    defaults: { minLength: 12, maxAttempts: 10, minHistory: 4 },
  },
  evaluate(data, { minLength, maxAttempts, minHistory }) {
    const policies = activePolicies(data['okta.passwordPolicies']);
    if (policies.length === 0)
      return [
        { resource: 'okta:password-policies', status: 'fail', message: 'no active Okta password policy' },
      ];
    return policies.map((policy): Finding => {
      const settings = passwordSettings(policy);
      const resource = `okta:policy/${policy.name}`;
      const details = { ...settings, required: { minLength, maxAttempts, minHistory } };
      if (settings.provider !== 'OKTA')
        return {
          resource,
          status: 'pass',
          message: `${policy.name} governs ${settings.provider} users: their directory sets the password rules`,
          details,
        };
      const gaps = [
        settings.minLength < minLength ? `minimum length ${settings.minLength} (at least ${minLength})` : '',
        settings.excludesCommon ? '' : 'common passwords allowed',
        settings.maxAttempts === 0
          ? 'no lockout after failed attempts'
          : settings.maxAttempts > maxAttempts
            ? `lockout after ${settings.maxAttempts} attempts (at most ${maxAttempts})`
            : '',
        settings.historyCount < minHistory
          ? `remembers ${settings.historyCount} previous passwords (at least ${minHistory})`
          : '',
      ].filter(Boolean);
      return gaps.length > 0
        ? { resource, status: 'fail', message: `${policy.name}: ${gaps.join('; ')}`, details }
        : {
            resource,
            status: 'pass',
            message: `${policy.name}: minimum length ${settings.minLength}, common passwords rejected, lockout after ${settings.maxAttempts} attempts`,
            details,
          };
    });
  },
});

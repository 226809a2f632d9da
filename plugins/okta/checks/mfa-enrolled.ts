import { defineCheck, notChecked, type Finding } from '../../../src/sdk/index.js';
import { factorsByLogin, secondFactors, signInUsers } from '../users.js';

export default defineCheck({
  id: 'okta.mfa-enrolled',
  title: 'Every Okta user who can sign in has a second factor enrolled',
  provider: 'okta',
  severity: 'high',
  description:
    'For each user who can sign in (ACTIVE, PASSWORD_EXPIRED, LOCKED_OUT, RECOVERY), reads the enrolled ' +
    'factors and fails the user without an ACTIVE factor other than the ignored types (by default the ' +
    'security question and email, which are no stronger than the password they back up).',
  risk: 'An account protected by a password alone is taken over by one phished or reused password.',
  remediation:
    'Require enrollment in an MFA enrollment policy (Security > Authenticators > Enrollment) and have the ' +
    'listed users enroll Okta Verify, a security key or another possession factor; suspend those who cannot.',
  requires: ['okta.users', 'okta.factors'],
  options: {
    schema: {
      ignoreFactorTypes: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: 'Factor types that do not count as a second factor.',
      },
    },
    defaults: { ignoreFactorTypes: ['question', 'email'] as string[] },
  },
  evaluate(data, { ignoreFactorTypes }) {
    const users = signInUsers(data['okta.users']);
    if (users.length === 0)
      return [{ resource: 'okta:directory', status: 'pass', message: 'no Okta users can sign in' }];
    const factors = factorsByLogin(data['okta.factors']);
    return users.map((user): Finding => {
      const read = factors.get(user.login);
      if (!read)
        return notChecked(user.login, { kind: 'other', message: 'factors were not collected' }, 'factors');
      if (read.status === 'error') return notChecked(user.login, read.cause, 'factors');
      const strong = secondFactors(read.value, ignoreFactorTypes);
      const types = read.value.filter((f) => f.status === 'ACTIVE').map((f) => f.factorType);
      return strong.length > 0
        ? {
            resource: user.login,
            status: 'pass',
            message: `${user.login} has ${strong.map((f) => f.factorType).join(', ')} enrolled`,
            details: { factors: types },
          }
        : {
            resource: user.login,
            status: 'fail',
            message: `${user.login} (${user.status}) has no second factor enrolled${types.length > 0 ? ` (only ${types.join(', ')})` : ''}`,
            details: { factors: types, ignoreFactorTypes },
          };
    });
  },
});

import { defineCheck, type Finding } from '../../../src/sdk/index.js';
import { activePolicies, activeRules, enrollAction, requiredEnrollments } from '../policies.js';

export default defineCheck({
  id: 'okta.mfa-enrollment',
  title: 'Okta MFA enrollment policies require a second factor',
  provider: 'okta',
  severity: 'high',
  description:
    'Reads the ACTIVE MFA enrollment policies (MFA_ENROLL; authenticator enrollment in Identity Engine) and ' +
    'fails each one that requires no factor besides the ignored ones (password, email, security question), ' +
    'or whose active rules never prompt for enrollment. No active policy fails.',
  risk: 'When enrolling a second factor is optional, users skip it and the MFA the sign-on policy asks for cannot be met.',
  remediation:
    'Set at least one possession factor (Okta Verify, a security key, an authenticator app) to Required in ' +
    'each enrollment policy (Security > Authenticators > Enrollment) and let its rules prompt for it.',
  requires: ['okta.mfaEnrollPolicies'],
  options: {
    schema: {
      ignore: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: 'Factor and authenticator keys that do not count as a second factor.',
      },
    },
    defaults: {
      ignore: ['okta_password', 'okta_email', 'okta_question', 'security_question'] as string[],
    },
  },
  evaluate(data, { ignore }) {
    const policies = activePolicies(data['okta.mfaEnrollPolicies']);
    if (policies.length === 0)
      return [
        {
          resource: 'okta:mfa-enrollment-policies',
          status: 'fail',
          message: 'no active MFA enrollment policy: no one is asked to enroll a second factor',
        },
      ];
    return policies.map((policy): Finding => {
      const resource = `okta:policy/${policy.name}`;
      const required = requiredEnrollments(policy).filter((key) => !ignore.includes(key));
      const prompting = activeRules(policy).filter((rule) => enrollAction(rule) !== 'NEVER');
      const details = {
        required,
        rules: activeRules(policy).map((r) => ({ name: r.name, enroll: enrollAction(r) })),
      };
      if (required.length === 0)
        return {
          resource,
          status: 'fail',
          message: `${policy.name} requires no second factor to be enrolled`,
          details,
        };
      if (prompting.length === 0)
        return {
          resource,
          status: 'fail',
          message: `${policy.name} requires ${required.join(', ')} but none of its active rules prompts for enrollment`,
          details,
        };
      return { resource, status: 'pass', message: `${policy.name} requires ${required.join(', ')}`, details };
    });
  },
});

import { defineCheck, type Finding } from '../../../src/sdk/index.js';
import { activePolicies, activeRules, signOnAction } from '../policies.js';

export default defineCheck({
  id: 'okta.mfa-required',
  title: 'Okta sign-on policies require a second factor',
  provider: 'okta',
  severity: 'high',
  description:
    'Reads the ACTIVE Okta sign-on policies (OKTA_SIGN_ON, the global session policy in Identity Engine) and ' +
    'their ACTIVE rules: every rule that allows access must require a factor (actions.signon.requireFactor). ' +
    'Rules that deny access pass; inactive policies and rules are not judged. No active policy fails.',
  risk:
    'A rule that lets people in with a password alone (often scoped to an office network or a group) is the ' +
    'gap an attacker with a phished password walks through, whatever the users have enrolled.',
  remediation:
    'Edit the listed rules (Security > Global Session Policy, or Authentication > Sign On in Classic) to ' +
    'prompt for a factor, or change them to deny access.',
  requires: ['okta.signOnPolicies'],
  evaluate(data) {
    const policies = activePolicies(data['okta.signOnPolicies']);
    if (policies.length === 0)
      return [
        {
          resource: 'okta:sign-on-policies',
          status: 'fail',
          message: 'no active Okta sign-on policy: nothing requires a second factor',
        },
      ];
    return policies.flatMap((policy): Finding[] => {
      const rules = activeRules(policy);
      if (rules.length === 0)
        return [
          {
            resource: `okta:policy/${policy.name}`,
            status: 'pass',
            message: `${policy.name} has no active rule: it lets nobody in`,
          },
        ];
      return rules.map((rule): Finding => {
        const { access, requireFactor } = signOnAction(rule);
        const resource = `okta:policy/${policy.name}/${rule.name}`;
        const details = {
          policy: policy.name,
          rule: rule.name,
          priority: rule.priority,
          access,
          requireFactor,
          conditions: rule.conditions,
        };
        if (access !== 'ALLOW')
          return {
            resource,
            status: 'pass',
            message: `${policy.name} / ${rule.name} denies access`,
            details,
          };
        return requireFactor
          ? {
              resource,
              status: 'pass',
              message: `${policy.name} / ${rule.name} requires a second factor`,
              details,
            }
          : {
              resource,
              status: 'fail',
              message: `${policy.name} / ${rule.name} allows sign-in without a second factor`,
              details,
            };
      });
    });
  },
});

import { defineCheck, type Finding } from '../../../src/sdk/index.js';
import { activePolicies, activeRules, appSignOn, signOnAction } from '../policies.js';

export default defineCheck({
  id: 'okta.mfa-required',
  title: 'Okta sign-on policies require a second factor',
  provider: 'okta',
  severity: 'high',
  description:
    'Reads the ACTIVE Okta sign-on policies (OKTA_SIGN_ON: the global session policy in Identity Engine) and ' +
    'their ACTIVE rules: every rule that allows access must require a factor (actions.signon.requireFactor). ' +
    'In an Identity Engine org a rule that starts sessions with one factor still passes when every active ' +
    'app authentication policy rule (ACCESS_POLICY) that allows access requires two factors. Deny rules ' +
    'pass; inactive policies and rules are not judged. No active sign-on policy fails.',
  risk:
    'A rule that lets people in with a password alone (often scoped to an office network or a group) is the ' +
    'gap an attacker with a phished password walks through, whatever the users have enrolled.',
  remediation:
    'Edit the listed rules (Security > Global Session Policy, or Authentication > Sign On in Classic) to ' +
    'prompt for a factor, or change them to deny access; in Identity Engine, alternatively require two ' +
    'factors in the listed authentication policy rules (Security > Authentication Policies).',
  requires: ['okta.signOnPolicies', 'okta.accessPolicies'],
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
    const appPolicies = activePolicies(data['okta.accessPolicies']);
    const oneFactorRules = appPolicies.flatMap((policy) =>
      activeRules(policy)
        .filter((rule) => appSignOn(rule) === '1FA')
        .map((rule) => `${policy.name} / ${rule.name}`),
    );
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
        const name = `${policy.name} / ${rule.name}`;
        const resource = `okta:policy/${policy.name}/${rule.name}`;
        const details = {
          policy: policy.name,
          rule: rule.name,
          priority: rule.priority,
          access,
          requireFactor,
          conditions: rule.conditions,
          ...(appPolicies.length > 0 ? { oneFactorAuthenticationPolicyRules: oneFactorRules } : {}),
        };
        if (access !== 'ALLOW')
          return { resource, status: 'pass', message: `${name} denies access`, details };
        if (requireFactor)
          return { resource, status: 'pass', message: `${name} requires a second factor`, details };
        if (appPolicies.length > 0 && oneFactorRules.length === 0)
          return {
            resource,
            status: 'pass',
            message: `${name} starts sessions without a second factor, but every app authentication policy rule that allows access requires two factors`,
            details,
          };
        return {
          resource,
          status: 'fail',
          message:
            `${name} allows sign-in without a second factor` +
            (oneFactorRules.length > 0
              ? `, and these authentication policy rules allow one factor: ${oneFactorRules.join(', ')}`
              : ''),
          details,
        };
      });
    });
  },
});

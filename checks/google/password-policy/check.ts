import { defineCheck } from '../../../src/engine/check.js';
import { judgePolicies } from '../helpers.js';

interface Options {
  minLength: number;
}

export default defineCheck<'google.policies', Options>({
  id: 'google.password-policy',
  title: 'Google Workspace passwords have a sufficient minimum length, enforced at sign-in',
  provider: 'google',
  severity: 'medium',
  description:
    'Reads the Cloud Identity policies of setting security.password (minimumLength, ' +
    'enforceRequirementsAtLogin) for each org unit and group they are set for, and fails each whose ' +
    'minimum length is below `minLength` (default 12) or whose requirements are not enforced at the next ' +
    "sign-in. No policy returned means Google's default (minimum 8).",
  risk:
    'Short passwords fall to guessing and credential stuffing; requirements not enforced at sign-in leave ' +
    'existing weak passwords in place.',
  remediation:
    'Admin console > Security > Authentication > Password management: set the minimum length to at least ' +
    'the required length and turn on "Enforce password policy at next sign-in" for each listed org unit.',
  requires: ['google.policies'],
  options: {
    schema: { minLength: { type: 'integer', minimum: 8, maximum: 100 } },
    defaults: { minLength: 12 },
  },
  evaluate({ 'google.policies': policies }, { minLength }) {
    return judgePolicies(
      policies,
      'security.password',
      { minimumLength: 8, enforceRequirementsAtLogin: false },
      (value) => {
        const length = Number(value.minimumLength ?? 0);
        const enforced = value.enforceRequirementsAtLogin === true;
        if (length < minLength)
          return { pass: false, message: `Minimum password length ${length}, below ${minLength}` };
        if (!enforced)
          return {
            pass: false,
            message: `Minimum password length ${length}, but not enforced at the next sign-in`,
          };
        return { pass: true, message: `Minimum password length ${length}, enforced at sign-in` };
      },
    );
  },
});

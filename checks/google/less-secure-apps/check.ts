import { defineCheck } from '../../../src/engine/check.js';
import { judgePolicies } from '../helpers.js';

export default defineCheck<'google.policies'>({
  id: 'google.less-secure-apps',
  title: 'Google Workspace users cannot use less secure apps',
  provider: 'google',
  severity: 'high',
  description:
    'Reads the Cloud Identity policies of setting security.less_secure_apps and fails each org unit or ' +
    "group where allowLessSecureApps is true. No policy returned means Google's default (not allowed).",
  risk:
    'Less secure apps sign in with the password alone over protocols that skip 2-Step Verification, so a ' +
    'phished or reused password opens the mailbox despite 2SV.',
  remediation:
    'Admin console > Security > Access and data control > Less secure apps: select "Disable access to less ' +
    'secure apps" for the listed org units; move users to OAuth-capable clients.',
  requires: ['google.policies'],
  evaluate({ 'google.policies': policies }) {
    return judgePolicies(policies, 'security.less_secure_apps', { allowLessSecureApps: false }, (value) =>
      value.allowLessSecureApps === true
        ? { pass: false, message: 'Less secure apps are allowed' }
        : { pass: true, message: 'Less secure apps are not allowed' },
    );
  },
});

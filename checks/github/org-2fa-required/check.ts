import type {} from '../../../src/collectors/github/data.js';
import { defineCheck } from '../../../src/engine/check.js';

export default defineCheck({
  id: 'github.org-2fa-required',
  title: 'GitHub organization requires two-factor authentication',
  provider: 'github',
  severity: 'high',
  description:
    'The organization setting "Require two-factor authentication" is on, so GitHub removes members and outside collaborators who have not enabled 2FA.',
  risk: 'A phished or reused password alone gives an attacker push access to source code and CI secrets.',
  remediation:
    'Organization settings > Authentication security > check "Require two-factor authentication for everyone in the organization". Warn members first: those without 2FA are removed.',
  requires: ['github.org'],
  evaluate({ 'github.org': org }) {
    const on = org.two_factor_requirement_enabled === true;
    return [
      {
        resource: org.login,
        status: on ? 'pass' : 'fail',
        message: on
          ? 'the organization requires two-factor authentication'
          : 'the organization does not require two-factor authentication',
        details: { two_factor_requirement_enabled: org.two_factor_requirement_enabled },
      },
    ];
  },
});

import type {} from '../../../src/collectors/github/data.js';
import { defineCheck } from '../../../src/engine/check.js';
import type { Finding } from '../../../src/engine/types.js';
import { passOn } from '../shared.js';

export default defineCheck({
  id: 'github.members-2fa',
  title: 'Every GitHub organization member has two-factor authentication',
  provider: 'github',
  severity: 'high',
  description:
    'Lists organization members GitHub reports without two-factor authentication (members?filter=2fa_disabled, answered only for organization owners).',
  risk: "A member account protected only by a password is the easiest way into the organization's code.",
  remediation:
    'Ask each listed member to enable 2FA (Settings > Password and authentication), then turn on the organization 2FA requirement. Remove members who no longer need access.',
  requires: ['github.members', 'github.membersWithout2fa'],
  evaluate({ 'github.members': members, 'github.membersWithout2fa': without }) {
    const missing = new Set(without.map((m) => m.login));
    const findings: Finding[] = without.map((m) => ({
      resource: m.login,
      status: 'fail',
      message: `${m.login} has not enabled two-factor authentication`,
    }));
    for (const m of members) {
      if (!missing.has(m.login)) findings.push(passOn(m.login, `${m.login} has two-factor authentication`));
    }
    return findings.length > 0
      ? findings
      : [passOn('organization members', 'the organization has no members')];
  },
});

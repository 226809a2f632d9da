import type {} from '../../../src/collectors/github/data.js';
import { defineCheck } from '../../../src/engine/check.js';
import type { Finding } from '../../../src/engine/types.js';
import { daysSince } from '../../../src/engine/days.js';
import { passOn } from '../shared.js';

export default defineCheck({
  id: 'github.secret-scanning-alerts',
  title: 'Leaked secrets are resolved promptly',
  provider: 'github',
  severity: 'high',
  description:
    'Open secret scanning alerts across the organization (GET /orgs/{org}/secret-scanning/alerts) must be resolved (secret revoked) within slaDays (default 7).',
  risk: 'A credential exposed in a repository stays usable by anyone who cloned it until it is revoked.',
  remediation:
    'Revoke and rotate the secret at its issuer, remove it from the code, then close the alert as revoked.',
  requires: ['github.secretScanningAlerts'],
  options: { schema: { slaDays: { type: 'integer', minimum: 0 } }, defaults: { slaDays: 7 } },
  evaluate({ 'github.secretScanningAlerts': alerts }, { slaDays }, { now }) {
    const open = alerts.filter((a) => a.state === 'open');
    const findings: Finding[] = open
      .map((a) => ({ a, age: daysSince(a.created_at, now) }))
      .filter(({ age }) => age > slaDays)
      .map(({ a, age }) => ({
        resource: `${a.repository.full_name} secret scanning alert #${a.number}`,
        status: 'fail',
        message: `${a.secret_type_display_name ?? a.secret_type ?? 'secret'} exposed and open for ${age} days (SLA ${slaDays})`,
        details: {
          html_url: a.html_url,
          created_at: a.created_at,
          push_protection_bypassed: a.push_protection_bypassed,
        },
      }));
    return findings.length > 0
      ? findings
      : [passOn('secret scanning alerts', `${open.length} open alert(s), none older than ${slaDays} days`)];
  },
});

import type {} from '../../../src/collectors/github/data.js';
import { defineCheck } from '../../../src/engine/check.js';
import { alertSlaFindings, slaOptionsSchema } from '../alert-sla.js';

export default defineCheck({
  id: 'github.code-scanning-alert-sla',
  title: 'No critical or high code scanning alert is open past its SLA',
  provider: 'github',
  severity: 'high',
  description:
    'Open code scanning alerts across the organization (GET /orgs/{org}/code-scanning/alerts) whose security severity is in the chosen list (default critical and high) must be fixed within slaDays (default 30).',
  risk: "A known vulnerability in the company's own code left open is exploitable and shows vulnerability management is not working.",
  remediation:
    "Fix the code or dismiss the alert with a recorded reason (false positive, used in tests, won't fix with approval).",
  requires: ['github.codeScanningAlerts'],
  options: { schema: slaOptionsSchema, defaults: { slaDays: 30, severities: ['critical', 'high'] } },
  evaluate({ 'github.codeScanningAlerts': alerts }, options, { now }) {
    return alertSlaFindings(
      'code scanning',
      alerts
        .filter((a) => a.state === 'open')
        .map((a) => ({
          repo: a.repository.full_name,
          number: a.number,
          created_at: a.created_at,
          html_url: a.html_url,
          severity: a.rule?.security_severity_level ?? null,
          title: a.rule?.description ?? a.rule?.id ?? 'alert',
        })),
      options,
      now,
    );
  },
});

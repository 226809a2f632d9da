import type {} from '../../../src/collectors/github/data.js';
import { defineCheck } from '../../../src/engine/check.js';
import {
  ADVISORY_LEVELS,
  alertSlaFindings,
  POLICY_SLA_DAYS,
  slaOptionsSchema,
  type SlaDays,
} from '../alert-sla.js';

/**
 * GitHub REST, code scanning alerts: `rule.security_severity_level` (critical, high, medium, low) is
 * set by security queries only; every alert has `rule.severity` (error, warning, note, none). An alert
 * is judged by its security severity when it has one, else by its rule severity.
 */
const RULE_LEVELS = ['error', 'warning', 'note'] as const;

export default defineCheck({
  id: 'github.code-scanning-alert-sla',
  title: 'No critical, high, medium or error-level code scanning alert is open past its SLA',
  provider: 'github',
  severity: 'high',
  description:
    'Open code scanning alerts across the organization (GET /orgs/{org}/code-scanning/alerts) must be fixed within the days slaDays allows for their severity (default critical 7, high 30, medium 90, error 30); a severity slaDays does not list is not judged. An alert is judged by its security severity (critical, high, medium, low) when its rule has one, otherwise by the rule severity (error, warning, note): non-security queries and third-party SARIF tools set only the latter.',
  risk: "A known vulnerability in the company's own code left open is exploitable and shows vulnerability management is not working.",
  remediation:
    "Fix the code or dismiss the alert with a recorded reason (false positive, used in tests, won't fix with approval).",
  requires: ['github.codeScanningAlerts'],
  options: {
    schema: slaOptionsSchema([...ADVISORY_LEVELS, ...RULE_LEVELS]),
    defaults: { slaDays: { ...POLICY_SLA_DAYS, error: 30 } as SlaDays },
  },
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
          severity: a.rule?.security_severity_level ?? a.rule?.severity ?? null,
          title: a.rule?.description ?? a.rule?.id ?? 'alert',
        })),
      options,
      now,
    );
  },
});

import type {} from '../../../src/collectors/github/data.js';
import { defineCheck } from '../../../src/engine/check.js';
import {
  ADVISORY_LEVELS,
  alertSlaFindings,
  POLICY_SLA_DAYS,
  slaOptionsSchema,
  type SlaDays,
} from '../alert-sla.js';

export default defineCheck({
  id: 'github.dependabot-alert-sla',
  title: 'No critical, high or medium Dependabot alert is open past its SLA',
  provider: 'github',
  severity: 'high',
  description:
    'Open Dependabot alerts across the organization (one listing of GET /orgs/{org}/dependabot/alerts) must be fixed within the days slaDays allows for their severity (default critical 7, high 30, medium 90) of being raised; a severity slaDays does not list is not judged.',
  risk: 'A known, exploitable vulnerability left open for months is the kind of gap an attacker (and an auditor testing vulnerability management) looks for first.',
  remediation:
    'Merge the Dependabot security update or upgrade the dependency; if the alert does not apply, dismiss it with a reason so the decision is recorded.',
  requires: ['github.dependabotAlerts'],
  options: {
    schema: slaOptionsSchema(ADVISORY_LEVELS),
    defaults: { slaDays: POLICY_SLA_DAYS as SlaDays },
  },
  evaluate({ 'github.dependabotAlerts': alerts }, options, { now }) {
    return alertSlaFindings(
      'Dependabot',
      alerts
        .filter((a) => a.state === 'open')
        .map((a) => ({
          repo: a.repository.full_name,
          number: a.number,
          created_at: a.created_at,
          html_url: a.html_url,
          severity: a.security_advisory?.severity ?? a.security_vulnerability?.severity ?? null,
          title: `${a.dependency?.package?.name ?? 'dependency'}: ${a.security_advisory?.summary ?? a.security_advisory?.ghsa_id ?? ''}`,
        })),
      options,
      now,
    );
  },
});

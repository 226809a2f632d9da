import type { GoogleLoginEvent } from '../../../src/collectors/google/data.js';
import { defineCheck } from '../../../src/engine/check.js';
import { daysSince } from '../../../src/engine/days.js';

interface Options {
  days: number;
}

/** Google's documented lag for login audit events to appear in the Reports API (https://support.google.com/a/answer/7061566). */
export const LOGIN_DATA_LAG = 'up to a few hours';

export default defineCheck<'google.loginEvents', Options>({
  id: 'google.suspicious-logins',
  title: 'No unreviewed suspicious Google Workspace sign-ins',
  provider: 'google',
  severity: 'high',
  description:
    'Reads the login audit log (Reports API, applicationName=login) for suspicious sign-ins (password, ' +
    'less secure app, programmatic), accounts disabled for a leaked password, hijacking, spamming or a ' +
    'generic reason, blocked risky sensitive actions, sign-outs for a suspicious session cookie and ' +
    'government-backed attack warnings, and fails each user with such an event in the last `days` (default ' +
    '30, at most 180, the Reports API retention; the collector reads as many days). Login events reach the ' +
    'Reports API with a delay (Google documents lag times, https://support.google.com/a/answer/7061566), so ' +
    'the most recent hours may be missing.',
  risk:
    'These events are Google telling you an account may be in someone else’s hands; unreviewed, an ' +
    'attacker keeps the access.',
  remediation:
    'Investigate each listed user: confirm the sign-ins with them, reset the password, revoke sessions and ' +
    'app passwords, check 2-Step Verification and recovery settings, and record the review as an incident. ' +
    'Grant the admin.reports.audit.readonly scope so this check can run.',
  requires: ['google.loginEvents'],
  options: {
    schema: { days: { type: 'integer', minimum: 1, maximum: 180 } },
    defaults: { days: 30 },
  },
  evaluate({ 'google.loginEvents': events }, { days }, { now, organization }) {
    const recent = events.filter((e) => daysSince(e.time, now) <= days);
    if (recent.length === 0)
      return [
        {
          resource: organization,
          status: 'pass',
          message: `No suspicious sign-in events in the last ${days} days (events can take ${LOGIN_DATA_LAG} to reach the Reports API)`,
          details: { days, dataLag: LOGIN_DATA_LAG },
        },
      ];
    const byUser = new Map<string, GoogleLoginEvent[]>();
    for (const e of recent) byUser.set(e.email, [...(byUser.get(e.email) ?? []), e]);
    return [...byUser]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([email, list]) => ({
        resource: email || 'unknown user',
        status: 'fail' as const,
        message: `${[...new Set(list.map((e) => e.name))].join(', ')} (${list.length} in ${days} days)`,
        details: { events: list.map((e) => ({ time: e.time, name: e.name, ipAddress: e.ipAddress })) },
      }));
  },
});

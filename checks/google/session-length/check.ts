import { defineCheck } from '../../../src/engine/check.js';
import { judgePolicies } from '../helpers.js';

interface Options {
  maxHours: number;
}

/** A duration in seconds as the Policy API gives it: a number, or a string such as "43200s". */
function seconds(value: unknown): number {
  return typeof value === 'number' ? value : Number(String(value ?? '').replace(/s$/, ''));
}

export default defineCheck<'google.policies', Options>({
  id: 'google.session-length',
  title: 'Google Workspace web sessions expire within the allowed length',
  provider: 'google',
  severity: 'low',
  description:
    'Reads the Cloud Identity policies of setting security.session_controls (webSessionDuration, in ' +
    'seconds) and fails each org unit or group whose web session lasts longer than `maxHours` (default ' +
    "24). No policy returned means Google's default of 14 days.",
  risk:
    'A long-lived session on a shared, lost or compromised browser keeps mail and Drive open long after ' +
    'the user walked away; a stolen session cookie stays useful for weeks.',
  remediation:
    'Admin console > Security > Access and data control > Google session control: set the web session ' +
    'duration to the allowed length for the listed org units.',
  requires: ['google.policies'],
  options: {
    schema: { maxHours: { type: 'integer', minimum: 1, maximum: 720 } },
    defaults: { maxHours: 24 },
  },
  evaluate({ 'google.policies': policies }, { maxHours }) {
    return judgePolicies(
      policies,
      'security.session_controls',
      { webSessionDuration: 14 * 86_400 },
      (value) => {
        const hours = seconds(value.webSessionDuration) / 3600;
        if (!Number.isFinite(hours)) return { pass: false, message: 'Web session duration unreadable' };
        return hours > maxHours
          ? { pass: false, message: `Web sessions last ${hours} hours, longer than ${maxHours}` }
          : { pass: true, message: `Web sessions last ${hours} hours (at most ${maxHours})` };
      },
    );
  },
});

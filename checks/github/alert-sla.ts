import type { Finding } from '../../src/engine/types.js';
import { daysSince } from '../../src/engine/days.js';
import { passOn } from './shared.js';

export interface SlaAlert {
  repo: string;
  number: number;
  created_at: string;
  html_url: string;
  severity: string | null;
  title: string;
}

/** Open alerts of the listed severities older than the SLA fail; otherwise one pass on the scope. */
export function alertSlaFindings(
  kind: string,
  alerts: readonly SlaAlert[],
  options: { slaDays: number; severities: readonly string[] },
  now: Date,
): Finding[] {
  const inScope = alerts.filter((a) => a.severity !== null && options.severities.includes(a.severity));
  const overdue = inScope
    .map((a) => ({ alert: a, age: daysSince(a.created_at, now) }))
    .filter(({ age }) => age > options.slaDays);
  if (overdue.length === 0) {
    return [
      passOn(
        `${kind} alerts`,
        `${inScope.length} open ${options.severities.join('/')} alert(s), none open longer than ${options.slaDays} days`,
        { open: inScope.length, slaDays: options.slaDays },
      ),
    ];
  }
  return overdue.map(({ alert, age }) => ({
    resource: `${alert.repo} ${kind} alert #${alert.number}`,
    status: 'fail',
    message: `${alert.severity} alert open ${age} days (SLA ${options.slaDays}): ${alert.title}`,
    details: {
      html_url: alert.html_url,
      created_at: alert.created_at,
      severity: alert.severity,
      ageDays: age,
    },
  }));
}

/** The options of an SLA check over alerts whose severity is one of `levels`. */
export function slaOptionsSchema(levels: readonly string[]) {
  return {
    slaDays: { type: 'integer', minimum: 0 },
    severities: { type: 'array', items: { enum: [...levels] }, minItems: 1 },
  };
}

export const ADVISORY_LEVELS = ['critical', 'high', 'medium', 'low'] as const;

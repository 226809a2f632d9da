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

/** Days allowed per severity; a severity with no entry is not judged. */
export type SlaDays = Readonly<Record<string, number>>;

/** Open alerts older than the SLA of their severity fail; otherwise one pass on the scope. */
export function alertSlaFindings(
  kind: string,
  alerts: readonly SlaAlert[],
  options: { slaDays: SlaDays },
  now: Date,
): Finding[] {
  const deadline = (a: SlaAlert) => (a.severity === null ? undefined : options.slaDays[a.severity]);
  const inScope = alerts.filter((a) => deadline(a) !== undefined);
  const overdue = inScope
    .map((a) => ({ alert: a, age: daysSince(a.created_at, now), sla: deadline(a)! }))
    .filter(({ age, sla }) => age > sla);
  const slas = Object.entries(options.slaDays).map(([level, days]) => `${level} ${days}`);
  if (overdue.length === 0) {
    return [
      passOn(
        `${kind} alerts`,
        `${inScope.length} open ${Object.keys(options.slaDays).join('/')} alert(s), none open past its SLA (days: ${slas.join(', ')})`,
        { open: inScope.length, slaDays: options.slaDays },
      ),
    ];
  }
  return overdue.map(({ alert, age, sla }) => ({
    resource: `${alert.repo} ${kind} alert #${alert.number}`,
    status: 'fail',
    message: `${alert.severity} alert open ${age} days (SLA ${sla}): ${alert.title}`,
    details: {
      html_url: alert.html_url,
      created_at: alert.created_at,
      severity: alert.severity,
      ageDays: age,
      slaDays: sla,
    },
  }));
}

/** The options of an SLA check: days allowed for each judged severity, one of `levels`. */
export function slaOptionsSchema(levels: readonly string[]) {
  return {
    slaDays: {
      type: 'object',
      propertyNames: { enum: [...levels] },
      additionalProperties: { type: 'integer', minimum: 0 },
      minProperties: 1,
    },
  };
}

/** OPS-06's remediation deadlines: critical 7 days, high 30, medium 90. */
export const POLICY_SLA_DAYS = { critical: 7, high: 30, medium: 90 } as const;

export const ADVISORY_LEVELS = ['critical', 'high', 'medium', 'low'] as const;

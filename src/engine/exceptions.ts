import type { Config, ExceptionRule } from '../core/config-types.js';
import type { AnyCheck } from './check.js';
import { daysSince } from './days.js';
import type { Problem } from './errors.js';
import { globToRegExp } from './glob.js';
import type { AppliedException } from './result.js';
import type { Severity } from './types.js';

export interface ExpiredException {
  check: string;
  resource: string;
  expires: string;
  reason: string;
}

export interface ExceptionMatcher {
  match(checkId: string, resource: string): AppliedException | undefined;
  expired: ExpiredException[];
  usedCount(): number;
}

/** The longest an exception may run (approved_at to expires), by its check's severity; `exceptionMaxDays` overrides. */
export const DEFAULT_EXCEPTION_MAX_DAYS: Record<Severity, number> = {
  critical: 90,
  high: 180,
  medium: 365,
  low: 365,
  info: 365,
};

export function exceptionMaxDays(config: Pick<Config, 'exceptionMaxDays'>): Record<Severity, number> {
  return { ...DEFAULT_EXCEPTION_MAX_DAYS, ...config.exceptionMaxDays };
}

/**
 * What makes an exception unacceptable to an auditor, each problem at its line in the config: an
 * unknown check, approval dated after `today`, expiry before approval, or a term longer than its
 * check's severity allows. Missing fields are the config schema's job.
 */
export function exceptionProblems(
  config: Config,
  checks: ReadonlyMap<string, AnyCheck>,
  today: string,
): Problem[] {
  const maxDays = exceptionMaxDays(config);
  const at = (index: number, field: string, message: string): Problem => {
    const pos = config.source?.locate(`/exceptions/${index}/${field}`);
    return { file: config.file, line: pos?.line, column: pos?.column, message };
  };
  return config.exceptions.flatMap((rule, index): Problem[] => {
    const name = `exceptions[${index}] (${rule.check} ${rule.resource})`;
    const severity = checks.get(rule.check)?.severity;
    if (!severity) return [at(index, 'check', `exceptions[${index}]: unknown check '${rule.check}'`)];
    if (rule.approved_at > today)
      return [at(index, 'approved_at', `${name}: approved_at ${rule.approved_at} is in the future`)];
    const term = -daysSince(rule.expires, new Date(`${rule.approved_at}T00:00:00Z`));
    if (term < 0)
      return [
        at(index, 'expires', `${name}: expires ${rule.expires} is before approved_at ${rule.approved_at}`),
      ];
    if (term > maxDays[severity])
      return [
        at(
          index,
          'expires',
          `${name}: runs ${term} days from approved_at to expires; a ${severity} check's exception may run at most ${maxDays[severity]} days (exceptionMaxDays)`,
        ),
      ];
    return [];
  });
}

export interface AllowList {
  check: string;
  option: string;
  entries: unknown[];
}

/**
 * Allow-list options set in the config's `checks:` (`allow`, `allowed…`, `exempt…`): exceptions with no
 * approval record, so reports list them with the exceptions for an auditor to see.
 */
export function allowLists(checks: Config['checks']): AllowList[] {
  return Object.entries(checks).flatMap(([check, options]) =>
    Object.entries(options)
      .filter(
        ([option, value]) => /^(allow|exempt)/i.test(option) && Array.isArray(value) && value.length > 0,
      )
      .map(([option, value]) => ({ check, option, entries: value as unknown[] })),
  );
}

/** Exceptions expire at the end of their `expires` day (UTC); expired ones stop applying and are reported. */
export function exceptionMatcher(rules: readonly ExceptionRule[], now: Date): ExceptionMatcher {
  const today = now.toISOString().slice(0, 10);
  const active = rules
    .filter((rule) => rule.expires >= today)
    .map((rule) => ({ rule, resource: globToRegExp(rule.resource) }));
  const expired = rules
    .filter((rule) => rule.expires < today)
    .map(({ check, resource, expires, reason }) => ({ check, resource, expires, reason }));
  let used = 0;
  return {
    expired,
    usedCount: () => used,
    match(checkId, resource) {
      const hit = active.find((a) => a.rule.check === checkId && a.resource.test(resource));
      if (!hit) return undefined;
      used++;
      const { reason, approved_by, approved_at, expires } = hit.rule;
      return { reason, approved_by, approved_at, expires };
    },
  };
}

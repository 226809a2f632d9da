import type { ExceptionRule } from '../core/config.js';
import type { AppliedException } from './result.js';

export interface ExceptionMatcher {
  match(checkId: string, resource: string): AppliedException | undefined;
  expired: { check: string; resource: string; expires: string; reason: string }[];
  usedCount(): number;
}

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/** Exceptions expire at the end of their `expires` day (UTC); expired ones stop applying and are reported. */
export function exceptionMatcher(rules: readonly ExceptionRule[], now: Date): ExceptionMatcher {
  const today = now.toISOString().slice(0, 10);
  const active = rules
    .filter((rule) => !rule.expires || rule.expires >= today)
    .map((rule) => ({ rule, resource: globToRegExp(rule.resource) }));
  const expired = rules
    .filter((rule) => rule.expires && rule.expires < today)
    .map((rule) => ({
      check: rule.check,
      resource: rule.resource,
      expires: rule.expires!,
      reason: rule.reason,
    }));
  let used = 0;
  return {
    expired,
    usedCount: () => used,
    match(checkId, resource) {
      const hit = active.find((a) => a.rule.check === checkId && a.resource.test(resource));
      if (!hit) return undefined;
      used++;
      const { reason, approved_by, expires } = hit.rule;
      return { reason, ...(approved_by ? { approved_by } : {}), ...(expires ? { expires } : {}) };
    },
  };
}

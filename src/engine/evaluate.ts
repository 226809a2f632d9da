import type { AnyCheck, CheckContext } from './check.js';
import { errorMessage } from './errors.js';
import type { DataEntry } from '../core/snapshot.js';
import type { CheckStatus, Finding } from './types.js';

export interface Evaluation {
  status: CheckStatus;
  reason?: string;
  findings: Finding[];
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}

/** A view of the data that only lets a check read the keys it declared. */
export function declaredView(check: AnyCheck, values: Record<string, unknown>): Record<string, unknown> {
  const allowed = new Set<string>(check.requires);
  const view: Record<string, unknown> = {};
  for (const key of allowed) view[key] = deepFreeze(values[key]);
  return new Proxy(Object.freeze(view), {
    get(target, property, receiver) {
      if (
        typeof property === 'string' &&
        !allowed.has(property) &&
        property !== 'then' &&
        property !== 'toJSON'
      ) {
        throw new Error(`check ${check.id} read '${property}', which it does not declare in requires`);
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/**
 * Runs one check against the collected data. A dependency that failed or was skipped decides the
 * status without running the check; a throw becomes `error`; so does an empty list of findings.
 */
export function evaluateCheck(
  check: AnyCheck,
  data: Record<string, DataEntry | undefined>,
  options: object,
  context: CheckContext,
): Evaluation {
  const values: Record<string, unknown> = {};
  const skipped: string[] = [];
  for (const key of check.requires as string[]) {
    const entry = data[key];
    if (!entry) return { status: 'error', reason: `no data collected for ${key}`, findings: [] };
    if (entry.status === 'error') return { status: 'error', reason: `${key}: ${entry.error}`, findings: [] };
    if (entry.status === 'skipped') skipped.push(entry.reason);
    else values[key] = entry.value;
  }
  if (skipped.length > 0)
    return { status: 'skipped', reason: [...new Set(skipped)].join('; '), findings: [] };
  let findings: Finding[];
  try {
    findings = check.evaluate(declaredView(check, values), deepFreeze({ ...options }), context);
  } catch (error) {
    return { status: 'error', reason: `check threw: ${errorMessage(error)}`, findings: [] };
  }
  if (!Array.isArray(findings) || findings.length === 0) {
    return { status: 'error', reason: 'check returned no findings', findings: [] };
  }
  const malformed = findings.find(
    (f) =>
      !f ||
      typeof f.resource !== 'string' ||
      (f.status !== 'pass' && f.status !== 'fail') ||
      typeof f.message !== 'string',
  );
  if (malformed) return { status: 'error', reason: 'check returned a malformed finding', findings: [] };
  return { status: findings.some((f) => f.status === 'fail') ? 'fail' : 'pass', findings };
}

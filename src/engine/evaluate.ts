import type { AnyCheck, CheckContext } from './check.js';
import { errorMessage } from './errors.js';
import type { DataEntry } from '../core/snapshot.js';
import { describeCause } from './scope.js';
import type { CheckStatus, Finding } from './types.js';

export interface Evaluation {
  status: CheckStatus;
  reason?: string;
  /** The data key whose failure or skip decided the status, and what it said: lets callers group checks by cause. */
  rootCause?: RootCause;
  findings: Finding[];
}

export interface RootCause {
  key: string;
  message: string;
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
  let skipCause: RootCause | undefined;
  for (const key of check.requires as string[]) {
    const entry = data[key];
    if (!entry) return { status: 'error', reason: `no data collected for ${key}`, findings: [] };
    if (entry.status === 'error') {
      const message = entry.cause ? describeCause(entry.cause) : entry.error;
      return {
        status: 'error',
        reason: `${key}: ${entry.error}`,
        rootCause: { key: entry.rootKey ?? key, message },
        findings: [],
      };
    }
    if (entry.status === 'skipped') {
      skipped.push(entry.reason);
      skipCause ??= { key: entry.rootKey ?? key, message: entry.reason };
    } else values[key] = entry.value;
  }
  if (skipped.length > 0)
    return {
      status: 'skipped',
      reason: [...new Set(skipped)].join('; '),
      rootCause: skipCause,
      findings: [],
    };
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
      (f.status !== 'pass' && f.status !== 'fail' && f.status !== 'error') ||
      typeof f.message !== 'string' ||
      (f.status === 'error' && (typeof f.cause?.kind !== 'string' || typeof f.cause.message !== 'string')),
  );
  if (malformed) return { status: 'error', reason: 'check returned a malformed finding', findings: [] };
  const notChecked = findings.filter((f) => f.status === 'error');
  if (notChecked.length > 0) return { status: 'error', reason: notCheckedReason(notChecked), findings };
  return { status: findings.some((f) => f.status === 'fail') ? 'fail' : 'pass', findings };
}

/** `2 scope(s) not checked: 503 ServiceUnavailable (aws-account/1/us-east-1, …); 403 … (github/x)`. */
export function notCheckedReason(findings: readonly Finding[], total = findings.length): string {
  const byCause = new Map<string, string[]>();
  for (const finding of findings) {
    const cause = finding.cause ? describeCause(finding.cause) : finding.message;
    byCause.set(cause, [...(byCause.get(cause) ?? []), finding.resource]);
  }
  const parts = [...byCause].slice(0, 3).map(([cause, resources]) => {
    const shown =
      resources.slice(0, 2).join(', ') + (resources.length > 2 ? `, +${resources.length - 2} more` : '');
    return `${cause} (${shown})`;
  });
  const more = byCause.size > 3 ? `; ${byCause.size - 3} more cause(s)` : '';
  return `${total} scope(s) not checked: ${parts.join('; ')}${more}`;
}

import { errorMessage, SkipError } from './errors.js';
import type { FailureCause, FailureKind, Finding } from './types.js';

/**
 * One scope of a data key's value (an account, account-region, repository, user...): either read, or
 * not, with the structured cause. Collectors return lists of these so that one unreadable scope never
 * hides the others.
 */
export type ScopeResult<T> =
  { scope: string; status: 'ok'; value: T } | { scope: string; status: 'error'; cause: FailureCause };

/** The kind of failure an HTTP status and a service error code stand for. */
export function failureKind(status: number | undefined, code?: string): FailureKind {
  if (status === 401 || status === 403) return code && THROTTLE_CODES.has(code) ? 'throttled' : 'permission';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 429) return 'throttled';
  if (status === 408 || status === 504) return 'timeout';
  if (status !== undefined && status >= 500) return 'unavailable';
  if (status !== undefined && status >= 400)
    return code && THROTTLE_CODES.has(code) ? 'throttled' : 'invalid';
  if (code && THROTTLE_CODES.has(code)) return 'throttled';
  if (code && NETWORK_CODES.has(code)) return 'network';
  if (code === 'ETIMEDOUT' || code === 'TimeoutError') return 'timeout';
  return 'other';
}

const THROTTLE_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'rateLimitExceeded',
  'userRateLimitExceeded',
  'quotaExceeded',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_SOCKET',
]);

/**
 * A failure cause read from the structured fields SDK errors carry (an HTTP status under `status`,
 * `statusCode`, `response.status` or `$metadata.httpStatusCode`; a code under `code` or `name`).
 * Providers with richer error data build their FailureCause themselves.
 */
export function causeOf(error: unknown): FailureCause {
  const e = (error ?? {}) as Record<string, unknown>;
  const response = e.response as { status?: unknown } | undefined;
  const metadata = e.$metadata as { httpStatusCode?: unknown } | undefined;
  const status = [e.status, e.statusCode, response?.status, metadata?.httpStatusCode].find(
    (v): v is number => typeof v === 'number' && v >= 100 && v < 600,
  );
  const rawCode = typeof e.code === 'string' ? e.code : e.name !== 'Error' ? e.name : undefined;
  const code = typeof rawCode === 'string' && rawCode.length > 0 ? rawCode : undefined;
  return {
    kind: failureKind(status, code),
    ...(status !== undefined ? { status } : {}),
    ...(code ? { code } : {}),
    message: errorMessage(error),
  };
}

/** A short text for a cause: `403 AccessDenied: message`. */
export function describeCause(cause: FailureCause): string {
  const head = [cause.status, cause.code].filter((part) => part !== undefined).join(' ');
  return head && !cause.message.startsWith(head) ? `${head}: ${cause.message}` : cause.message;
}

/** The finding for a scope that could not be read: never a pass, never a fail. */
export function notChecked(
  resource: string,
  cause: FailureCause,
  what: string,
  details?: Record<string, unknown>,
): Finding {
  return {
    resource,
    status: 'error',
    message: `${what} not checked for ${resource}: ${describeCause(cause)}`,
    cause,
    ...(details ? { details } : {}),
  };
}

/**
 * Evaluates each readable scope and gives an `error` finding for each unreadable one. `resource` names
 * the scope in findings (defaults to the scope id).
 */
export function perScope<T>(
  results: readonly ScopeResult<T>[],
  what: string,
  evaluate: (value: T, scope: string) => Finding[],
  resource: (scope: string) => string = (scope) => scope,
): Finding[] {
  return results.flatMap((r) =>
    r.status === 'ok' ? evaluate(r.value, r.scope) : [notChecked(resource(r.scope), r.cause, what)],
  );
}

/**
 * For a collector: when no scope at all could be read and every failure is a permission denial, the
 * key is skipped with the real cause (a missing grant), not reported scope by scope.
 */
export function skipIfAllDenied(
  results: readonly { status: string; cause?: FailureCause }[],
  what: string,
): void {
  if (results.length === 0) return;
  const causes = results.map((r) => (r.status === 'error' ? r.cause : undefined));
  if (causes.some((c) => c === undefined || c.kind !== 'permission')) return;
  const distinct = [...new Set(causes.map((c) => describeCause(c!)))];
  throw new SkipError(
    `${what}: every one of ${results.length} scope(s) was denied (${distinct.slice(0, 3).join('; ')}${distinct.length > 3 ? '; …' : ''})`,
  );
}

/** A provider's id, built in or from a plugin: open, like the plugins that bring them. */
export type ProviderId = string;

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** `error`: the scope named by `resource` could not be read, so it was not checked; `cause` says why. */
export type FindingStatus = 'pass' | 'fail' | 'error';

/**
 * Why something could not be read, classified from structured error data (HTTP status, service error
 * code), never from message text.
 */
export type FailureKind =
  'permission' | 'not_found' | 'throttled' | 'unavailable' | 'timeout' | 'network' | 'invalid' | 'other';

export interface FailureCause {
  kind: FailureKind;
  /** The HTTP status, when the failure was an HTTP answer. */
  status?: number;
  /** The service's own error code, e.g. AccessDenied, ServiceUnavailable, insufficientPermissions. */
  code?: string;
  message: string;
}

export interface Finding {
  /** Names the thing: user name or ARN, bucket, repo full name, login, email; or the scope not checked. */
  resource: string;
  status: FindingStatus;
  message: string;
  details?: Record<string, unknown>;
  /** Required on `error` findings: why the scope could not be read. */
  cause?: FailureCause;
}

/**
 * `pass_with_exceptions`: nothing fails, but at least one failing finding is covered by an approved
 * exception; never shown as plain `pass`.
 */
export type CheckStatus = 'pass' | 'pass_with_exceptions' | 'fail' | 'error' | 'skipped';
export const CHECK_STATUSES: readonly CheckStatus[] = [
  'pass',
  'pass_with_exceptions',
  'fail',
  'error',
  'skipped',
];

/** Passed, with or without approved exceptions. */
export function checkPassed(status: CheckStatus): boolean {
  return status === 'pass' || status === 'pass_with_exceptions';
}
export type ControlStatus = 'pass' | 'fail' | 'partial' | 'manual' | 'not_evaluated';

export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

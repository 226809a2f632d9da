export const PROVIDERS = ['aws', 'github', 'google', 'hr', 'docs'] as const;
export type ProviderId = (typeof PROVIDERS)[number];

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type FindingStatus = 'pass' | 'fail';

export interface Finding {
  /** Names the thing: user name or ARN, bucket, repo full name, login, email. */
  resource: string;
  status: FindingStatus;
  message: string;
  details?: Record<string, unknown>;
}

export type CheckStatus = 'pass' | 'fail' | 'error' | 'skipped';
export type ControlStatus = 'pass' | 'fail' | 'partial' | 'manual' | 'not_evaluated';

export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

export function isProviderId(value: string): value is ProviderId {
  return (PROVIDERS as readonly string[]).includes(value);
}

import type { CheckResult, ControlResult, FindingResult, ScanResult } from '../engine/result.js';
import { describeCause } from '../engine/scope.js';
import type { CheckStatus, ControlStatus } from '../engine/types.js';

export const CONTROL_STATUS_LABEL: Record<ControlStatus, string> = {
  pass: 'Pass',
  fail: 'Fail',
  partial: 'Partial',
  manual: 'Manual evidence needed',
  not_evaluated: 'Not evaluated',
};

export const CHECK_STATUS_LABEL: Record<CheckStatus, string> = {
  pass: 'Pass',
  fail: 'Fail',
  error: 'Error',
  skipped: 'Skipped',
};

/** `detective, automated`; empty for a report written before controls had a type. */
export function controlTypeLabel(control: Pick<ControlResult, 'type'>): string {
  return control.type ? `${control.type.purpose}, ${control.type.operation}` : '';
}

/** `CC6.1, CC4.1 (supports)`: the criteria a control maps to, marking those its findings cannot fail. */
export function criteriaWithRoles(control: Pick<ControlResult, 'criteria' | 'roles'>): string {
  return control.criteria
    .map((id) => (control.roles?.[id] === 'supports' ? `${id} (supports)` : id))
    .join(', ');
}

/** Findings shown per check in human reports; report.json always has all of them. */
export const FINDINGS_SHOWN = 50;

/** Checks with failing findings, including those that could not check every scope. */
export function checksWithFailures(result: ScanResult): CheckResult[] {
  return result.checks.filter((c) => c.counts.fail > 0);
}

/** Every scope that could not be read, with the check that needed it. */
export function notCheckedFindings(result: ScanResult): { check: CheckResult; finding: FindingResult }[] {
  return result.checks.flatMap((check) =>
    check.findings.filter((f) => f.status === 'error').map((finding) => ({ check, finding })),
  );
}

/** `unavailable (503 ServiceUnavailable: message)`. */
export function causeText(finding: FindingResult): string {
  return finding.cause ? `${finding.cause.kind} (${describeCause(finding.cause)})` : finding.message;
}

/** One line for the summary: how many scopes were not checked, across how many checks. */
export function notCheckedSummary(result: ScanResult): string | undefined {
  const scopes = result.summary.findings.error;
  if (scopes === 0) return undefined;
  const checks = result.checks.filter((c) => c.counts.error > 0).length;
  return `${scopes} scope(s) could not be read and were not checked, in ${checks} check(s)`;
}

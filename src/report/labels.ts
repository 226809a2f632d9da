import type { CheckResult, FindingResult, ScanResult } from '../engine/result.js';
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

/**
 * The line every human report and the bundle's pages open with when the data was not collected from
 * the live systems by this run: a replayed snapshot, or the fictitious demo company. Null for live scans.
 */
export function replayBanner(scan: { mode?: string; evaluatedAt?: string }): string | null {
  if (scan.mode === 'demo')
    return `DEMO DATA: a fictitious company replayed from the bundled demo snapshot (data as of ${scan.evaluatedAt ?? '?'}); not evidence about any real system.`;
  if (scan.mode === 'snapshot')
    return `REPLAYED DATA: evaluated from a snapshot recorded earlier (data as of ${scan.evaluatedAt ?? '?'}), not collected from the live systems by this run.`;
  return null;
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

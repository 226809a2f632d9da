import type { NamePatterns } from '../core/config-types.js';
import { CATEGORY_TITLES } from '../engine/criteria.js';
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
  pass_with_exceptions: 'Pass with exceptions',
  fail: 'Fail',
  error: 'Error',
  skipped: 'Skipped',
};

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

/** The declared scope in words: in-scope categories, then each rule (`scope.aws.accounts exclude: 2222…`). */
export function scopeStatement(result: ScanResult): string[] {
  const r = result.scope.rules ?? {};
  const named: [string, NamePatterns | undefined][] = [
    ['scope.aws.accounts', r.aws?.accounts],
    ['scope.aws.regions', r.aws?.regions],
    ['scope.github.repositories', r.github?.repositories],
    ['scope.google.orgUnits', r.google?.orgUnits],
    ['scope.tags', r.tags],
  ];
  return [
    `In-scope categories: ${result.scope.categories.map((c) => CATEGORY_TITLES[c]).join(', ')}`,
    ...named.flatMap(([path, p]) => [
      ...(p?.include?.length ? [`${path} include: ${p.include.join(', ')}`] : []),
      ...(p?.exclude?.length ? [`${path} exclude: ${p.exclude.join(', ')}`] : []),
    ]),
  ];
}

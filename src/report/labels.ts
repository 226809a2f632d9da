import type { NamePatterns } from '../core/config-types.js';
import { CATEGORY_TITLES } from '../engine/criteria.js';
import type { CheckResult, ControlResult, FindingResult, ScanResult } from '../engine/result.js';
import { describeCause } from '../engine/scope.js';
import type { CheckStatus, ControlStatus } from '../engine/types.js';

/**
 * What a control or criterion status means, in words that record an observation at scan time. None of
 * them is an opinion on whether a control is suitably designed or operated effectively: that is an
 * auditor's, in a SOC 2 report.
 */
export const CONTROL_STATUS_LABEL: Record<ControlStatus, string> = {
  pass: 'No gaps found',
  fail: 'Failing checks',
  partial: 'Partly evidenced',
  manual: 'Manual evidence needed',
  not_evaluated: 'Not evaluated',
};

export const CHECK_STATUS_LABEL: Record<CheckStatus, string> = {
  pass: 'Passed at scan time',
  pass_with_exceptions: 'Passed with exceptions',
  fail: 'Failed',
  error: 'Could not check',
  skipped: 'Skipped',
};

/** The line every human report carries, so nobody mistakes it for an attestation. */
export const NOT_AN_ATTESTATION =
  'This is an automated readiness scan, not a SOC 2 report and not an auditor’s opinion: it records what the scanned systems and evidence showed when the data was collected.';

/** The report's time stamps without milliseconds: `2026-11-02 09:00 UTC`. */
export function displayTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

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

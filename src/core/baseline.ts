import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../engine/errors.js';
import type { BaselineComparison, CheckResult, ScanResult } from '../engine/result.js';
import { exitCodeFor } from '../engine/rollup.js';
import type { Severity } from '../engine/types.js';

/** A finding's identity across scans: the check and the resource it names. */
export function findingKey(checkId: string, resource: string): string {
  return `${checkId}\u0000${resource}`;
}

/** Reads a report.json (or an output folder holding one). Bad input is an InputError. */
export function readReport(path: string): ScanResult {
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'report.json') : path;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError([{ file, message: 'report not found' }]);
    if (code) throw new InputError([{ file, message: `cannot read report (${code})` }]);
    throw new InputError([{ file, message: `not valid JSON: ${(error as Error).message}` }]);
  }
  const report = parsed as Partial<ScanResult> | null;
  if (!report || typeof report !== 'object' || report.schemaVersion !== 1 || !Array.isArray(report.checks)) {
    throw new InputError([{ file, message: 'not a soc2 report.json (expected schemaVersion 1 and checks)' }]);
  }
  return report as ScanResult;
}

export interface FailingFinding {
  check: string;
  title: string;
  severity: Severity;
  resource: string;
  message: string;
}

function failing(checks: readonly CheckResult[]): Map<string, FailingFinding> {
  const out = new Map<string, FailingFinding>();
  for (const check of checks) {
    for (const f of check.findings) {
      if (f.status !== 'fail' || f.exception) continue;
      out.set(findingKey(check.id, f.resource), {
        check: check.id,
        title: check.title,
        severity: check.severity,
        resource: f.resource,
        message: f.message,
      });
    }
  }
  return out;
}

/**
 * Whether an old failure that is not failing now was re-checked: its resource passes now, or its check
 * read every scope (pass or fail). Under a check that errored or was skipped, a resource with no verdict
 * now was not re-checked, so it is not fixed.
 */
function recheckedNow(result: ScanResult): (finding: FailingFinding) => boolean {
  const complete = new Set(
    result.checks.filter((c) => c.status === 'pass' || c.status === 'fail').map((c) => c.id),
  );
  const passing = new Set(
    result.checks.flatMap((c) =>
      c.findings.filter((f) => f.status === 'pass' || f.exception).map((f) => findingKey(c.id, f.resource)),
    ),
  );
  return (f) => complete.has(f.check) || passing.has(findingKey(f.check, f.resource));
}

export interface ReportDiff {
  old: { evaluatedAt: string; file?: string };
  new: { evaluatedAt: string; file?: string };
  newFailures: FailingFinding[];
  unchanged: FailingFinding[];
  fixed: FailingFinding[];
  /** Failing before; not re-checked now because their check could not read their scope. */
  notRechecked: FailingFinding[];
  controls: { id: string; title: string; from: string; to: string }[];
  readiness: { from: number; to: number };
}

const bySeverityThenId = (a: FailingFinding, b: FailingFinding) =>
  a.check < b.check
    ? -1
    : a.check > b.check
      ? 1
      : a.resource < b.resource
        ? -1
        : a.resource > b.resource
          ? 1
          : 0;

/** What changed between two reports: new, unchanged and fixed failing findings, and control status moves. */
export function diffReports(oldReport: ScanResult, newReport: ScanResult): ReportDiff {
  const before = failing(oldReport.checks);
  const after = failing(newReport.checks);
  const rechecked = recheckedNow(newReport);
  const present = new Set(newReport.checks.map((c) => c.id));
  const oldControls = new Map(oldReport.controls.map((c) => [c.id, c]));
  return {
    old: { evaluatedAt: oldReport.scan.evaluatedAt },
    new: { evaluatedAt: newReport.scan.evaluatedAt },
    newFailures: [...after]
      .filter(([k]) => !before.has(k))
      .map(([, f]) => f)
      .sort(bySeverityThenId),
    unchanged: [...after]
      .filter(([k]) => before.has(k))
      .map(([, f]) => f)
      .sort(bySeverityThenId),
    fixed: [...before]
      .filter(([k, f]) => !after.has(k) && rechecked(f))
      .map(([, f]) => f)
      .sort(bySeverityThenId),
    notRechecked: [...before]
      .filter(([k, f]) => !after.has(k) && !rechecked(f) && present.has(f.check))
      .map(([, f]) => f)
      .sort(bySeverityThenId),
    controls: newReport.controls
      .filter((c) => oldControls.has(c.id) && oldControls.get(c.id)!.status !== c.status)
      .map((c) => ({ id: c.id, title: c.title, from: oldControls.get(c.id)!.status, to: c.status })),
    readiness: { from: oldReport.summary.readiness, to: newReport.summary.readiness },
  };
}

/**
 * Marks each failing finding `new` or `unchanged` against the baseline, records the fixed ones, and
 * recomputes the exit code (which, with failOn `new`, depends on the marks).
 */
export function applyBaseline(result: ScanResult, baseline: ScanResult, baselineFile: string): ScanResult {
  const diff = diffReports(baseline, result);
  const before = failing(baseline.checks);
  const checks = result.checks.map((check) => ({
    ...check,
    findings: check.findings.map((f) =>
      f.status === 'fail' && !f.exception
        ? {
            ...f,
            baseline: before.has(findingKey(check.id, f.resource))
              ? ('unchanged' as const)
              : ('new' as const),
          }
        : f,
    ),
  }));
  const comparison: BaselineComparison = {
    report: baselineFile,
    evaluatedAt: baseline.scan.evaluatedAt,
    new: diff.newFailures.length,
    unchanged: diff.unchanged.length,
    fixed: diff.fixed.map(brief),
    notRechecked: diff.notRechecked.map(brief),
  };
  return {
    ...result,
    checks,
    summary: { ...result.summary, exitCode: exitCodeFor(checks, result.scan.failOn) },
    baseline: comparison,
  };
}

const brief = ({ check, resource, severity, message }: FailingFinding) => ({
  check,
  resource,
  severity,
  message,
});

export function diffText(diff: ReportDiff): string {
  const line = (f: FailingFinding) => `  [${f.severity}] ${f.check} ${f.resource}: ${f.message}`;
  const out = [
    `soc2 diff: ${diff.old.evaluatedAt} -> ${diff.new.evaluatedAt}`,
    `Readiness ${diff.readiness.from}% -> ${diff.readiness.to}%`,
    '',
    `New failures (${diff.newFailures.length})`,
    ...diff.newFailures.map(line),
    '',
    `Fixed (${diff.fixed.length})`,
    ...diff.fixed.map(line),
    '',
    `Still failing (${diff.unchanged.length})`,
    ...diff.unchanged.map(line),
  ];
  if (diff.notRechecked.length > 0) {
    out.push(
      '',
      `Not re-checked: could not be read now, so not counted as fixed (${diff.notRechecked.length})`,
    );
    out.push(...diff.notRechecked.map(line));
  }
  if (diff.controls.length > 0) {
    out.push('', `Control status changes (${diff.controls.length})`);
    for (const c of diff.controls) out.push(`  ${c.id} ${c.title}: ${c.from} -> ${c.to}`);
  }
  return `${out.join('\n')}\n`;
}

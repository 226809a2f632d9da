import type { Control } from '../core/catalog.js';
import type { AnyCheck } from './check.js';
import { CATEGORY_TITLES, type Category, type Criterion } from './criteria.js';
import { ExitCode } from './errors.js';
import type { Evaluation } from './evaluate.js';
import { CheckTally, type Tallied } from './check-tally.js';
import type { ExceptionMatcher } from './exceptions.js';
import type {
  CheckResult,
  ControlResult,
  CriterionResult,
  FindingResult,
  ManualEvidenceResult,
  ScanResult,
} from './result.js';
import {
  CHECK_STATUSES,
  checkPassed,
  severityRank,
  type CheckStatus,
  type ControlStatus,
  type Finding,
  type Severity,
} from './types.js';

export function applyExceptions(
  check: AnyCheck,
  findings: readonly Finding[],
  exceptions: ExceptionMatcher,
): FindingResult[] {
  return findings.map((finding) => {
    if (finding.status !== 'fail') return finding;
    const exception = exceptions.match(check.id, finding.resource);
    return exception ? { ...finding, exception } : finding;
  });
}

/** A check's findings all at once (a check evaluated once, as in tests): tallied without a sink. */
export function tallyOf(
  evaluation: Omit<Evaluation, 'findings'>,
  findings: readonly FindingResult[],
): Tallied {
  const tally = new CheckTally(() => undefined);
  tally.add(evaluation, findings);
  return tally.result();
}

export function checkResult(
  check: AnyCheck,
  tallied: Tallied,
  controls: readonly Control[],
  options: object,
): CheckResult {
  const using = controls.filter((c) => c.checks.includes(check.id));
  const { counts } = tallied;
  const status =
    tallied.status === 'fail' || tallied.status === 'pass' ? evaluatedStatus(counts) : tallied.status;
  return {
    id: check.id,
    title: check.title,
    provider: check.provider,
    severity: check.severity,
    description: check.description,
    risk: check.risk,
    remediation: check.remediation,
    status,
    ...(tallied.reason ? { reason: tallied.reason } : {}),
    ...(tallied.rootCause ? { rootCause: tallied.rootCause } : {}),
    findings: tallied.findings,
    ...(tallied.omitted > 0 ? { omittedFindings: tallied.omitted } : {}),
    counts: { ...counts },
    controls: using.map((c) => c.id),
    criteria: [
      ...new Set(using.flatMap((c) => c.criteria.filter((x) => x.role === 'tests').map((x) => x.id))),
    ].sort(),
    data: [...(check.requires as string[])],
    options: { ...options } as Record<string, unknown>,
  };
}

/** A check that evaluated: fail on any failing finding, pass_with_exceptions when exceptions covered them. */
export function evaluatedStatus(counts: { fail: number; excepted: number }): CheckStatus {
  return counts.fail > 0 ? 'fail' : counts.excepted > 0 ? 'pass_with_exceptions' : 'pass';
}

/**
 * fail: a check has a failing finding (also one that could not check every scope). pass: every check passes and every evidence request is satisfied.
 * partial: something is proven, something is not. manual: only manual evidence is outstanding.
 * not_evaluated: nothing could be evaluated.
 */
export function controlStatus(
  checks: readonly CheckResult[],
  evidence: readonly ManualEvidenceResult[],
): ControlStatus {
  if (checks.some((c) => c.status === 'fail' || c.counts.fail > 0)) return 'fail';
  const provenChecks = checks.filter((c) => checkPassed(c.status)).length;
  const provenEvidence = evidence.filter((e) => e.status === 'satisfied').length;
  const total = checks.length + evidence.length;
  if (total > 0 && provenChecks + provenEvidence === total) return 'pass';
  if (provenChecks + provenEvidence > 0) return 'partial';
  if (evidence.length > 0) return 'manual';
  return 'not_evaluated';
}

/**
 * The control's status as a criterion it only supports sees it: a check that ran shows the control
 * operating whatever it found, so its failing findings count against the criteria the control tests,
 * not this one. A check that could not run still leaves the control unproven.
 */
export function operatingStatus(
  checks: readonly CheckResult[],
  evidence: readonly ManualEvidenceResult[],
): ControlStatus {
  const ran = checks.map((c) => ({
    ...c,
    status: c.status === 'fail' ? ('pass' as const) : c.status,
    counts: { ...c.counts, fail: 0 },
  }));
  return controlStatus(ran, evidence);
}

export function criterionStatus(statuses: readonly ControlStatus[]): ControlStatus {
  if (statuses.includes('fail')) return 'fail';
  if (statuses.length > 0 && statuses.every((s) => s === 'pass')) return 'pass';
  if (statuses.includes('pass') || statuses.includes('partial')) return 'partial';
  if (statuses.includes('manual')) return 'manual';
  return 'not_evaluated';
}

export function controlResult(
  control: Control,
  checks: readonly CheckResult[],
  evidence: ManualEvidenceResult[],
): ControlResult {
  const mine = checks.filter((c) => control.checks.includes(c.id));
  return {
    id: control.id,
    title: control.title,
    description: control.description,
    type: control.type,
    owner: control.owner,
    frequency: control.frequency,
    population: control.population,
    testProcedure: control.testProcedure,
    criteria: control.criteria.map((c) => c.id),
    rationale: Object.fromEntries(control.criteria.map((c) => [c.id, c.rationale])),
    roles: Object.fromEntries(control.criteria.map((c) => [c.id, c.role])),
    status: controlStatus(mine, evidence),
    operatingStatus: operatingStatus(mine, evidence),
    checks: mine.map((c) => c.id),
    evidence,
    source: control.source,
  };
}

/** A control that tests the criterion counts with its status; one that only supports it, with its operating status. */
export function criterionResults(
  criteria: readonly Pick<Criterion, 'id' | 'category' | 'group' | 'title'>[],
  controls: readonly ControlResult[],
): CriterionResult[] {
  return criteria.map((criterion) => {
    const supporting = controls.filter((c) => c.criteria.includes(criterion.id));
    return {
      id: criterion.id,
      category: criterion.category,
      group: criterion.group,
      title: criterion.title,
      status: criterionStatus(
        supporting.map((c) => (c.roles[criterion.id] === 'supports' ? c.operatingStatus : c.status)),
      ),
      controls: supporting.map((c) => c.id),
    };
  });
}

function countBy<S extends string>(
  keys: readonly S[],
  values: readonly S[],
): Record<S, number> & { total: number } {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<S, number>;
  for (const v of values) counts[v]++;
  return { ...counts, total: values.length };
}

const CONTROL_STATUSES: ControlStatus[] = ['pass', 'fail', 'partial', 'manual', 'not_evaluated'];

/**
 * 0 clean; 3 incomplete (a check ended in error) outranks 1 (failures at or above failOn); 4 when every
 * check was skipped (nothing was checked). With failOn
 * `new`, only failing findings a baseline comparison marked new count.
 */
export function exitCodeFor(checks: readonly CheckResult[], failOn: Severity | 'new'): number {
  if (checks.some((c) => c.status === 'error')) return ExitCode.incomplete;
  if (checks.length > 0 && checks.every((c) => c.status === 'skipped')) return ExitCode.nothingChecked;
  if (failOn === 'new') {
    const regressed = checks.some((c) =>
      c.findings.some((f) => f.status === 'fail' && !f.exception && f.baseline === 'new'),
    );
    return regressed ? ExitCode.failures : ExitCode.ok;
  }
  const threshold = severityRank(failOn);
  if (checks.some((c) => c.status === 'fail' && severityRank(c.severity) >= threshold))
    return ExitCode.failures;
  return ExitCode.ok;
}

export function summarize(
  checks: readonly CheckResult[],
  controls: readonly ControlResult[],
  criteria: readonly CriterionResult[],
  failOn: Severity | 'new',
): ScanResult['summary'] {
  const categories = (Object.keys(CATEGORY_TITLES) as Category[])
    .map((id) => {
      const mine = criteria.filter((c) => c.category === id);
      const pass = mine.filter((c) => c.status === 'pass').length;
      return {
        id,
        title: CATEGORY_TITLES[id],
        criteria: mine.length,
        pass,
        readiness: percent(readinessPoints(mine), mine.length),
      };
    })
    .filter((c) => c.criteria > 0);
  return {
    readiness: percent(readinessPoints(controls), controls.length),
    exitCode: exitCodeFor(checks, failOn),
    checks: countBy(
      CHECK_STATUSES,
      checks.map((c) => c.status),
    ),
    controls: countBy(
      CONTROL_STATUSES,
      controls.map((c) => c.status),
    ),
    criteria: countBy(
      CONTROL_STATUSES,
      criteria.map((c) => c.status),
    ),
    findings: {
      pass: checks.reduce((n, c) => n + c.counts.pass, 0),
      fail: checks.reduce((n, c) => n + c.counts.fail, 0),
      excepted: checks.reduce((n, c) => n + c.counts.excepted, 0),
      error: checks.reduce((n, c) => n + c.counts.error, 0),
    },
    manualEvidence: countBy(
      ['satisfied', 'stale', 'outstanding'],
      controls.flatMap((c) => c.evidence.map((e) => e.status)),
    ),
    categories,
  };
}

/** A passing item counts fully, a partial one half; the rest nothing. */
function readinessPoints(items: readonly { status: ControlStatus }[]): number {
  return items.reduce((n, item) => n + (item.status === 'pass' ? 1 : item.status === 'partial' ? 0.5 : 0), 0);
}

function percent(points: number, total: number): number {
  return total === 0 ? 0 : Math.round((points / total) * 1000) / 10;
}

import type { CheckResult, ControlResult, ScanResult } from '../engine/result.js';
import { severityRank } from '../engine/types.js';

/** A failing check with what it reaches: the resources failing it and the controls and criteria it maps to. */
export interface RankedFailure {
  check: CheckResult;
  /** Failing resources not covered by an exception. */
  resources: number;
  controls: ControlResult[];
  /** The control owners, once each, in control order. */
  owners: string[];
}

/**
 * Checks with failing findings, highest risk first: severity, then blast radius (failing resources,
 * then the controls and criteria the check maps to), then id so equal risks keep a stable order.
 */
export function failuresByRisk(result: ScanResult): RankedFailure[] {
  const controlsById = new Map(result.controls.map((c) => [c.id, c]));
  return result.checks
    .filter((check) => check.counts.fail > 0)
    .map((check) => {
      const controls = check.controls.flatMap((id) => controlsById.get(id) ?? []);
      return {
        check,
        resources: check.counts.fail,
        controls,
        owners: [...new Set(controls.map((c) => c.owner).filter(Boolean))],
      };
    })
    .sort(
      (a, b) =>
        severityRank(b.check.severity) - severityRank(a.check.severity) ||
        b.resources - a.resources ||
        b.check.controls.length +
          b.check.criteria.length -
          (a.check.controls.length + a.check.criteria.length) ||
        (a.check.id < b.check.id ? -1 : a.check.id > b.check.id ? 1 : 0),
    );
}

/** How many failing checks to put in the "top failures" list of the human reports. */
export const TOP_FAILURES = 10;

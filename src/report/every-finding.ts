import type { CheckResult, FindingResult } from '../engine/result.js';
import type { ReportContext } from './index.js';

/** All of a check's findings: the result's list, or the full listing when the result omits some. */
export function everyFinding(check: CheckResult, context: ReportContext = {}): Iterable<FindingResult> {
  return check.omittedFindings && context.findings ? context.findings(check.id) : check.findings;
}

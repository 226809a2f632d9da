import type { ScanResult } from '../engine/result.js';
import { criterionById } from './catalog.js';
import type { McpContext } from './context.js';

/** One criterion as the report sees it: status, its controls and their checks, with failing counts. */
export function criterionDetail(context: McpContext, report: ScanResult, id: string) {
  const criterion = criterionById(context, id);
  const result = report.criteria.find((c) => c.id === criterion.id);
  const controls = report.controls.filter((c) => c.criteria.includes(criterion.id));
  const checks = new Map(report.checks.map((c) => [c.id, c]));
  return {
    id: criterion.id,
    category: criterion.category,
    group: criterion.group,
    title: criterion.title,
    status: result?.status ?? 'not_evaluated',
    controls: controls.map((control) => ({
      id: control.id,
      title: control.title,
      status: control.status,
      /** supports: the control's findings do not fail this criterion; it counts with its operating status. */
      role: control.roles?.[criterion.id] ?? 'tests',
      rationale: control.rationale[criterion.id] ?? '',
      checks: control.checks.flatMap((checkId) => {
        const check = checks.get(checkId);
        return check
          ? [
              {
                id: check.id,
                title: check.title,
                severity: check.severity,
                status: check.status,
                failing: check.counts.fail,
                remediation: check.remediation,
              },
            ]
          : [];
      }),
      manualEvidence: control.evidence.map((e) => ({ id: e.id, title: e.title, status: e.status })),
    })),
  };
}

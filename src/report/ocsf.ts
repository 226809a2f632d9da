import { everyFinding } from './every-finding.js';
import type { ReportContext } from './index.js';
import type { CheckResult, FindingResult, ScanResult } from '../engine/result.js';
import type { Severity } from '../engine/types.js';
import { wellFormedJson } from './text.js';
import { uuidV5 } from './uuid.js';

/**
 * The OCSF schema version these events follow: Compliance Finding gained `resources` in 1.3.0 (1.1.0
 * and 1.2.0 have only the singular `resource`); 1.4.0 deprecated `compliance.status_detail`.
 */
export const OCSF_VERSION = '1.3.0';

const SEVERITY: Record<Severity, { id: number; name: string }> = {
  info: { id: 1, name: 'Informational' },
  low: { id: 2, name: 'Low' },
  medium: { id: 3, name: 'Medium' },
  high: { id: 4, name: 'High' },
  critical: { id: 5, name: 'Critical' },
};

/**
 * Finding status (status_id) and compliance status (compliance.status_id) per OCSF 1.3.0. A passing
 * finding needs no one's attention: Resolved and Informational, as AWS Security Hub sets a PASSED
 * control finding (docs.aws.amazon.com/securityhub/1.0/APIReference/API_Workflow.html), so a SIEM rule
 * on `severity_id >= 4 AND status_id = 1` fires on failures only. The check's severity stays in
 * `unmapped.check_severity`.
 */
const FINDING_STATUS = {
  new: { id: 1, name: 'New' },
  suppressed: { id: 3, name: 'Suppressed' },
  resolved: { id: 4, name: 'Resolved' },
};
/** OCSF's Warning: "the compliance check did not yield a result due to missing information". */
const COMPLIANCE_STATUS = {
  pass: { id: 1, name: 'Pass', code: 'PASS' },
  fail: { id: 3, name: 'Fail', code: 'FAIL' },
  /** A scope of the check that could not be read. */
  notChecked: { id: 2, name: 'Warning', code: 'NOT_CHECKED' },
  /** A check that errored or was skipped as a whole. */
  notEvaluated: { id: 2, name: 'Warning', code: 'NOT_EVALUATED' },
};

function event(result: ScanResult, check: CheckResult, finding: FindingResult | undefined) {
  const time = Date.parse(result.scan.evaluatedAt);
  const compliance = !finding
    ? COMPLIANCE_STATUS.notEvaluated
    : finding.status === 'pass'
      ? COMPLIANCE_STATUS.pass
      : finding.status === 'error'
        ? COMPLIANCE_STATUS.notChecked
        : COMPLIANCE_STATUS.fail;
  const passed = finding?.status === 'pass' && !finding.exception;
  const status = finding?.exception
    ? FINDING_STATUS.suppressed
    : passed
      ? FINDING_STATUS.resolved
      : FINDING_STATUS.new;
  const severity = passed ? SEVERITY.info : SEVERITY[check.severity];
  const resource = finding?.resource;
  const message = finding
    ? `${check.title}: ${finding.resource}: ${finding.message}`
    : `${check.title}: not evaluated (${check.status}): ${check.reason ?? ''}`;
  return {
    activity_id: 1,
    activity_name: 'Create',
    category_uid: 2,
    category_name: 'Findings',
    class_uid: 2003,
    class_name: 'Compliance Finding',
    type_uid: 200301,
    type_name: 'Compliance Finding: Create',
    severity_id: severity.id,
    severity: severity.name,
    status_id: status.id,
    status: status.name,
    time,
    message,
    metadata: {
      uid: uuidV5(
        `soc2:ocsf-event:${result.organization}:${result.scan.evaluatedAt}:${check.id}:${resource ?? ''}`,
      ),
      version: OCSF_VERSION,
      product: {
        name: result.tool.name,
        vendor_name: 'soc2 open source project',
        version: result.tool.version,
      },
      logged_time: Date.parse(result.scan.finishedAt),
    },
    finding_info: {
      uid: uuidV5(`soc2:finding:${check.id}:${resource ?? `scope:${check.provider}`}`),
      title: check.title,
      desc: finding ? finding.message : (check.reason ?? check.status),
      types: ['SOC 2 readiness'],
    },
    compliance: {
      standards: ['SOC 2'],
      requirements: check.criteria,
      control: check.controls.join(', '),
      status: compliance.name,
      status_id: compliance.id,
      status_code: compliance.code,
      status_detail: finding ? finding.message : (check.reason ?? check.status),
    },

    ...(resource ? { resources: [{ uid: resource, name: resource }] } : {}),
    remediation: { desc: check.remediation },
    ...(finding?.exception
      ? {
          comment: `Excepted: ${finding.exception.reason}; approved by ${finding.exception.approved_by} on ${finding.exception.approved_at}; expires ${finding.exception.expires}`,
        }
      : {}),
    unmapped: {
      check_id: check.id,
      check_status: check.status,
      check_severity: check.severity,
      provider: check.provider,
      organization: result.organization,
      ...(finding?.baseline ? { baseline: finding.baseline } : {}),
      ...(finding?.cause ? { cause: finding.cause } : {}),
    },
  };
}

/**
 * OCSF Compliance Finding (class 2003) events as JSON Lines: one per finding, plus one per check that
 * could not be evaluated (compliance status Warning, code NOT_EVALUATED), so importers see the gaps too.
 */
export function* renderOcsf(result: ScanResult, context: ReportContext = {}): Generator<string> {
  for (const check of result.checks) {
    if (check.findings.length === 0) yield `${wellFormedJson(event(result, check, undefined))}\n`;
    for (const f of everyFinding(check, context)) yield `${wellFormedJson(event(result, check, f))}\n`;
  }
}

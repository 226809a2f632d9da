import type { CheckResult, FindingResult, ScanResult } from '../engine/result.js';
import type { Severity } from '../engine/types.js';
import { uuidV5 } from './uuid.js';

/** The OCSF schema version these events follow. */
export const OCSF_VERSION = '1.1.0';

const SEVERITY: Record<Severity, { id: number; name: string }> = {
  info: { id: 1, name: 'Informational' },
  low: { id: 2, name: 'Low' },
  medium: { id: 3, name: 'Medium' },
  high: { id: 4, name: 'High' },
  critical: { id: 5, name: 'Critical' },
};

/** Finding status (status_id) and compliance status (compliance.status_id) per OCSF 1.1.0. */
const FINDING_STATUS = { new: { id: 1, name: 'New' }, suppressed: { id: 3, name: 'Suppressed' } };
const COMPLIANCE_STATUS = {
  pass: { id: 1, name: 'Pass', code: 'PASS' },
  fail: { id: 3, name: 'Fail', code: 'FAIL' },
  /** OCSF 1.1.0: "the compliance check did not yield a result due to missing information". */
  warning: { id: 2, name: 'Warning', code: 'NOT_CHECKED' },
  other: { id: 99, name: 'Other', code: 'NOT_EVALUATED' },
};

function event(result: ScanResult, check: CheckResult, finding: FindingResult | undefined) {
  const time = Date.parse(result.scan.evaluatedAt);
  const compliance = !finding
    ? COMPLIANCE_STATUS.other
    : finding.status === 'pass'
      ? COMPLIANCE_STATUS.pass
      : finding.status === 'error'
        ? COMPLIANCE_STATUS.warning
        : COMPLIANCE_STATUS.fail;
  const status = finding?.exception ? FINDING_STATUS.suppressed : FINDING_STATUS.new;
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
    severity_id: SEVERITY[check.severity].id,
    severity: SEVERITY[check.severity].name,
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

    ...(resource ? { resources: [{ uid: resource, name: resource, type: check.provider }] } : {}),
    remediation: { desc: check.remediation },
    ...(finding?.exception
      ? {
          comment: `Excepted: ${finding.exception.reason}; approved by ${finding.exception.approved_by} on ${finding.exception.approved_at}; expires ${finding.exception.expires}`,
        }
      : {}),
    unmapped: {
      check_id: check.id,
      check_status: check.status,
      provider: check.provider,
      organization: result.organization,
      ...(finding?.baseline ? { baseline: finding.baseline } : {}),
      ...(finding?.cause ? { cause: finding.cause } : {}),
    },
  };
}

/**
 * OCSF Compliance Finding (class 2003) events as JSON Lines: one per finding, plus one per check that
 * could not be evaluated (compliance status Other), so importers see the gaps too.
 */
export function* renderOcsf(result: ScanResult): Generator<string> {
  for (const check of result.checks) {
    if (check.findings.length === 0) yield `${JSON.stringify(event(result, check, undefined))}\n`;
    for (const f of check.findings) yield `${JSON.stringify(event(result, check, f))}\n`;
  }
}

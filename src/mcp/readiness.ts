import type { ScanResult } from '../engine/result.js';

/** The report's summary: what get_readiness answers and run_scan returns after a scan. */
export function readinessOf(report: ScanResult) {
  const { scan, summary } = report;
  return {
    organization: report.organization,
    scan: {
      startedAt: scan.startedAt,
      finishedAt: scan.finishedAt,
      evaluatedAt: scan.evaluatedAt,
      mode: scan.mode,
      complete: scan.complete,
      failOn: scan.failOn,
      selection: scan.selection,
      ...(scan.shard ? { shard: scan.shard } : {}),
      ...(scan.missingShards ? { missingShards: scan.missingShards } : {}),
    },
    readiness: summary.readiness,
    exitCode: summary.exitCode,
    counts: {
      checks: summary.checks,
      controls: summary.controls,
      criteria: summary.criteria,
      findings: summary.findings,
      manualEvidence: summary.manualEvidence,
    },
    categories: summary.categories,
    criteria: report.criteria.map((c) => ({
      id: c.id,
      category: c.category,
      title: c.title,
      status: c.status,
      controls: c.controls.length,
    })),
    providers: report.providers.map((p) => ({
      id: p.id,
      status: p.status,
      ...(p.reason ? { reason: p.reason } : {}),
    })),
  };
}

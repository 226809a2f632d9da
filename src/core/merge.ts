import { InputError } from '../engine/errors.js';
import type {
  CheckResult,
  ControlResult,
  FindingResult,
  ProviderResult,
  ScanResult,
} from '../engine/result.js';
import { controlStatus, criterionStatus, summarize } from '../engine/rollup.js';

const earliest = (values: string[]) => values.reduce((a, b) => (b < a ? b : a));
const latest = (values: string[]) => values.reduce((a, b) => (b > a ? b : a));

/** Findings of one check from several shards: concatenated; the same finding seen twice is kept once. */
function mergeFindings(parts: readonly CheckResult[]): FindingResult[] {
  const seen = new Set<string>();
  const out: FindingResult[] = [];
  for (const part of parts) {
    for (const f of part.findings) {
      const key = JSON.stringify([f.resource, f.status, f.message]);
      if (seen.has(key)) continue;
      seen.add(key);
      const { baseline: _baseline, ...rest } = f;
      out.push(rest);
    }
  }
  return out;
}

/** error if any shard errored; otherwise pass/fail from the merged findings; skipped if no shard evaluated it. */
function mergeCheck(parts: readonly CheckResult[]): CheckResult {
  const first = parts[0]!;
  const findings = mergeFindings(parts);
  const counts = {
    pass: findings.filter((f) => f.status === 'pass').length,
    fail: findings.filter((f) => f.status === 'fail' && !f.exception).length,
    excepted: findings.filter((f) => f.exception).length,
    error: findings.filter((f) => f.status === 'error').length,
  };
  const errored = parts.filter((p) => p.status === 'error');
  const evaluated = parts.some((p) => p.status === 'pass' || p.status === 'fail');
  const status: CheckResult['status'] =
    errored.length > 0 ? 'error' : evaluated ? (counts.fail > 0 ? 'fail' : 'pass') : 'skipped';
  const reasons = [
    ...new Set(
      (status === 'error' ? errored : status === 'skipped' ? parts : []).map((p) => p.reason).filter(Boolean),
    ),
  ];
  const { reason: _reason, ...rest } = first;
  return {
    ...rest,
    status,
    ...(reasons.length > 0 ? { reason: reasons.join('; ') } : {}),
    findings,
    counts,
  };
}

function mergeProvider(parts: readonly ProviderResult[]): ProviderResult {
  const statuses = new Set(parts.map((p) => p.status));
  const status = statuses.size === 1 ? parts[0]!.status : 'partial';
  const stats: Record<string, number | string> = {};
  for (const part of parts) {
    for (const [k, v] of Object.entries(part.stats ?? {})) {
      stats[k] =
        typeof v === 'number' && typeof stats[k] === 'number' ? (stats[k] as number) + v : (stats[k] ?? v);
    }
  }
  const reason = parts.find((p) => p.reason)?.reason;
  return {
    id: parts[0]!.id,
    status,
    ...(reason ? { reason } : {}),
    ...(Object.keys(stats).length > 0 ? { stats } : {}),
  };
}

function groupById<T extends { id: string }>(lists: readonly (readonly T[])[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const list of lists) {
    for (const item of list) {
      const group = groups.get(item.id);
      if (group) group.push(item);
      else groups.set(item.id, [item]);
    }
  }
  return groups;
}

/**
 * Combines the reports of shards of one scan into the report a single scan would have produced: the
 * findings of each check are concatenated, then check, control and criterion statuses, the summary
 * and the exit code are rolled up again.
 */
export function mergeResults(results: readonly ScanResult[], sources: readonly string[] = []): ScanResult {
  const first = results[0];
  if (!first) throw new InputError('soc2 merge: give at least one shard output folder');
  const organizations = [...new Set(results.map((r) => r.organization))];
  if (organizations.length > 1) {
    throw new InputError(
      `soc2 merge: the reports belong to different organizations (${organizations.join(', ')})`,
    );
  }
  const checks = [...groupById(results.map((r) => r.checks)).values()].map(mergeCheck);
  const controls: ControlResult[] = [...groupById(results.map((r) => r.controls)).values()].map((parts) => {
    const control = parts[0]!;
    const mine = checks.filter((c) => control.checks.includes(c.id));
    return { ...control, status: controlStatus(mine, control.evidence) };
  });
  const criteria = [...groupById(results.map((r) => r.criteria)).values()].map((parts) => {
    const criterion = parts[0]!;
    const supporting = controls.filter((c) => c.criteria.includes(criterion.id));
    return {
      ...criterion,
      controls: supporting.map((c) => c.id),
      status: criterionStatus(supporting.map((c) => c.status)),
    };
  });
  const failOn = first.scan.failOn;
  const expired = new Map<string, ScanResult['exceptions']['expired'][number]>();
  for (const r of results) for (const e of r.exceptions.expired) expired.set(JSON.stringify(e), e);
  const { shard: _shard, ...scan } = first.scan;
  return {
    schemaVersion: 1,
    tool: first.tool,
    organization: first.organization,
    scan: {
      ...scan,
      startedAt: earliest(results.map((r) => r.scan.startedAt)),
      finishedAt: latest(results.map((r) => r.scan.finishedAt)),
      evaluatedAt: earliest(results.map((r) => r.scan.evaluatedAt)),
      complete: !checks.some((c) => c.status === 'error'),
      ...(sources.length > 0 ? { mergedFrom: [...sources] } : {}),
    },
    summary: summarize(checks, controls, criteria, failOn),
    providers: [...groupById(results.map((r) => r.providers)).values()].map(mergeProvider),
    criteria,
    controls,
    checks,
    exceptions: {
      applied: checks.reduce((n, c) => n + c.counts.excepted, 0),
      expired: [...expired.values()],
    },
  };
}

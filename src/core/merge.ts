import { ExitCode, InputError } from '../engine/errors.js';
import type {
  CheckResult,
  ControlResult,
  FindingResult,
  ProviderResult,
  ScanResult,
} from '../engine/result.js';
import {
  controlStatus,
  criterionResults,
  evaluatedStatus,
  operatingStatus,
  summarize,
} from '../engine/rollup.js';
import { checkPassed } from '../engine/types.js';

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
  const evaluated = parts.some((p) => checkPassed(p.status) || p.status === 'fail');
  const status: CheckResult['status'] =
    errored.length > 0 ? 'error' : evaluated ? evaluatedStatus(counts) : 'skipped';
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
/**
 * The shards of `i/n` that were not given. Shards of different `n` are bad input, and so are missing
 * ones unless `partial`: a merge of shard 1 of 2 would look like (and better than) the whole scan.
 */
export function missingShards(results: readonly ScanResult[], partial: boolean): number[] {
  const shards = results.flatMap((r) => (r.scan.shard ? [r.scan.shard] : []));
  if (shards.length === 0) return [];
  const counts = [...new Set(shards.map((s) => s.count))];
  if (counts.length > 1 || shards.length !== results.length)
    throw new InputError(
      'soc2 merge: the outputs come from different shardings (--shard i/n with different n)',
    );
  const given = new Set(shards.map((s) => s.index));
  const missing = Array.from({ length: counts[0]! }, (_, i) => i + 1).filter((i) => !given.has(i));
  if (missing.length > 0 && !partial) {
    throw new InputError(
      `soc2 merge: shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${counts[0]} missing; merge every shard, or pass --partial to combine what is there into a report marked incomplete`,
    );
  }
  return missing;
}

export function mergeResults(
  results: readonly ScanResult[],
  sources: readonly string[] = [],
  options: { partial?: boolean } = {},
): ScanResult {
  const first = results[0];
  if (!first) throw new InputError('soc2 merge: give at least one shard output folder');
  const missing = missingShards(results, options.partial ?? false);
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
    return {
      ...control,
      status: controlStatus(mine, control.evidence),
      operatingStatus: operatingStatus(mine, control.evidence),
    };
  });
  const criteria = criterionResults(
    [...groupById(results.map((r) => r.criteria)).values()].map((parts) => parts[0]!),
    controls,
  );
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
      complete: missing.length === 0 && !checks.some((c) => c.status === 'error'),
      ...(sources.length > 0 ? { mergedFrom: [...sources] } : {}),
      ...(missing.length > 0 ? { missingShards: missing } : {}),
    },
    summary: withMissingShards(summarize(checks, controls, criteria, failOn), missing),
    providers: [...groupById(results.map((r) => r.providers)).values()].map(mergeProvider),
    criteria,
    controls,
    checks,
    exceptions: {
      applied: checks.reduce((n, c) => n + c.counts.excepted, 0),
      expired: [...expired.values()],
      ...(first.exceptions.allowLists ? { allowLists: first.exceptions.allowLists } : {}),
    },
    scope: first.scope,
    outOfScope: {
      criteria: first.outOfScope.criteria,
      resources: [
        ...new Map(
          results.flatMap((r) => r.outOfScope.resources).map((e) => [JSON.stringify(e), e] as const),
        ).values(),
      ],
    },
  };
}

/** Shards left out make the merged scan incomplete: exit 3, which outranks failures. */
function withMissingShards(
  summary: ScanResult['summary'],
  missing: readonly number[],
): ScanResult['summary'] {
  return missing.length > 0 ? { ...summary, exitCode: ExitCode.incomplete } : summary;
}

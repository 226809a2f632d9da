import type { Catalog, Control } from '../core/catalog.js';
import type { AnyCheck } from './check.js';
import { openCollection, type KeyProvenance, type ResumedEntry } from './collect.js';
import { CheckTally } from './check-tally.js';
import { reclaimMemory, watchMemory } from './reclaim.js';
import {
  collectSegments,
  segmentData,
  segmentedProviders,
  WHOLE,
  type CollectedSegments,
  type SegmentPart,
} from './segmented.js';
import { memorySegmentStore, type SegmentStore } from './segments.js';
import type { FindingResult } from './result.js';
import { outstandingEvidence, type ManualEvidenceResolver, type Provider } from './collector.js';
import type { Config } from '../core/config.js';
import { resolveCheckConfig } from './check-config.js';
import { evaluateCheck } from './evaluate.js';
import { redact } from './redact.js';
import type { ScanEvent } from './events.js';
import { locatorKeys, outOfScopeCriteria, scopeFilter, type ScopeFilter } from './audit-scope.js';
import { CATEGORY_TITLES, type Category } from './criteria.js';
import { allowLists, exceptionMatcher } from './exceptions.js';
import { makePlan, type Selection } from './plan.js';
import { buildPopulation, populationKeys, type AnyPopulation, type BuiltPopulation } from './population.js';
import type { ManualEvidenceResult, ProviderResult, ScanResult } from './result.js';
import { applyExceptions, checkResult, controlResult, criterionResults, summarize } from './rollup.js';
import type { DataEntry, Snapshot } from '../core/snapshot.js';
import type { ProviderId, Severity } from './types.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';

export interface ScanOptions {
  config: Config;
  catalog: Catalog;
  checks: readonly AnyCheck[];
  providers: readonly Provider[];
  selection?: Selection;
  failOn?: Severity | 'new';
  /** Replayed data: its keys are not collected again, and checks are evaluated as of its collection time. */
  snapshot?: Snapshot;
  mode?: ScanResult['scan']['mode'];
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  onEvent?: (event: ScanEvent) => void;
  /**
   * Each data key collected (redacted) as soon as it is final, with the ids of the checks that use it
   * (none for the keys that only define scope, such as the account list): lets the caller write
   * evidence to disk while the scan goes on.
   */
  onEvidence?: (evidence: EvidenceEntry) => void;
  /** One element of such a key's list value, before the key is done (its onEvidence still follows). */
  onEvidenceItem?: (item: EvidenceItem) => void;
  /**
   * One segment's entry of a key a provider segments (AWS Config, one account at a time): such keys
   * never reach onEvidence whole.
   */
  onEvidencePart?: (part: EvidencePart) => void;
  /** Every finding of every check, as it is judged (a result keeps only FINDINGS_KEPT per check). */
  onFindings?: (checkId: string, findings: readonly FindingResult[]) => void;
  /**
   * `--resume`: what an interrupted run of this same scan collected and verified. Those keys (and, for
   * segmented keys, segments) are not collected again; everything else is, live.
   */
  resume?: ResumedData;
  /** Where segments wait between collection and evaluation; in memory (as JSON text) by default. */
  segmentStore?: SegmentStore;
  clock?: () => Date;
  /** Type II populations that may be built; they are, for the config's `period`, when it has one. */
  populations?: readonly AnyPopulation[];
}

export interface EvidenceItem {
  key: string;
  index: number;
  value: unknown;
  usedBy: string[];
  collectedAt: string;
}

export interface ResumedData {
  entries: Record<string, ResumedEntry>;
  /** Segmented keys by key and segment, read when the scan reaches that segment. */
  segments: Record<string, Record<string, () => ResumedEntry>>;
}

export interface EvidencePart extends SegmentPart {
  usedBy: string[];
  evaluatedAt: string;
}

export interface EvidenceEntry {
  key: string;
  entry: DataEntry;
  usedBy: string[];
  /** When the data counts as collected if the entry does not say (a replayed snapshot's time). */
  evaluatedAt: string;
  provenance?: KeyProvenance;
}

export interface ScanOutcome {
  result: ScanResult;
  /** The data of every key but the segmented ones, which are in `segments`. */
  snapshot: Snapshot;
  /** Segmented keys: each provider's segments, in the store, for a caller that saves a snapshot. */
  segments: { collected: CollectedSegments[]; store: SegmentStore };
  /** With a period: each population and what building it gave (evidence/population-file.ts writes them). */
  populations: BuiltPopulation[];
}

/** plan -> collect -> snapshot -> evaluate -> roll up. Touches the network only through collectors. */
export async function runScan(options: ScanOptions): Promise<ScanOutcome> {
  const stopWatching = watchMemory();
  try {
    return await scan(options);
  } finally {
    stopWatching();
  }
}

async function scan(options: ScanOptions): Promise<ScanOutcome> {
  const clock = options.clock ?? (() => new Date());
  const startedAt = clock();
  const { config, catalog, checks } = options;
  const selection = options.selection ?? {};
  const failOn = options.failOn ?? config.failOn ?? 'low';
  const checkOptions = resolveCheckConfig(config, checks, startedAt.toISOString().slice(0, 10));
  const categories = inScopeCategories(config);
  const plan = makePlan(
    catalog,
    checks,
    selection,
    [...options.providers.map((p) => p.id), ...checks.map((c) => c.provider)],
    categories,
  );
  const locators = options.providers.flatMap((p) => (p.locator ? [p.locator] : []));
  const manualEvidence =
    options.providers.find((p) => p.manualEvidence)?.manualEvidence ?? NO_MANUAL_EVIDENCE;
  const evaluatedAt = options.snapshot ? new Date(options.snapshot.collectedAt) : startedAt;
  const period = config.period;
  const populations = period
    ? (options.populations ?? []).filter(
        (p) => !selection.providers?.length || selection.providers.includes(p.provider),
      )
    : [];
  const usedBy = new Map<string, string[]>();
  const keysOf = (user: AnyCheck | AnyPopulation) =>
    'build' in user ? populationKeys(user) : (user.requires as readonly string[]);
  for (const user of [...plan.checks, ...populations]) {
    for (const key of keysOf(user)) usedBy.set(key, [...(usedBy.get(key) ?? []), user.id]);
  }
  const { onEvidence, onEvidenceItem } = options;

  const allKeys = [
    ...new Set([
      ...plan.keys,
      ...manualEvidence.keys(plan.controls),
      ...locatorKeys(config.scope, locators),
      ...populations.flatMap(populationKeys),
    ]),
  ];
  const segmented = segmentedProviders(options.providers, allKeys);
  const segmentedKeys = new Set(segmented.flatMap((s) => s.keys));
  const collection = openCollection({
    providers: options.providers,
    config,
    env: options.env ?? process.env,
    signal: options.signal ?? new AbortController().signal,
    offline: Boolean(options.snapshot),
    only: selection.providers,
    onEvent: options.onEvent,
    now: clock,
  });
  const wholeRun = (keys: readonly string[], given?: Record<string, DataEntry>) =>
    collection.run(keys, {
      ...(given ? { given } : {}),
      preloaded: options.snapshot?.data,
      resumed: options.resume?.entries,
      onData: onEvidence
        ? (key, entry, provenance) =>
            onEvidence({
              key,
              entry,
              usedBy: usedBy.get(key) ?? [],
              evaluatedAt: evaluatedAt.toISOString(),
              provenance,
            })
        : undefined,
      onItem: onEvidenceItem
        ? (item) => onEvidenceItem({ ...item, usedBy: usedBy.get(item.key) ?? [] })
        : undefined,
    });
  // The keys that list segments come first; then the other whole keys and the segments are collected
  // at the same time (AWS's accounts one by one while Google's users are read).
  const scopeKeys = [...new Set(segmented.map((s) => s.segmentation.scopeKey))];
  const scopeData = await wholeRun(scopeKeys);
  const store = options.segmentStore ?? memorySegmentStore();
  const collectAllSegments = async () => {
    const all: CollectedSegments[] = [];
    for (const provider of segmented) {
      all.push(
        await collectSegments({
          collection,
          config,
          segmented: provider,
          scope: scopeData[provider.segmentation.scopeKey],
          store,
          snapshot: options.snapshot,
          resumed: options.resume?.segments,
          onEvent: options.onEvent,
          onPart: options.onEvidencePart
            ? (part) =>
                options.onEvidencePart!({
                  ...part,
                  usedBy: usedBy.get(part.key) ?? [],
                  evaluatedAt: evaluatedAt.toISOString(),
                })
            : undefined,
        }),
      );
    }
    return all;
  };
  const [wholeData, collectedSegments] = await Promise.all([
    wholeRun(
      allKeys.filter((key) => !segmentedKeys.has(key) && !scopeKeys.includes(key)),
      scopeData,
    ),
    collectAllSegments(),
  ]);
  const collectedData = { ...scopeData, ...wholeData };
  const collected = { data: collectedData, ...(await collection.close()) };

  const snapshot: Snapshot = {
    format: 'soc2-snapshot',
    version: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    organization: config.organization,
    collectedAt: evaluatedAt.toISOString(),
    data: Object.fromEntries(Object.entries(collected.data).sort(([a], [b]) => (a < b ? -1 : 1))),
  };

  options.onEvent?.({ type: 'evaluate', checks: plan.checks.length });
  reclaimMemory();
  const exceptions = exceptionMatcher(config.exceptions, evaluatedAt);
  const context = { now: evaluatedAt, organization: config.organization };
  const scope = scopeFilter(config.scope, locators, snapshot.data);
  const outOfScopeResources = [...scope.excluded];
  const tallies = new Map(
    plan.checks.map((check) => [
      check.id,
      new CheckTally((findings) => options.onFindings?.(check.id, redact(findings))),
    ]),
  );
  const judge = (check: AnyCheck, data: Record<string, DataEntry>, filter: ScopeFilter, segment?: string) => {
    const tally = tallies.get(check.id)!;
    const evaluation = evaluateCheck(check, data, checkOptions.get(check.id) ?? {}, context);
    if (segment !== undefined && evaluation.rootCause && evaluation.findings.length === 0) {
      const unread = (check.requires as string[]).map((key) => data[key]).find((e) => e && e.status !== 'ok');
      tally.addUnread({
        resource: segment,
        status: evaluation.status === 'skipped' ? 'skipped' : 'error',
        reason: evaluation.reason ?? 'not read',
        rootCause: evaluation.rootCause,
        ...(unread?.status === 'error' && unread.cause ? { cause: unread.cause } : {}),
      });
      return;
    }
    const scoped = filter.apply(check.id, evaluation);
    outOfScopeResources.push(...scoped.outOfScope);
    tally.add(scoped.evaluation, applyExceptions(check, scoped.evaluation.findings, exceptions));
  };
  const segmentOf = new Map(collectedSegments.flatMap((c) => c.keys.map((key) => [key, c] as const)));
  const bySegments = new Map<CollectedSegments, AnyCheck[]>();
  for (const check of plan.checks) {
    const segments = (check.requires as string[]).map((key) => segmentOf.get(key)).find(Boolean);
    if (segments) bySegments.set(segments, [...(bySegments.get(segments) ?? []), check]);
    else {
      judge(check, snapshot.data, scope);
      reclaimMemory();
    }
  }
  for (const [segments, checks] of bySegments) {
    for (const id of segments.ids) {
      const own = store.get(id);
      const resource = id === WHOLE ? undefined : segments.segmentation.resource(id);
      const data = segmentData(segments, id, snapshot.data, own, false);
      // Locators read the segment's data too (tags are on its AWS Config items).
      const filter = scopeFilter(config.scope, locators, data);
      for (const check of checks) {
        const seen = check.crossSegment ? segmentData(segments, id, snapshot.data, own, true) : data;
        judge(check, seen, filter, resource);
      }
      reclaimMemory();
    }
  }
  reclaimMemory();
  const checkResults = plan.checks.map((check) =>
    checkResult(check, tallies.get(check.id)!.result(), plan.controls, checkOptions.get(check.id) ?? {}),
  );
  const controls = plan.controls.map((control) =>
    controlResult(control, checkResults, manualEvidence.resolve(control, snapshot.data, evaluatedAt)),
  );
  const criteria = criterionResults(plan.criteria, controls);

  const providerIds = [...new Set(plan.checks.map((c) => c.provider))].sort() as ProviderId[];
  const providers: ProviderResult[] = providerIds.map((id) => {
    const mine = checkResults.filter((c) => c.provider === id);
    const detection = collected.detections.get(id);
    const stats = collected.providerStats.get(id);
    const errors = mine.filter((c) => c.status === 'error').length;
    const skipped = mine.filter((c) => c.status === 'skipped').length;
    const status: ProviderResult['status'] = detection?.requested
      ? 'error'
      : (detection && !detection.configured) || (mine.length > 0 && skipped === mine.length)
        ? 'skipped'
        : mine.length > 0 && errors === mine.length
          ? 'error'
          : errors + skipped > 0
            ? 'partial'
            : 'ok';
    return {
      id,
      status,
      ...(detection?.reason ? { reason: detection.reason } : {}),
      ...(stats ? { stats } : {}),
    };
  });

  const built: BuiltPopulation[] = populations.map((population) => ({
    population,
    outcome: buildPopulation(population, snapshot.data, {
      period: period!,
      now: evaluatedAt,
      checkOptions: (id) => {
        const found = checkOptions.get(id);
        if (!found) throw new Error(`it reads the options of check '${id}', which is not registered`);
        return found as Record<string, unknown>;
      },
    }),
  }));

  const summary = summarize(checkResults, controls, criteria, failOn);
  const result: ScanResult = {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    organization: config.organization,
    scan: {
      startedAt: startedAt.toISOString(),
      finishedAt: clock().toISOString(),
      evaluatedAt: evaluatedAt.toISOString(),
      mode: options.mode ?? (options.snapshot ? 'snapshot' : 'live'),
      complete: !checkResults.some((c) => c.status === 'error'),
      failOn,
      ...(config.shard ? { shard: config.shard } : {}),
      selection: {
        providers: selection.providers ?? [],
        controls: selection.controls ?? [],
        criteria: selection.criteria ?? [],
        checks: selection.checks ?? [],
      },
    },
    summary,
    providers,
    criteria,
    controls,
    checks: checkResults,
    exceptions: {
      applied: exceptions.usedCount(),
      expired: exceptions.expired,
      allowLists: allowLists(config.checks),
    },
    scope: {
      declared: Boolean(config.scope),
      categories,
      ...(config.scope ? { rules: withoutCategories(config.scope) } : {}),
    },
    outOfScope: {
      criteria: outOfScopeCriteria(config.scope, catalog.criteria).map((c) => ({
        id: c.id,
        category: c.category,
        rule: 'scope.categories',
      })),
      resources: outOfScopeResources,
    },
  };
  // Config values (URLs with credentials, exception reasons) and provider stats reach the result too:
  // one pass over all of it, so no report, stdout, history or bundle made from it can leak a secret.
  return {
    result: redact(result),
    snapshot,
    populations: built,
    segments: { collected: collectedSegments, store },
  };
}

/** Security is always in scope; without `scope.categories`, every category is. */
function inScopeCategories(config: Config): Category[] {
  const all = Object.keys(CATEGORY_TITLES) as Category[];
  const named = config.scope?.categories;
  return named ? all.filter((c) => c === 'security' || named.includes(c)) : all;
}

function withoutCategories(
  scope: NonNullable<Config['scope']>,
): Omit<NonNullable<Config['scope']>, 'categories'> {
  const { categories: _categories, ...rules } = scope;
  return rules;
}

/** Without a provider that resolves manual evidence, every request stays outstanding and says why. */
const NO_MANUAL_EVIDENCE: ManualEvidenceResolver = {
  keys: () => [],
  resolve: (control: Control): ManualEvidenceResult[] =>
    control.evidence.map((request) => ({
      ...outstandingEvidence(request),
      note: 'no provider that resolves manual evidence is registered',
    })),
};

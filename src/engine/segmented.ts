import type { Config } from '../core/config-types.js';
import type { DataEntry, Snapshot } from '../core/snapshot.js';
import type { Collection, KeyProvenance, ResumedEntry } from './collect.js';
import type { Provider } from './collector.js';
import { reclaimMemory } from './reclaim.js';
import type { ScanEvent } from './events.js';
import { wholeEntry, withLent, type Segmentation, type SegmentStore } from './segments.js';

/** Segments collected at once: enough to keep a provider's concurrency busy, few enough to bound memory. */
export const SEGMENTS_AT_ONCE = 2;

/** The segment id of a segmented provider's keys collected whole (its scope could not be listed). */
export const WHOLE = '*';

export interface SegmentedProvider {
  provider: Provider;
  segmentation: Segmentation;
  /** The planned keys it segments. */
  keys: string[];
}

/** What a segmented provider's collection left in the store. */
export interface CollectedSegments extends SegmentedProvider {
  /** Segment ids in order; `[WHOLE]` when the keys were collected whole. */
  ids: string[];
  /** What each segment lends the others. */
  lent: Map<string, Record<string, unknown>>;
}

/** One segment's entry of a segmented key, as soon as it is final. */
export interface SegmentPart {
  key: string;
  segment: string;
  entry: DataEntry;
  provenance: KeyProvenance;
}

/** The providers whose segmented keys the plan needs. */
export function segmentedProviders(
  providers: readonly Provider[],
  keys: readonly string[],
): SegmentedProvider[] {
  return providers.flatMap((provider) => {
    const segmentation = provider.segmentation;
    if (!segmentation) return [];
    const mine = keys.filter((k) => segmentation.keys.includes(k));
    return mine.length > 0 ? [{ provider, segmentation, keys: mine }] : [];
  });
}

/**
 * Collects a segmented provider's keys one segment at a time (SEGMENTS_AT_ONCE in flight), each run
 * reading the scope narrowed to its segment, and puts each segment's data in the store. A scope that
 * could not be read (or lists nothing) leaves one run over the whole scope, which fails or finds nothing
 * as an unsegmented scan would.
 */
export async function collectSegments(options: {
  collection: Collection;
  config: Config;
  segmented: SegmentedProvider;
  scope: DataEntry | undefined;
  store: SegmentStore;
  /** A replayed snapshot: its segments' entries, or its whole values narrowed to each segment. */
  snapshot?: Pick<Snapshot, 'data' | 'segments'>;
  /** `--resume`: segments an interrupted run collected, by key and segment. */
  resumed?: Record<string, Record<string, () => ResumedEntry>>;
  onPart?: (part: SegmentPart) => void;
  onEvent?: (event: ScanEvent) => void;
}): Promise<CollectedSegments> {
  const { collection, segmented, scope, store, snapshot, resumed, onPart, onEvent, config } = options;
  const { segmentation, keys, provider } = segmented;
  const ids = scope?.status === 'ok' ? segmentation.segments(scope.value, config) : [];
  const lent = new Map<string, Record<string, unknown>>();
  const narrowKey = (id: string, key: string, entry: DataEntry): DataEntry =>
    id === WHOLE || entry.status !== 'ok'
      ? entry
      : { ...entry, value: segmentation.narrow(key, entry.value, id) };
  const collectOne = async (id: string) => {
    const data = await collection.run(keys, {
      ...(scope ? { given: { [segmentation.scopeKey]: narrowKey(id, segmentation.scopeKey, scope) } } : {}),
      ...(snapshot ? { preloaded: replayed(id) } : {}),
      ...(resumed ? { resumed: resumedOf(id) } : {}),
      onData: (key, entry, provenance) => onPart?.({ key, segment: id, entry, provenance }),
    });
    lent.set(id, segmentation.lend?.(data) ?? {});
    store.put(id, data);
  };
  /** What the replayed snapshot holds of each segmented key for one segment. */
  const replayed = (id: string): Record<string, DataEntry> => {
    const entries: Record<string, DataEntry> = {};
    for (const key of segmentation.keys) {
      const stored = snapshot?.segments?.[key]?.[id];
      const whole = snapshot?.data[key];
      if (stored) entries[key] = stored();
      else if (whole) entries[key] = narrowKey(id, key, whole);
    }
    return entries;
  };
  const resumedOf = (id: string): Record<string, ResumedEntry> => {
    const entries: Record<string, ResumedEntry> = {};
    for (const key of segmentation.keys) {
      const load = resumed?.[key]?.[id];
      if (load) entries[key] = load();
    }
    return entries;
  };
  const order = ids.length > 0 ? ids : [WHOLE];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < order.length) {
      const id = order[next++]!;
      await collectOne(id);
      reclaimMemory();
      done++;
      if (order.length > 1)
        onEvent?.({
          type: 'progress',
          provider: provider.id,
          key: keys.join(', '),
          message: `${done} of ${order.length} segments (${segmentation.scopeKey})`,
          done,
          total: order.length,
        });
    }
  };
  await Promise.all(Array.from({ length: Math.min(SEGMENTS_AT_ONCE, order.length) }, worker));
  return { ...segmented, ids: order, lent };
}

/** The data one segment's checks read: the whole-scope data, the scope narrowed, the segment's own keys. */
export function segmentData(
  collected: CollectedSegments,
  id: string,
  whole: Record<string, DataEntry>,
  own: Record<string, DataEntry>,
  crossSegment: boolean,
): Record<string, DataEntry> {
  const { segmentation } = collected;
  const scope = whole[segmentation.scopeKey];
  const data: Record<string, DataEntry> = { ...whole, ...own };
  if (id !== WHOLE && scope?.status === 'ok')
    data[segmentation.scopeKey] = {
      ...scope,
      value: segmentation.narrow(segmentation.scopeKey, scope.value, id),
    };
  if (!crossSegment) return data;
  const loans = [...collected.lent].filter(([segment]) => segment !== id).map(([, loan]) => loan);
  return { ...data, ...withLent(own, loans) };
}

/**
 * The snapshot with every segmented key made whole again: what --save-snapshot writes, and what tests
 * compare. Holds every segment at once.
 */
export function withSegments(
  snapshot: Snapshot,
  segments: { collected: readonly CollectedSegments[]; store: SegmentStore },
): Snapshot {
  const data = { ...snapshot.data };
  for (const collected of segments.collected) {
    const stored = collected.ids.map((id) => segments.store.get(id));
    for (const key of collected.keys) {
      const entry = wholeEntry(stored.flatMap((s) => (s[key] ? [s[key]] : [])));
      if (entry) data[key] = entry;
    }
  }
  return { ...snapshot, data: Object.fromEntries(Object.entries(data).sort(([a], [b]) => (a < b ? -1 : 1))) };
}

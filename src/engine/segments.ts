import type { Config } from '../core/config-types.js';
import type { DataEntry } from '../core/snapshot.js';

/**
 * How a provider splits its largest keys so that a scan holds one segment (an AWS account) at a time:
 * each segment's keys are collected by a run that reads the scope key narrowed to that segment, stored
 * away, and later judged segment by segment. The checks that read them see one segment's data, so they
 * say of each segment exactly what a scan of that segment alone would.
 */
export interface Segmentation {
  /** The key that lists the segments (collected whole, before any segment). */
  scopeKey: string;
  /** The keys collected, stored and judged one segment at a time. */
  keys: readonly string[];
  /** The segments in the scope key's value, in order; none to collect the keys whole (as one run). */
  segments(scope: unknown, config: Config): string[];
  /** The scope key's value, or a segmented key's whole value (a replayed snapshot), narrowed to one segment. */
  narrow(key: string, value: unknown, segment: string): unknown;
  /**
   * What of one segment's data every other segment must also see (an organization trail covers the
   * member accounts), as partial values of segmented keys. Only checks marked `crossSegment` see it.
   */
  lend?(data: Record<string, DataEntry>): Record<string, unknown>;
  /** The resource a segment is reported as when its data could not be read (`aws-account/<id>`). */
  resource(segment: string): string;
}

/** Where a segmented scan keeps each segment's collected data until its checks are judged. */
export interface SegmentStore {
  put(segment: string, data: Record<string, DataEntry>): void;
  get(segment: string): Record<string, DataEntry>;
  /** Forgets everything (and frees its space). */
  clear(): void;
}

/** A store that keeps segments as JSON text: what is held is bounded by the text, not by live objects. */
export function memorySegmentStore(): SegmentStore {
  const segments = new Map<string, string>();
  return {
    put: (segment, data) => void segments.set(segment, JSON.stringify(data)),
    get(segment) {
      const text = segments.get(segment);
      if (text === undefined) throw new Error(`segment ${segment} was never stored`);
      return JSON.parse(text) as Record<string, DataEntry>;
    },
    clear: () => segments.clear(),
  };
}

/**
 * One segment's data with what other segments lend added: list values and the list fields of object
 * values are extended; an entry that is not `ok` stays as it is (there is nothing to add to).
 */
export function withLent(
  data: Record<string, DataEntry>,
  lent: readonly Record<string, unknown>[],
): Record<string, DataEntry> {
  const out: Record<string, DataEntry> = { ...data };
  for (const loan of lent) {
    for (const [key, part] of Object.entries(loan)) {
      const entry = out[key];
      if (entry?.status !== 'ok') continue;
      out[key] = { ...entry, value: joined(entry.value, part) };
    }
  }
  return out;
}

/**
 * A segmented key's entries, one per segment, made one whole entry again (what an unsegmented scan would
 * have collected). Holds the whole value: for small scans, tests and tools, never the scan itself.
 */
export function wholeEntry(entries: readonly DataEntry[]): DataEntry | undefined {
  const ok = entries.filter((e) => e.status === 'ok');
  if (ok.length === 0) return entries[0];
  const first = ok[0]!;
  const value = ok.slice(1).reduce<unknown>((whole, entry) => joined(whole, entry.value), first.value);
  return { ...first, value };
}

function joined(value: unknown, part: unknown): unknown {
  if (Array.isArray(value)) return Array.isArray(part) ? [...value, ...(part as unknown[])] : value;
  if (!value || typeof value !== 'object' || !part || typeof part !== 'object') return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [field, extra] of Object.entries(part as Record<string, unknown>)) {
    if (Array.isArray(out[field]) && Array.isArray(extra))
      out[field] = [...(out[field] as unknown[]), ...extra];
  }
  return out;
}

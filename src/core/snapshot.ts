import { readFileSync } from 'node:fs';
import { InputError } from '../engine/errors.js';
import type { FailureCause } from '../engine/types.js';

/**
 * One data key's outcome. `rootKey`: when this key failed or was skipped because another key it needed
 * did, that key (the first one in the chain that failed on its own).
 */
export type DataEntry =
  | { status: 'ok'; value: unknown; collectedAt?: string }
  | { status: 'error'; error: string; cause?: FailureCause; rootKey?: string; collectedAt?: string }
  | { status: 'skipped'; reason: string; rootKey?: string; collectedAt?: string };

export const SNAPSHOT_FORMAT = 'soc2-snapshot';

/** Everything a scan collected: plain JSON, the raw evidence, replayable with --from-snapshot. */
export interface Snapshot {
  format: 'soc2-snapshot';
  /** 1: one JSON document; 2: JSON Lines (src/evidence/snapshot-file.ts). */
  version: 1 | 2;
  tool: { name: string; version: string };
  organization: string;
  /** Checks measure ages against this time, so a replay evaluates exactly as the original scan did. */
  collectedAt: string;
  data: Record<string, DataEntry>;
  /**
   * Keys a provider segments (version 2): each segment's entry, read from the file only when the scan
   * asks for it, so a replay holds one segment at a time.
   */
  segments?: Record<string, Record<string, () => DataEntry>>;
}

export function readSnapshot(file: string): Snapshot {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError([{ file, message: 'snapshot file not found' }]);
    if (code) throw new InputError([{ file, message: `cannot read snapshot (${code})` }]);
    throw new InputError([{ file, message: `not valid JSON: ${(error as Error).message}` }]);
  }
  return asSnapshot(parsed, file);
}

export function asSnapshot(parsed: unknown, file: string): Snapshot {
  const snap = parsed as Partial<Snapshot> | null;
  if (!snap || typeof snap !== 'object' || snap.format !== 'soc2-snapshot') {
    throw new InputError([{ file, message: 'not a soc2 snapshot (expected "format": "soc2-snapshot")' }]);
  }
  if (snap.version !== 1)
    throw new InputError([{ file, message: `unsupported snapshot version ${String(snap.version)}` }]);
  if (typeof snap.collectedAt !== 'string' || Number.isNaN(Date.parse(snap.collectedAt))) {
    throw new InputError([{ file, message: 'collectedAt must be an ISO date-time' }]);
  }
  if (!snap.data || typeof snap.data !== 'object')
    throw new InputError([{ file, message: 'data must be an object' }]);
  for (const [key, entry] of Object.entries(snap.data)) {
    const status = (entry as { status?: unknown } | null)?.status;
    if (status !== 'ok' && status !== 'error' && status !== 'skipped') {
      throw new InputError([{ file, message: `data.${key}.status must be ok, error or skipped` }]);
    }
  }
  return snap as Snapshot;
}

/** Later snapshots win key by key; the earliest collection time is kept. */
export function mergeSnapshots(snapshots: Snapshot[]): Snapshot {
  const [first, ...rest] = snapshots;
  if (!first) throw new Error('mergeSnapshots needs at least one snapshot');
  return rest.reduce<Snapshot>(
    (merged, next) => ({
      ...merged,
      collectedAt: merged.collectedAt < next.collectedAt ? merged.collectedAt : next.collectedAt,
      data: { ...merged.data, ...next.data },
      ...(merged.segments || next.segments ? { segments: { ...merged.segments, ...next.segments } } : {}),
    }),
    { ...first, data: { ...first.data } },
  );
}

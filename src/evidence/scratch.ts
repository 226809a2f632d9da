import { inBatches, jsonLines } from '../core/json-chunks.js';
import type { DataEntry } from '../core/snapshot.js';
import { reclaimMemory } from '../engine/reclaim.js';
import type { FindingResult } from '../engine/result.js';
import type { SegmentStore } from '../engine/segments.js';
import type { Spool, StagedOutput } from './output-dir.js';
import { block, entryOf, type BlockHeader } from './snapshot-file.js';

/** Characters gathered before a write to a scratch file: big enough to be few writes, small enough to be no spike. */
const WRITE_BATCH = 256 * 1024;

function writeBatched(spool: Spool, lines: Iterable<string>): void {
  for (const batch of inBatches(lines, WRITE_BATCH)) spool.write(batch);
}

/** Segments kept in scratch files of the staged output (per key a line, then its records) until judged. */
export function diskSegmentStore(output: StagedOutput): SegmentStore {
  const spools = new Map<string, Spool>();
  return {
    put(segment, data) {
      spools.get(segment)?.remove();
      const spool = output.spool(`segments/${segment}`);
      // A snapshot file's blocks: a line per key, then one per record, never one giant string.
      for (const [key, entry] of Object.entries(data)) writeBatched(spool, block(key, undefined, entry));
      spools.set(segment, spool);
    },
    get(segment) {
      const spool = spools.get(segment);
      if (!spool) throw new Error(`segment ${segment} was never stored`);
      const data: Record<string, DataEntry> = {};
      let current: { header: BlockHeader; records: unknown[] } | undefined;
      for (const line of spool.lines()) {
        if (current && current.records.length < current.header.records) {
          current.records.push(JSON.parse(line) as unknown);
          continue;
        }
        if (current) data[current.header.key] = entryOf(current.header, current.records);
        current = { header: JSON.parse(line) as BlockHeader, records: [] };
      }
      if (current) data[current.header.key] = entryOf(current.header, current.records);
      return data;
    },
    clear() {
      for (const spool of spools.values()) spool.remove();
      spools.clear();
    },
  };
}

/** Every finding of every check, one JSON line each in a scratch file per check, for the full listings. */
export class FindingSpools {
  private readonly spools = new Map<string, Spool>();

  constructor(private readonly output: StagedOutput) {}

  add(checkId: string, findings: readonly FindingResult[]): void {
    let spool = this.spools.get(checkId);
    if (!spool) {
      spool = this.output.spool(`findings/${checkId}`);
      this.spools.set(checkId, spool);
    }
    writeBatched(spool, jsonLines(findings));
  }

  *findings(checkId: string): Generator<FindingResult> {
    reclaimMemory();
    const spool = this.spools.get(checkId);
    if (spool) for (const line of spool.lines()) yield JSON.parse(line) as FindingResult;
  }

  remove(): void {
    for (const spool of this.spools.values()) spool.remove();
    this.spools.clear();
  }
}

import type { DataEntry } from '../core/snapshot.js';
import { reclaimMemory } from '../engine/reclaim.js';
import type { FindingResult } from '../engine/result.js';
import type { SegmentStore } from '../engine/segments.js';
import type { Spool, StagedOutput } from './output-dir.js';

/** Segments kept in scratch files of the staged output (one JSON line per key) until they are judged. */
export function diskSegmentStore(output: StagedOutput): SegmentStore {
  const spools = new Map<string, Spool>();
  return {
    put(segment, data) {
      spools.get(segment)?.remove();
      const spool = output.spool(`segments/${segment}`);
      for (const [key, entry] of Object.entries(data)) spool.write(`${JSON.stringify({ key, entry })}\n`);
      spools.set(segment, spool);
    },
    get(segment) {
      const spool = spools.get(segment);
      if (!spool) throw new Error(`segment ${segment} was never stored`);
      const data: Record<string, DataEntry> = {};
      for (const line of spool.lines()) {
        const { key, entry } = JSON.parse(line) as { key: string; entry: DataEntry };
        data[key] = entry;
      }
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
    spool.write(findings.map((f) => `${JSON.stringify(f)}\n`).join(''));
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

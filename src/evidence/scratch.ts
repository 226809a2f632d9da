import type { DataEntry } from '../core/snapshot.js';
import { reclaimMemory } from '../engine/reclaim.js';
import type { FindingResult } from '../engine/result.js';
import type { SegmentStore } from '../engine/segments.js';
import { valueOf, type EvidenceEnvelope } from './envelope.js';
import type { Spool, StagedOutput } from './output-dir.js';
import { evidenceRecords } from './scan-output.js';

/** Characters gathered before a write to a scratch file: big enough to be few writes, small enough to be no spike. */
const WRITE_BATCH = 256 * 1024;

/** Each value as one JSON line, written WRITE_BATCH characters at a time. */
function writeLines(spool: Spool, values: Iterable<unknown>): void {
  let batch = '';
  for (const value of values) {
    batch += `${JSON.stringify(value)}\n`;
    if (batch.length >= WRITE_BATCH) {
      spool.write(batch);
      batch = '';
    }
  }
  if (batch) spool.write(batch);
}

/** Segments kept in scratch files of the staged output (per key a line, then its records) until judged. */
export function diskSegmentStore(output: StagedOutput): SegmentStore {
  const spools = new Map<string, Spool>();
  return {
    put(segment, data) {
      spools.get(segment)?.remove();
      const spool = output.spool(`segments/${segment}`);
      // One line per record, as in an evidence file: no key is ever one giant string.
      for (const [key, entry] of Object.entries(data)) {
        const { shape, records, count } = evidenceRecords(entry.status === 'ok' ? entry.value : undefined);
        const { value: _value, ...rest } = entry as DataEntry & { value?: unknown };
        spool.write(`${JSON.stringify({ key, entry: rest, shape, records: count })}\n`);
        writeLines(spool, records);
      }
      spools.set(segment, spool);
    },
    get(segment) {
      const spool = spools.get(segment);
      if (!spool) throw new Error(`segment ${segment} was never stored`);
      const data: Record<string, DataEntry> = {};
      let current:
        | {
            key: string;
            entry: DataEntry;
            shape: EvidenceEnvelope['shape'];
            records: unknown[];
            left: number;
          }
        | undefined;
      const done = () => {
        if (!current) return;
        const { key, entry, shape, records } = current;
        data[key] =
          entry.status === 'ok'
            ? { ...entry, value: valueOf({ shape } as EvidenceEnvelope, records) }
            : entry;
        current = undefined;
      };
      for (const line of spool.lines()) {
        if (current && current.left > 0) {
          current.records.push(JSON.parse(line) as unknown);
          current.left--;
          continue;
        }
        done();
        const header = JSON.parse(line) as {
          key: string;
          entry: DataEntry;
          shape: EvidenceEnvelope['shape'];
          records: number;
        };
        current = { ...header, records: [], left: header.records };
      }
      done();
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
    writeLines(spool, findings);
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

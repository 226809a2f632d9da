import type { EvidenceEntry, EvidenceItem, EvidencePart } from '../engine/scan.js';
import { SegmentedEvidence } from './segmented-evidence.js';
import type { Spool, StagedOutput } from './output-dir.js';
import { evidenceEnvelope, evidenceFile, evidencePathForKey, type EvidenceSubject } from './scan-output.js';

interface OpenFile {
  spool: Spool;
  /** The items written so far, in order (the same objects the final value must hold). */
  written: unknown[];
  /** Items that arrived before an earlier one, by index. */
  early: Map<number, unknown>;
}

/**
 * Writes each data key's evidence file into a staged output. A key whose items arrive one by one (the
 * result of one AWS account or region, GitHub repository or Google user) has them written item by item
 * while the scan goes on, into a scratch file that follows the envelope once the key is done; the file
 * is the same as evidenceFile's. If the finished entry is not exactly the items written (the key failed,
 * or a collector broke the itemReady contract), the file is written again from the entry.
 */
export class EvidenceWriter {
  private readonly files = new Map<string, OpenFile>();
  private readonly segmented: SegmentedEvidence;

  constructor(private readonly output: StagedOutput) {
    this.segmented = new SegmentedEvidence(output);
  }

  item({ key, index, value }: EvidenceItem): void {
    let file = this.files.get(key);
    if (!file) {
      file = { spool: this.output.spool(evidencePathForKey(key)), written: [], early: new Map() };
      this.files.set(key, file);
    }
    file.early.set(index, value);
    while (file.early.has(file.written.length)) {
      const next = file.written.length;
      const item = file.early.get(next);
      file.early.delete(next);
      file.spool.write(`${JSON.stringify(item)}\n`);
      file.written.push(item);
    }
  }

  /** One segment's entry of a segmented key (see SegmentedEvidence). */
  part(part: EvidencePart): void {
    this.segmented.part(part);
  }

  /** Writes the segmented keys' files, each key's segments in `order`. */
  finishParts(order: (key: string) => readonly string[]): void {
    this.segmented.finish(order);
  }

  entry({ key, entry, usedBy, evaluatedAt, provenance }: EvidenceEntry): void {
    const subject: EvidenceSubject = { key, entry, usedBy, provenance, fallbackCollectedAt: evaluatedAt };
    const file = this.files.get(key);
    this.files.delete(key);
    if (file && holdsExactly(file, entry)) {
      const stream = this.output.openStream(evidencePathForKey(key));
      stream.write(`${JSON.stringify(evidenceEnvelope(subject, 'list', file.written.length))}\n`);
      file.spool.drainInto(stream);
      stream.finish();
      return;
    }
    file?.spool.remove();
    this.output.write(evidenceFile(subject));
  }
}

/** Whether the finished entry is an `ok` list of exactly the items written. */
function holdsExactly(file: OpenFile, entry: EvidenceEntry['entry']): boolean {
  if (entry.status !== 'ok' || !Array.isArray(entry.value)) return false;
  const value: unknown[] = entry.value;
  return (
    file.early.size === 0 &&
    value.length === file.written.length &&
    value.every((item, i) => item === file.written[i])
  );
}

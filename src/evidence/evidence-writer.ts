import type { EvidenceEntry, EvidenceItem } from '../engine/scan.js';
import type { StagedOutput, StagedStream } from './output-dir.js';
import { evidenceFile, evidenceFileParts, evidenceItemText, evidencePathForKey } from './scan-output.js';

interface OpenFile {
  stream: StagedStream;
  head: string;
  /** The items written so far, in order (the same objects the final value must hold). */
  written: unknown[];
  /** Items that arrived before an earlier one, by index. */
  early: Map<number, unknown>;
}

/**
 * Writes each data key's evidence file into a staged output. A key whose items arrive one by one (the
 * result of one AWS account or region, GitHub repository or Google user) is written item by item while
 * the scan goes on; the file is the same as evidenceFile's. If the finished entry is not exactly the items written (the key failed, or
 * a collector broke the itemReady contract), the file is written again from the entry.
 */
export class EvidenceWriter {
  private readonly files = new Map<string, OpenFile>();

  constructor(private readonly output: StagedOutput) {}

  item({ key, index, value, usedBy, collectedAt }: EvidenceItem): void {
    let file = this.files.get(key);
    if (!file) {
      const { head } = evidenceFileParts(key, collectedAt, usedBy);
      const stream = this.output.openStream(evidencePathForKey(key));
      stream.write(head);
      file = { stream, head, written: [], early: new Map() };
      this.files.set(key, file);
    }
    file.early.set(index, value);
    while (file.early.has(file.written.length)) {
      const next = file.written.length;
      const item = file.early.get(next);
      file.early.delete(next);
      file.stream.write(evidenceItemText(next, item));
      file.written.push(item);
    }
  }

  entry({ key, entry, usedBy, evaluatedAt }: EvidenceEntry): void {
    const file = this.files.get(key);
    this.files.delete(key);
    if (file) {
      const parts = evidenceFileParts(key, entry.collectedAt ?? evaluatedAt, usedBy);
      if (parts.head === file.head && holdsExactly(file, entry)) {
        file.stream.write(parts.tail);
        file.stream.finish();
        return;
      }
      file.stream.abandon();
    }
    this.output.write(evidenceFile(key, entry, usedBy, evaluatedAt));
  }
}

/** Whether the finished entry is an `ok` list of exactly the items written, with no other field. */
function holdsExactly(file: OpenFile, entry: EvidenceEntry['entry']): boolean {
  if (entry.status !== 'ok' || !Array.isArray(entry.value)) return false;
  if (Object.keys(entry).join() !== 'status,value,collectedAt') return false;
  const value: unknown[] = entry.value;
  return (
    file.early.size === 0 &&
    value.length === file.written.length &&
    value.every((item, i) => item === file.written[i])
  );
}

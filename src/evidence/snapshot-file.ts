import { closeSync, openSync } from 'node:fs';
import { linesOf } from '../core/file-lines.js';
import { jsonLines } from '../core/json-chunks.js';
import { InputError } from '../engine/errors.js';
import type { CollectedSegments } from '../engine/segmented.js';
import type { SegmentStore } from '../engine/segments.js';
import { readSnapshot, SNAPSHOT_FORMAT, type DataEntry, type Snapshot } from '../core/snapshot.js';
import { valueOf, type EvidenceEnvelope } from './envelope.js';
import { evidenceRecords } from './scan-output.js';

/**
 * A snapshot as JSON Lines (version 2), so that neither saving nor replaying one holds a large
 * organization whole. Line 1 is the header (format, version, tool, organization, collectedAt); then
 * one block per key, or per key and segment for a segmented key: a line
 * `{"key", "segment"?, "entry", "shape", "records"}` (the entry without its value), followed by that
 * many record lines, as in an evidence file (a list's elements, or an object's fields).
 */
export const SNAPSHOT_JSONL_VERSION = 2;

export interface BlockHeader {
  key: string;
  segment?: string;
  entry: Omit<DataEntry, 'value'> & { status: DataEntry['status'] };
  shape: EvidenceEnvelope['shape'];
  records: number;
}

/** The snapshot's text in pieces: the whole keys, then each segmented key segment by segment. */
export function* snapshotJsonl(
  snapshot: Snapshot,
  segments: { collected: readonly CollectedSegments[]; store: SegmentStore },
): Generator<string> {
  const { format, tool, organization, collectedAt } = snapshot;
  yield `${JSON.stringify({ format, version: SNAPSHOT_JSONL_VERSION, tool, organization, collectedAt })}\n`;
  for (const [key, entry] of Object.entries(snapshot.data)) yield* block(key, undefined, entry);
  for (const collected of segments.collected)
    for (const id of collected.ids) {
      const data = segments.store.get(id);
      for (const key of collected.keys) if (data[key]) yield* block(key, id, data[key]);
    }
}

/** A key's block (or one segment's): the header line's content and the records that follow it. */
export function blockOf(
  key: string,
  segment: string | undefined,
  entry: DataEntry,
): { header: BlockHeader; records: Iterable<unknown> } {
  const { shape, records, count } = evidenceRecords(entry.status === 'ok' ? entry.value : undefined);
  const { value: _value, ...rest } = entry as DataEntry & { value?: unknown };
  const header: BlockHeader = {
    key,
    ...(segment !== undefined ? { segment } : {}),
    entry: rest,
    shape,
    records: count,
  };
  return { header, records };
}

/** A block's text in pieces: the header line, then one line per record. */
export function* block(key: string, segment: string | undefined, entry: DataEntry): Generator<string> {
  const { header, records } = blockOf(key, segment, entry);
  yield `${JSON.stringify(header)}\n`;
  yield* jsonLines(records);
}

/**
 * Reads a snapshot saved by any version: a JSON document (version 1) whole; JSON Lines (version 2)
 * line by line, keeping whole keys and leaving each segment of a segmented key in the file until the
 * scan asks for it. Problems name the file and line (exit 2).
 */
export function readSnapshotFile(file: string): Snapshot {
  const lines = fileLines(file);
  const first = lines.next();
  if (first.done) throw new InputError([{ file, message: 'the snapshot file is empty' }]);
  const header = parseHeader(first.value.text);
  if (!header) {
    lines.return(undefined);
    return readSnapshot(file);
  }
  const data: Record<string, DataEntry> = {};
  const segments: NonNullable<Snapshot['segments']> = {};
  let current: { header: BlockHeader; line: number; records: unknown[]; offset: number } | undefined;
  const finish = () => {
    if (!current) return;
    const { header: h } = current;
    if (current.records.length < h.records)
      throw new InputError([
        {
          file,
          line: current.line,
          message: `${h.key}: expected ${h.records} record lines, the file ends first`,
        },
      ]);
    if (h.segment === undefined) data[h.key] = entryOf(h, current.records);
    else {
      const at = { offset: current.offset, records: h.records, line: current.line };
      (segments[h.key] ??= {})[h.segment] = () => entryOf(h, readRecords(file, at));
    }
    current = undefined;
  };
  for (const { text, line, end } of lines) {
    if (text.trim() === '') continue;
    const parsed = parseLine(file, line, text);
    if (current && current.records.length < current.header.records) {
      if (current.header.segment === undefined) current.records.push(parsed);
      else current.records.length++;
      continue;
    }
    finish();
    const h = parsed as Partial<BlockHeader> | null;
    if (
      !h ||
      typeof h.key !== 'string' ||
      !h.entry ||
      typeof h.records !== 'number' ||
      typeof h.shape !== 'string'
    )
      throw new InputError([
        { file, line, message: 'expected a key line ({"key", "entry", "shape", "records"})' },
      ]);
    current = { header: h as BlockHeader, line, records: [], offset: end };
  }
  finish();
  const snapshot: Snapshot = { ...header, version: SNAPSHOT_JSONL_VERSION, data };
  return Object.keys(segments).length > 0 ? { ...snapshot, segments } : snapshot;
}

function parseHeader(text: string): Omit<Snapshot, 'data' | 'segments'> | undefined {
  try {
    const header = JSON.parse(text) as Partial<Snapshot> | null;
    if (header?.format === SNAPSHOT_FORMAT && header.version === SNAPSHOT_JSONL_VERSION)
      return header as Omit<Snapshot, 'data'>;
  } catch {
    // a version 1 document starts with "{" alone on its line
  }
  return undefined;
}

export function parseLine(file: string, line: number, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError([{ file, line, message: `not valid JSON: ${(error as Error).message}` }]);
  }
}

export function entryOf(header: BlockHeader, records: readonly unknown[]): DataEntry {
  if (header.entry.status !== 'ok') return header.entry as DataEntry;
  const envelope = { shape: header.shape } as EvidenceEnvelope;
  return { ...header.entry, status: 'ok', value: valueOf(envelope, records) } as DataEntry;
}

/** The `records` lines that start at byte `offset`. */
export function readRecords(file: string, at: { offset: number; records: number; line: number }): unknown[] {
  const records: unknown[] = [];
  for (const { text, line } of fileLines(file, at.offset, at.line + 1)) {
    if (records.length === at.records) break;
    if (text.trim() !== '') records.push(parseLine(file, line, text));
  }
  return records;
}

/** A file's lines with their numbers and the byte offset where the next line starts. */
export function* fileLines(
  file: string,
  from = 0,
  firstLine = 1,
): Generator<{ text: string; line: number; end: number }, void, undefined> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError([
      { file, message: code === 'ENOENT' ? 'snapshot file not found' : `cannot read snapshot (${code})` },
    ]);
  }
  try {
    yield* linesOf(fd, from, firstLine);
  } finally {
    closeSync(fd);
  }
}

import { inBatches } from '../core/json-chunks.js';
import type { EvidencePart } from '../engine/scan.js';
import type { EvidenceEnvelope, NotCheckedScope } from './envelope.js';
import type { Spool, StagedOutput } from './output-dir.js';
import { evidenceEnvelope, evidencePathForKey, evidenceRecords, notCheckedScopes } from './scan-output.js';

/** One segment's share of a segmented key's file: its records in a scratch file, the rest in memory. */
interface SegmentShare {
  part: Omit<EvidencePart, 'entry'> & { status: EvidencePart['entry']['status'] };
  spool?: Spool;
  records: number;
  shape?: EvidenceEnvelope['shape'];
  /** An object value's fields other than its lists, and the names of its list fields. */
  scalars: Record<string, unknown>;
  lists: string[];
  notChecked: NotCheckedScope[];
}

/**
 * The evidence file of a key collected one segment (account) at a time. Each segment's records go to a
 * scratch file as the segment is collected, in whatever order segments finish; the file is written
 * once all are in, segments in their order: the envelope over all of them, an object value's fields
 * once, then every segment's records. It reads back (valueOf) as the whole value.
 */
export class SegmentedEvidence {
  private readonly keys = new Map<string, Map<string, SegmentShare>>();

  constructor(private readonly output: StagedOutput) {}

  part(part: EvidencePart): void {
    const { key, segment, entry } = part;
    let shares = this.keys.get(key);
    if (!shares) this.keys.set(key, (shares = new Map()));
    const { entry: _entry, ...about } = part;
    const share: SegmentShare = {
      part: { ...about, status: entry.status },
      records: 0,
      scalars: {},
      lists: [],
      notChecked: [],
    };
    shares.get(segment)?.spool?.remove();
    shares.set(segment, share);
    if (entry.status !== 'ok') {
      share.notChecked.push({
        scope: `${key} (${segment})`,
        cause: entry.status === 'error' ? entry.error : entry.reason,
      });
      return;
    }
    share.notChecked.push(...notCheckedScopes(entry.value));
    const { shape, records } = evidenceRecords(entry.value);
    share.shape = shape;
    share.spool = this.output.spool(evidencePathForKey(key));
    const lines = function* () {
      for (const record of records) {
        if (shape === 'object' && !('field' in (record as object) && 'item' in (record as object))) {
          const [field, value] = Object.entries(record as object)[0]!;
          if (Array.isArray(value)) share.lists.push(field);
          else share.scalars[field] = value;
          continue;
        }
        share.records++;
        yield `${JSON.stringify(record)}\n`;
      }
    };
    for (const batch of inBatches(lines())) share.spool.write(batch);
  }

  /** Writes every key's file, its segments in `order` (the scan's segment order for that key). */
  finish(order: (key: string) => readonly string[]): void {
    for (const [key, shares] of this.keys) {
      const ordered = [
        ...order(key).flatMap((id) => (shares.has(id) ? [shares.get(id)!] : [])),
        ...[...shares].filter(([id]) => !order(key).includes(id)).map(([, share]) => share),
      ];
      this.write(key, ordered);
    }
    this.keys.clear();
  }

  private write(key: string, shares: readonly SegmentShare[]): void {
    const ok = shares.filter((s) => s.part.status === 'ok');
    const first = shares[0]!.part;
    const headers: Record<string, unknown>[] = [];
    if (ok[0]?.shape === 'object') {
      for (const [field, value] of Object.entries(ok[0].scalars)) headers.push({ [field]: value });
      for (const field of new Set(ok.flatMap((s) => s.lists))) headers.push({ [field]: [] });
    }
    const notChecked = shares.flatMap((s) => s.notChecked);
    const from = shares.map((s) => s.part.provenance.from).sort()[0]!;
    const to = shares
      .map((s) => s.part.provenance.to)
      .sort()
      .at(-1)!;
    const source: Record<string, string | string[]> = {};
    for (const share of shares)
      for (const [name, value] of Object.entries(share.part.provenance.source)) {
        const union = [...new Set([...[source[name] ?? []].flat(), ...[value].flat()])];
        source[name] = union.length === 1 ? union[0]! : union;
      }
    const envelope = evidenceEnvelope(
      {
        key,
        entry:
          ok.length > 0
            ? { status: 'ok', value: undefined }
            : { status: 'error', error: notChecked[0]?.cause ?? 'not read' },
        usedBy: first.usedBy,
        provenance: {
          ...first.provenance,
          resumed: shares.some((s) => s.part.provenance.resumed),
          calls: shares.flatMap((s) => s.part.provenance.calls),
          source,
          from,
          to,
        },
        fallbackCollectedAt: first.evaluatedAt,
      },
      ok[0]?.shape ?? 'none',
      headers.length + ok.reduce((n, s) => n + s.records, 0),
    );
    const stream = this.output.openStream(evidencePathForKey(key));
    stream.write(
      `${JSON.stringify({ ...envelope, notChecked, complete: ok.length === shares.length && notChecked.length === 0 })}\n`,
    );
    for (const header of headers) stream.write(`${JSON.stringify(header)}\n`);
    for (const share of shares) share.spool?.drainInto(stream);
    stream.finish();
  }
}

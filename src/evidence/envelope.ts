import { jsonLines } from '../core/json-chunks.js';
import type { EvidenceCall } from '../engine/calls.js';
import type { FailureCause } from '../engine/types.js';

export type { EvidenceCall };

/** A scope the file should cover but does not, and why. */
export interface NotCheckedScope {
  scope: string;
  cause: string;
}

/**
 * The first line of every `evidence/**.jsonl` file: what the records below are, where they came from,
 * how they were asked for, and whether they are the whole population.
 */
export interface EvidenceEnvelope {
  soc2Evidence: 1;
  key: string;
  provider: string;
  /** The systems read: account, organization or tenant ids by kind, e.g. `{ awsAccounts: [...] }`. */
  source: Record<string, string | string[]>;
  calls: EvidenceCall[];
  /** Lines after this one. */
  records: number;
  /** True only when every scope in the source was read. */
  complete: boolean;
  notChecked: NotCheckedScope[];
  collectedAt: { from: string; to: string };
  /** The checks (or populations) that used these records. */
  usedBy: string[];
  /** `ok`; or `error`/`skipped` for a key that could not be read at all, with the reason. */
  status: 'ok' | 'error' | 'skipped';
  reason?: string;
  cause?: FailureCause;
  /** The key whose failure made this one fail or be skipped. */
  rootKey?: string;
  /** How the records make up the key's value: its elements (`list`), its fields (`object`), or itself. */
  shape: 'list' | 'object' | 'value' | 'none';
  /** Read from a saved snapshot, not from the systems themselves. */
  replayed?: boolean;
  /** Collected by an earlier, interrupted run of the same scan, taken over with `--resume`. */
  resumed?: boolean;
}

/**
 * A record of an `object`-shaped file: one field with its value (a list field starts empty), or one
 * element of a list field. A field keeps its name as the key, so readers and scrubbers see
 * `{"password": …}` exactly as in the value.
 */
export type FieldRecord = Record<string, unknown> | { field: string; item: unknown };

export const EVIDENCE_FORMAT = 1;

/** An evidence file's text in pieces: the envelope line, then one JSON line per record. */
export function* evidenceJsonl(envelope: EvidenceEnvelope, records: Iterable<unknown>): Generator<string> {
  yield `${JSON.stringify(envelope)}\n`;
  yield* jsonLines(records);
}

/** An evidence file's first line, or undefined when it is not one. */
export function envelopeOf(firstLine: string): EvidenceEnvelope | undefined {
  try {
    const envelope = JSON.parse(firstLine) as EvidenceEnvelope | null;
    return envelope?.soc2Evidence === EVIDENCE_FORMAT ? envelope : undefined;
  } catch {
    return undefined;
  }
}

/** Reads an evidence file's text back: the envelope and its records. Throws on a file that is not one. */
export function parseEvidenceJsonl(text: string): { envelope: EvidenceEnvelope; records: unknown[] } {
  const lines = text.split('\n').filter((line) => line.length > 0);
  const envelope = envelopeOf(lines[0] ?? '');
  if (!envelope) throw new Error('not a soc2 evidence file (its first line has no "soc2Evidence": 1)');
  return { envelope, records: lines.slice(1).map((line) => JSON.parse(line) as unknown) };
}

/** The value an evidence file's records make up, as the checks read it. */
export function valueOf(envelope: EvidenceEnvelope, records: readonly unknown[]): unknown {
  if (envelope.shape === 'list') return [...records];
  if (envelope.shape === 'value') return records[0];
  if (envelope.shape === 'none') return undefined;
  const value: Record<string, unknown> = {};
  for (const record of records as Record<string, unknown>[]) {
    const keys = Object.keys(record);
    if (keys.length === 2 && 'field' in record && 'item' in record)
      (value[record.field as string] as unknown[]).push(record.item);
    else Object.assign(value, record);
  }
  return value;
}

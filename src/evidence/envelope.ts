/** One API operation behind an evidence file: what was asked, how often, and when. */
export interface EvidenceCall {
  /** The API's own name for it, e.g. `config:SelectResourceConfig`, `GET /orgs/{org}/repos`. */
  operation: string;
  /** The parameters that define what was asked (never credentials). */
  params?: Record<string, unknown>;
  requests: number;
  pages: number;
  from: string;
  to: string;
}

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
  /** For a key that could not be read at all: `error` or `skipped` with the reason. */
  status?: 'ok' | 'error' | 'skipped';
  reason?: string;
}

export const EVIDENCE_FORMAT = 1;

/** An evidence file's text in pieces: the envelope line, then one JSON line per record. */
export function* evidenceJsonl(envelope: EvidenceEnvelope, records: Iterable<unknown>): Generator<string> {
  yield `${JSON.stringify(envelope)}\n`;
  for (const record of records) yield `${JSON.stringify(record)}\n`;
}

/** Reads an evidence file's text back: the envelope and its records. Throws on a file that is not one. */
export function parseEvidenceJsonl(text: string): { envelope: EvidenceEnvelope; records: unknown[] } {
  const lines = text.split('\n').filter((line) => line.length > 0);
  const envelope = JSON.parse(lines[0] ?? 'null') as EvidenceEnvelope | null;
  if (!envelope || envelope.soc2Evidence !== EVIDENCE_FORMAT)
    throw new Error('not a soc2 evidence file (its first line has no "soc2Evidence": 1)');
  return { envelope, records: lines.slice(1).map((line) => JSON.parse(line) as unknown) };
}

import { existsSync, readFileSync } from 'node:fs';
import { providerOfKey } from '../engine/data-map.js';
import { reclaimMemory } from '../engine/reclaim.js';
import type { KeyProvenance } from '../engine/collect.js';
import { describeCause } from '../engine/scope.js';
import type { FailureCause } from '../engine/types.js';
import {
  EVIDENCE_FORMAT,
  evidenceJsonl,
  type EvidenceEnvelope,
  type FieldRecord,
  type NotCheckedScope,
} from './envelope.js';
import type { ScanResult } from '../engine/result.js';
import type { DataEntry } from '../core/snapshot.js';
import type { ReportContext, Reporter } from '../report/index.js';
import { sha256, type InputFolder, type Manifest, type ManifestEntry } from './manifest.js';
import type { OutputFile, StagedOutput } from './output-dir.js';

export const MANIFEST_PATH = 'evidence/manifest.json';

export function evidencePathForKey(key: string): string {
  return `evidence/data/${key}.jsonl`;
}

/** What an evidence file's envelope says about one data key, apart from its records. */
export interface EvidenceSubject {
  key: string;
  entry: DataEntry;
  usedBy: readonly string[];
  provenance?: KeyProvenance;
  /** When the data counts as collected if neither the entry nor its provenance says. */
  fallbackCollectedAt: string;
}

/** The records of a value, one per line of its evidence file, and how they make it up. */
export function evidenceRecords(value: unknown): {
  shape: EvidenceEnvelope['shape'];
  records: Iterable<unknown>;
  count: number;
} {
  if (value === undefined) return { shape: 'none', records: [], count: 0 };
  if (Array.isArray(value)) return { shape: 'list', records: value, count: value.length };
  if (value !== null && typeof value === 'object') {
    const fields = Object.values(value);
    return {
      shape: 'object',
      records: { [Symbol.iterator]: () => fieldRecords(value as Record<string, unknown>) },
      // One line per field, and one more per element of a list field.
      count: fields.reduce<number>((n, field) => n + 1 + (Array.isArray(field) ? field.length : 0), 0),
    };
  }
  return { shape: 'value', records: [value], count: 1 };
}

function* fieldRecords(value: Record<string, unknown>): Generator<FieldRecord> {
  for (const [field, fieldValue] of Object.entries(value)) {
    yield { [field]: Array.isArray(fieldValue) ? [] : fieldValue };
    if (Array.isArray(fieldValue)) for (const item of fieldValue) yield { field, item };
  }
}

/** The envelope of one data key's evidence file. */
export function evidenceEnvelope(
  subject: EvidenceSubject,
  shape: EvidenceEnvelope['shape'],
  records: number,
): EvidenceEnvelope {
  const { key, entry, usedBy, provenance } = subject;
  const collectedAt = entry.collectedAt ?? provenance?.from ?? subject.fallbackCollectedAt;
  const notChecked =
    entry.status === 'ok'
      ? notCheckedScopes(entry.value)
      : [{ scope: key, cause: entry.status === 'error' ? entry.error : entry.reason }];
  return {
    soc2Evidence: EVIDENCE_FORMAT,
    key,
    provider: provenance?.provider ?? providerOfKey(key),
    source: provenance?.source ?? {},
    calls: provenance?.calls ?? [],
    records,
    complete: entry.status === 'ok' && notChecked.length === 0,
    notChecked,
    collectedAt: { from: collectedAt, to: provenance?.to ?? collectedAt },
    usedBy: [...usedBy],
    status: entry.status,
    ...(entry.status === 'error'
      ? { reason: entry.error, ...(entry.cause ? { cause: entry.cause } : {}) }
      : entry.status === 'skipped'
        ? { reason: entry.reason }
        : {}),
    ...(entry.status !== 'ok' && entry.rootKey ? { rootKey: entry.rootKey } : {}),
    shape,
    ...(provenance?.replayed ? { replayed: true } : {}),
    ...(provenance?.resumed ? { resumed: true } : {}),
  };
}

/** One data key's evidence file: the envelope, then one line per record of its (redacted) value. */
export function evidenceFile(subject: EvidenceSubject): OutputFile {
  const { entry } = subject;
  const { shape, records, count } = evidenceRecords(entry.status === 'ok' ? entry.value : undefined);
  return {
    path: evidencePathForKey(subject.key),
    content: evidenceJsonl(evidenceEnvelope(subject, shape, count), records),
  };
}

/** The scopes of a value that could not be read: its elements (or its list fields' elements) in `error`. */
export function notCheckedScopes(value: unknown): NotCheckedScope[] {
  const lists = Array.isArray(value)
    ? [value]
    : value !== null && typeof value === 'object'
      ? Object.values(value).filter(Array.isArray)
      : [];
  const scopes: NotCheckedScope[] = [];
  for (const list of lists as unknown[][]) {
    for (const element of list) {
      const scope = element as ScopeLike | null;
      if (!scope || typeof scope !== 'object' || !(scope.status === 'error' || scope.cause)) continue;
      scopes.push({
        scope: scopeName(scope),
        cause: scope.cause ? describeCause(scope.cause) : String(scope.error ?? 'not readable'),
      });
    }
  }
  return scopes;
}

interface ScopeLike {
  status?: unknown;
  error?: unknown;
  cause?: FailureCause;
  scope?: unknown;
  accountId?: unknown;
  region?: unknown;
  repo?: unknown;
  user?: unknown;
}

function scopeName(scope: ScopeLike): string {
  if (typeof scope.scope === 'string') return scope.scope;
  const parts = [scope.accountId, scope.region, scope.repo, scope.user].filter(
    (part) => typeof part === 'string',
  );
  return parts.length > 0 ? parts.join('/') : 'unnamed scope';
}

export function reportFiles(
  result: ScanResult,
  reporters: readonly Reporter[],
  context: ReportContext = {},
): OutputFile[] {
  return reporters.map((r) => ({ path: r.file, content: r.render(result, context) }));
}

/**
 * Ends a scan's staged output folder (its evidence already written while collecting): the reports,
 * then a manifest with the SHA-256 and size of every other file, then the swap into place.
 */
export function completeScanOutput(
  output: StagedOutput,
  result: ScanResult,
  reporters: readonly Reporter[],
  context: ScanContext = {},
  reportContext: ReportContext = {},
  /** Drops the scan's scratch files once the reports are written (nothing may be open at commit). */
  afterReports?: () => void,
): void {
  for (const file of reportFiles(result, reporters, reportContext)) {
    output.write(file);
    reclaimMemory();
  }
  afterReports?.();
  output.write(manifestFile(output.written(), result, context));
  output.commit();
}

/** The manifest over files already written (`entries` sorted by path). */
export function manifestFile(
  entries: ManifestEntry[],
  result: ScanResult,
  context: ScanContext = {},
): OutputFile {
  const manifest: Manifest = {
    format: 'soc2-evidence-manifest',
    version: 1,
    tool: result.tool,
    organization: result.organization,
    scan: {
      startedAt: result.scan.startedAt,
      finishedAt: result.scan.finishedAt,
      evaluatedAt: result.scan.evaluatedAt,
    },
    ...(context.config ? { config: context.config } : {}),
    ...(context.sources ? { sources: context.sources } : {}),
    ...(context.inputs ? { inputs: context.inputs } : {}),
    ...(context.provenance ? { provenance: context.provenance } : {}),
    files: entries,
  };
  return { path: MANIFEST_PATH, content: `${JSON.stringify(manifest, null, 2)}\n` };
}

/** What a scan output's manifest records besides its files. */
export type ScanContext = Pick<Manifest, 'config' | 'sources' | 'inputs' | 'provenance'>;

/**
 * What the scan output records about its config (the file's SHA-256), the company folders and files it
 * read (with their SHA-256, for custody) and where its results came from.
 */
export function scanContext(
  config: Partial<Record<InputFolder, string>> & { file?: string },
  custody: Pick<Manifest, 'inputs' | 'provenance'> = {},
): ScanContext {
  let sha: string | null = null;
  if (config.file && existsSync(config.file)) sha = sha256(readFileSync(config.file));
  const sources: NonNullable<Manifest['sources']> = {};
  for (const folder of INPUT_FOLDERS) if (config[folder]) sources[folder] = config[folder];
  return { config: { sha256: sha }, sources, ...custody };
}

const INPUT_FOLDERS: readonly InputFolder[] = ['policies', 'evidence', 'risks', 'vendors'];

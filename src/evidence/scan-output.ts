import { existsSync, readFileSync } from 'node:fs';
import { jsonDocument } from '../core/json-chunks.js';
import type { ScanResult } from '../engine/result.js';
import type { DataEntry } from '../core/snapshot.js';
import type { Reporter } from '../report/index.js';
import { sha256, type InputFolder, type Manifest, type ManifestEntry } from './manifest.js';
import type { OutputFile, StagedOutput } from './output-dir.js';

export const MANIFEST_PATH = 'evidence/manifest.json';

export function evidencePathForKey(key: string): string {
  return `evidence/data/${key}.json`;
}

/** One data key's evidence file: the redacted entry, when it was collected and which checks used it. */
export function evidenceFile(
  key: string,
  entry: DataEntry,
  usedBy: readonly string[],
  fallbackCollectedAt: string,
): OutputFile {
  const document = { key, collectedAt: entry.collectedAt ?? fallbackCollectedAt, usedBy, ...entry };
  return { path: evidencePathForKey(key), content: jsonDocument(document) };
}

/** How JSON.stringify(document, null, 2) ends a document whose last field is a list. */
const LIST_END = '\n  ]\n}';

/**
 * evidenceFile's text for an `ok` entry whose value is a non-empty list, in parts, so the items can be
 * written as they arrive: `head`, then evidenceItemText of each item in order, then `tail`.
 */
export function evidenceFileParts(
  key: string,
  collectedAt: string,
  usedBy: readonly string[],
): { head: string; tail: string } {
  const text = JSON.stringify({ key, collectedAt, usedBy, status: 'ok', value: [0] }, null, 2);
  return { head: text.slice(0, text.length - '\n    0'.length - LIST_END.length), tail: `${LIST_END}\n` };
}

/** One item of an evidence file's list value, as JSON.stringify(document, null, 2) indents it. */
export function evidenceItemText(index: number, item: unknown): string {
  const wrapped = JSON.stringify({ v: [item] }, null, 2);
  return `${index === 0 ? '\n' : ',\n'}${wrapped.slice('{\n  "v": [\n'.length, -LIST_END.length)}`;
}

export function reportFiles(result: ScanResult, reporters: readonly Reporter[]): OutputFile[] {
  return reporters.map((r) => ({ path: r.file, content: r.render(result) }));
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
): void {
  for (const file of reportFiles(result, reporters)) output.write(file);
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

import { envelopeOf } from '../evidence/envelope.js';
import { readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { redactString } from '../engine/redact.js';
import { sha256 } from '../core/sha256.js';
import type { Manifest } from '../evidence/manifest.js';
import { MANIFEST_PATH } from '../evidence/scan-output.js';
import { ToolError } from './answer.js';
import type { McpContext } from './context.js';
import { confinedArgument } from './paths.js';

export const EVIDENCE_FOLDER = 'evidence';

export function evidenceDir(context: McpContext): string {
  return join(context.reportDir, EVIDENCE_FOLDER);
}

/** A path relative to the evidence folder; the `evidence/` prefix of manifest and report paths is accepted. */
export function evidenceRelative(path: string): string {
  return path.startsWith(`${EVIDENCE_FOLDER}/`) ? path.slice(EVIDENCE_FOLDER.length + 1) : path;
}

export interface EvidenceText {
  /** Relative to the output folder, as manifest.json names it. */
  path: string;
  sha256: string;
  size: number;
  /** The file's text, redacted as the reports are. */
  text: string;
  manifest: 'match' | 'mismatch' | 'not listed';
  provenance: {
    key?: string;
    collectedAt?: string;
    usedBy?: string[];
    status?: string;
    complete?: boolean;
    records?: number;
  };
}

async function manifestEntries(context: McpContext): Promise<Map<string, string>> {
  try {
    const manifest = JSON.parse(await readFile(join(context.reportDir, MANIFEST_PATH), 'utf8')) as Manifest;
    return new Map(manifest.files.map((f) => [f.path, f.sha256]));
  } catch {
    return new Map();
  }
}

/** What a data key's evidence file says about itself (its envelope): key, collection time, checks using it. */
function provenanceOf(text: string): EvidenceText['provenance'] {
  const envelope = envelopeOf(text.split('\n', 1)[0] ?? '');
  if (!envelope) return {};
  return {
    key: envelope.key,
    collectedAt: envelope.collectedAt.from,
    usedBy: envelope.usedBy,
    status: envelope.status,
    complete: envelope.complete,
    records: envelope.records,
  };
}

/** Reads one file of the evidence folder, confined to it, with its SHA-256 and what the manifest says. */
export async function readEvidence(
  context: McpContext,
  path: string,
  argument = 'path',
): Promise<EvidenceText> {
  const dir = evidenceDir(context);
  const full = await confinedArgument(dir, evidenceRelative(path), argument, 'the evidence folder');
  if (!(await stat(full)).isFile()) throw new ToolError(`${argument}: '${path}' is a folder, not a file`);
  const bytes = await readFile(full);
  const rel = relative(context.reportDir, full).split(sep).join('/');
  const digest = sha256(bytes);
  const listed = (await manifestEntries(context)).get(rel);
  const text = bytes.toString('utf8');
  return {
    path: rel,
    sha256: digest,
    size: bytes.byteLength,
    text: redactString(text),
    manifest: listed === undefined ? 'not listed' : listed === digest ? 'match' : 'mismatch',
    provenance: rel.endsWith('.jsonl') ? provenanceOf(text) : {},
  };
}

/** Every file manifest.json lists under evidence/, for resource listings. */
export async function listedEvidence(context: McpContext): Promise<string[]> {
  return [...(await manifestEntries(context)).keys()].filter((p) => p.startsWith(`${EVIDENCE_FOLDER}/`));
}

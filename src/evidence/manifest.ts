import { sha256 } from '../core/sha256.js';

export { sha256 };

export interface ManifestEntry {
  path: string;
  sha256: string;
  size: number;
}

/** The company folders and files a scan reads, named as the config names them. */
export type InputFolder = 'policies' | 'evidence' | 'risks' | 'vendors';

/**
 * A company file the scan read (a policy, a manual evidence file, a register), with its SHA-256 when
 * read: `soc2 export` re-hashes it and refuses if it changed. `path` is relative to the folder (for a
 * register, the file's name next to it).
 */
export interface ManifestInput {
  folder: InputFolder;
  path: string;
  sha256: string;
}

/** A system the scan read, and the ids that say which one (account, organization, tenant, domain). */
export interface SourceSystem {
  provider: string;
  status: string;
  ids: Record<string, string | string[]>;
}

/** Where the scan's results came from and what decided them; signed into the bundle's statement. */
export interface Provenance {
  tool: { name: string; version: string };
  mode: 'live' | 'snapshot' | 'demo';
  startedAt: string;
  finishedAt: string;
  /** The data's collection time. */
  evaluatedAt: string;
  host: string;
  /** SHA-256 of the effective config (after defaults and resolution) as canonical JSON, secrets removed. */
  config: { sha256: string };
  /** SHA-256 of the control catalog the scan used, as canonical JSON. */
  catalog: { sha256: string; controls: number };
  /** SHA-256 of every check's effective options (`{checkId: options}`), as canonical JSON. */
  checkOptions: { sha256: string };
  sources: SourceSystem[];
}

export interface Manifest {
  format: 'soc2-evidence-manifest';
  version: 1;
  tool: { name: string; version: string };
  organization: string;
  scan: { startedAt: string; finishedAt: string; evaluatedAt: string };
  /** SHA-256 of the config file the scan used (null: defaults, no file). */
  config?: { sha256: string | null };
  /** The company folders the scan read, so that `soc2 export` can include manual evidence files. */
  sources?: Partial<Record<InputFolder, string>>;
  /** Every company file the scan read, with its SHA-256 at that time, sorted by folder and path. */
  inputs?: ManifestInput[];
  provenance?: Provenance;
  /** Every file in the output folder except the manifest itself, sorted by path. */
  files: ManifestEntry[];
}

export function manifestEntry(path: string, content: string | Uint8Array): ManifestEntry {
  return {
    path,
    sha256: sha256(content),
    size: typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength,
  };
}

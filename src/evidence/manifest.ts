import { sha256 } from '../core/sha256.js';

export { sha256 };

export interface ManifestEntry {
  path: string;
  sha256: string;
  size: number;
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
  sources?: { evidence?: string; policies?: string };
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

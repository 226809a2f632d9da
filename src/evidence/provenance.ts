import { hostname } from 'node:os';
import { basename, relative } from 'node:path';
import type { Catalog } from '../core/catalog.js';
import type { Config } from '../core/config-types.js';
import type { DataEntry } from '../core/snapshot.js';
import { sha256 } from '../core/sha256.js';
import { redact } from '../engine/redact.js';
import type { ScanResult } from '../engine/result.js';
import type { InputFolder, ManifestInput, Provenance, SourceSystem } from './manifest.js';
import type { PolicyFolder, EvidenceIndex, RiskRegister, VendorRegister } from '../collectors/docs/data.js';

/** JSON with object keys sorted at every level: the same value always gives the same text (and hash). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** Provider config fields that say which system was read (never credentials). */
const ID_FIELD =
  /(^|_)(id|org|organization|customer|domain|tenant|account|accounts|regions|baseurl|url|enterprise)$|(Id|Ids|Org|Url|Domain|Account|Accounts)$/i;

function idsOf(block: object): Record<string, string | string[]> {
  const ids: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(redact(block))) {
    if (!ID_FIELD.test(key) || /secret|key$|password|token/i.test(key)) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      ids[key] = String(value);
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) ids[key] = value as string[];
  }
  return ids;
}

/**
 * Records, from the data entries as the scan collects them, the company files it read (with their
 * SHA-256) and the AWS accounts it reached, for the manifest's inputs and provenance.
 */
export class ScanInputs {
  private readonly inputs = new Map<string, ManifestInput>();
  /** Where the files were read (a replayed snapshot says where they were when it was recorded). */
  readonly folders: Partial<Record<InputFolder, string>> = {};
  private awsAccounts: string[] | undefined;

  record(key: string, entry: DataEntry): void {
    if (entry.status !== 'ok') return;
    const add = (input: ManifestInput) => this.inputs.set(`${input.folder}\0${input.path}`, input);
    const posix = (path: string) => path.split(/[\\/]+/).join('/');
    if (key === 'docs.policies') {
      const folder = entry.value as PolicyFolder;
      this.folders.policies = folder.dir;
      for (const p of folder.policies)
        add({ folder: 'policies', path: posix(relative(folder.dir, p.file)), sha256: p.sha256 });
    } else if (key === 'docs.evidence') {
      this.folders.evidence = (entry.value as EvidenceIndex).dir;
      for (const item of (entry.value as EvidenceIndex).items)
        for (const f of item.files)
          if (f.present && f.sha256) add({ folder: 'evidence', path: posix(f.path), sha256: f.sha256 });
    } else if (key === 'docs.risks' || key === 'docs.vendors') {
      const register = entry.value as RiskRegister | VendorRegister;
      this.folders[key === 'docs.risks' ? 'risks' : 'vendors'] = register.file;
      if (register.exists && register.sha256)
        add({
          folder: key === 'docs.risks' ? 'risks' : 'vendors',
          path: basename(register.file),
          sha256: register.sha256,
        });
    } else if (key === 'aws.accounts') {
      const value = entry.value as { accounts?: { id?: string }[]; callerAccount?: string };
      this.awsAccounts = (value.accounts ?? []).flatMap((a) => (a.id ? [a.id] : []));
      if (this.awsAccounts.length === 0 && value.callerAccount) this.awsAccounts = [value.callerAccount];
    }
  }

  list(): ManifestInput[] {
    return [...this.inputs.values()].sort((a, b) =>
      a.folder !== b.folder ? (a.folder < b.folder ? -1 : 1) : a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
    );
  }

  sources(config: Config, result: ScanResult): SourceSystem[] {
    return result.providers
      .filter((p) => p.status !== 'skipped')
      .map((p) => {
        const block = config.providers[p.id];
        const ids = block ? idsOf(block) : {};
        if (p.id === 'aws' && this.awsAccounts) ids.accounts = this.awsAccounts;
        return { provider: p.id, status: p.status, ids };
      });
  }
}

/** Where the scan's results came from: tool, mode, times, host, and hashes of what decided them. */
export function provenance(
  config: Config,
  catalog: Catalog,
  result: ScanResult,
  inputs: ScanInputs,
): Provenance {
  const { source: _source, file: _file, ...effective } = config;
  return {
    tool: result.tool,
    mode: result.scan.mode,
    startedAt: result.scan.startedAt,
    finishedAt: result.scan.finishedAt,
    evaluatedAt: result.scan.evaluatedAt,
    host: hostname(),
    config: { sha256: sha256(canonicalJson(redact(effective))) },
    catalog: { sha256: sha256(canonicalJson(catalog.controls)), controls: catalog.controls.length },
    checkOptions: {
      sha256: sha256(canonicalJson(Object.fromEntries(result.checks.map((c) => [c.id, c.options])))),
    },
    sources: inputs.sources(config, result),
  };
}

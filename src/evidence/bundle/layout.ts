import { createReadStream, existsSync, lstatSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { basename, isAbsolute, join, normalize, resolve } from 'node:path';
import { confinePath } from '../../core/confine.js';
import { InputError } from '../../engine/errors.js';
import type { ControlResult, ManualEvidenceResult, ScanResult } from '../../engine/result.js';
import { reporters } from '../../report/index.js';
import { redact } from '../../engine/redact.js';
import { envelopeOf } from '../envelope.js';
import { evidencePathForKey, MANIFEST_PATH } from '../scan-output.js';
import type { InputFolder, Manifest } from '../manifest.js';

/** Where a bundle file's bytes come from: a file of the scan output or evidence folder, or generated text. */
export type Source = { file: string } | { text: string };

/** Where the scan recorded a file's SHA-256: a file of its output folder, or a company file it read. */
export type Recorded = { output: string } | { folder: InputFolder; path: string };

export interface BundleFile {
  /** Path inside the zip, forward slashes. */
  path: string;
  source: Source;
  /** For a file copied from disk: the scan's record of it, which export checks the file against. */
  recorded?: Recorded;
}

export interface AutomatedEvidence {
  key: string;
  path: string;
  collectedAt?: string;
}

export interface ManualEvidenceFile {
  /** As the report lists it, relative to the evidence folder. */
  name: string;
  /** Path inside the zip; absent when the file could not be found or its name is unsafe. */
  path?: string;
  problem?: string;
}

/** A register (risks, vendors) a control's checks read, copied as the scan read it. */
export interface RegisterFile {
  key: string;
  name: string;
  path: string;
}

export interface ControlEvidence {
  control: ControlResult;
  folder: string;
  automated: AutomatedEvidence[];
  registers: RegisterFile[];
  manual: { evidence: ManualEvidenceResult; files: ManualEvidenceFile[] }[];
}

export type ScanOutputSources = Partial<Record<InputFolder, string>>;

/** A file that satisfies a control's manual evidence but cannot be in the bundle. */
export interface UnbundledFile {
  control: string;
  evidence: string;
  name: string;
  problem: string;
}

/** The registers' data keys and the config keys naming their files. */
const REGISTERS: Record<string, 'risks' | 'vendors'> = { 'docs.risks': 'risks', 'docs.vendors': 'vendors' };

export interface BundleLayout {
  report: ScanResult;
  scanManifest?: Partial<Manifest>;
  controls: ControlEvidence[];
  /** Every file of the bundle except manifest.json, SHA256SUMS and the signature; not yet sorted. */
  files: BundleFile[];
  unassigned: AutomatedEvidence[];
  /** Satisfying files that could not be included: export refuses while there are any. */
  unbundled: UnbundledFile[];
}

/** A path segment safe on every file system and in every zip reader. */
export function safeSegment(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]/g, '_');
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? `_${cleaned}` : cleaned;
}

/** A relative path from the report, made safe; null when it is absolute or leaves its folder. */
export function safeRelativePath(name: string): string | null {
  if (isAbsolute(name) || /^[A-Za-z]:/.test(name)) return null;
  const parts = normalize(name)
    .split(/[\\/]+/)
    .filter(Boolean);
  if (parts.length === 0 || parts.some((p) => p === '..')) return null;
  return parts
    .filter((p) => p !== '.')
    .map(safeSegment)
    .join('/');
}

function readJson<T>(file: string, what: string): T {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InputError([{ file, message: `cannot read ${what}; is this a soc2 scan output folder?` }]);
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new InputError([{ file, message: `${what} is not valid JSON (${(error as Error).message})` }]);
  }
}

/** Reads `collectedAt` from the start of an evidence data file without parsing the whole file. */
/** When an evidence file's data was collected, from its envelope (the first line). */
async function collectedAtOf(file: string): Promise<string | undefined> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  try {
    for await (const line of lines) return envelopeOf(line)?.collectedAt.from;
    return undefined;
  } finally {
    lines.close();
  }
}

export interface LayoutOptions {
  /** The company's evidence folder, when manual evidence files are to be included. */
  evidenceDir?: string;
  policiesDir?: string;
}

/**
 * Decides what goes where in the bundle: the scan's reports under report/, and per control its README
 * (added later), its automated evidence (the data keys its checks read) and its manual evidence files.
 */
export async function planLayout(scanDir: string, options: LayoutOptions = {}): Promise<BundleLayout> {
  const dir = resolve(scanDir);
  const raw = readJson<ScanResult>(join(dir, 'report.json'), 'report.json');
  if (!raw || typeof raw !== 'object' || !Array.isArray(raw.controls) || !Array.isArray(raw.checks)) {
    throw new InputError([
      { file: join(dir, 'report.json'), message: 'not a soc2 report (no controls/checks)' },
    ]);
  }
  const report = redact(raw);
  const manifestFile = join(dir, ...MANIFEST_PATH.split('/'));
  const scanManifest = existsSync(manifestFile)
    ? readJson<Partial<Manifest>>(manifestFile, MANIFEST_PATH)
    : undefined;
  const sources: ScanOutputSources = {
    ...scanManifest?.sources,
    evidence: options.evidenceDir ?? scanManifest?.sources?.evidence,
    policies: options.policiesDir ?? scanManifest?.sources?.policies,
  };

  const files: BundleFile[] = [];
  for (const name of reporters.map((r) => r.file)) {
    if (existsSync(join(dir, name)))
      files.push({ path: `report/${name}`, source: { file: join(dir, name) }, recorded: { output: name } });
  }

  const collected = new Map<string, string | undefined>();
  const dataFile = (key: string) => join(dir, ...evidencePathForKey(key).split('/'));
  const keysOf = (control: ControlResult) =>
    [...new Set(report.checks.filter((c) => control.checks.includes(c.id)).flatMap((c) => c.data ?? []))]
      .filter((key) => existsSync(dataFile(key)))
      .sort();

  const usedKeys = new Set<string>();
  const controls: ControlEvidence[] = [];
  const unbundled: UnbundledFile[] = [];
  for (const control of [...report.controls].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const folder = `controls/${safeSegment(control.id)}`;
    const automated: AutomatedEvidence[] = [];
    for (const key of keysOf(control)) {
      usedKeys.add(key);
      if (!collected.has(key)) collected.set(key, await collectedAtOf(dataFile(key)));
      const path = `${folder}/evidence/${safeSegment(key)}.jsonl`;
      automated.push({ key, path, collectedAt: collected.get(key) });
      files.push({ path, source: { file: dataFile(key) }, recorded: { output: evidencePathForKey(key) } });
    }
    const registers: RegisterFile[] = [];
    for (const key of keysOf(control)) {
      const register = REGISTERS[key] && sources[REGISTERS[key]];
      if (!register || !existsSync(register)) continue;
      const name = basename(register);
      const path = `${folder}/registers/${safeSegment(name)}`;
      registers.push({ key, name, path });
      files.push({ path, source: { file: register }, recorded: { folder: REGISTERS[key]!, path: name } });
    }
    const manual: ControlEvidence['manual'] = [];
    for (const evidence of control.evidence ?? []) {
      const placed: ManualEvidenceFile[] = [];
      for (const name of evidence.files ?? []) {
        const file = await placeManualFile(
          name,
          evidence,
          `${folder}/manual/${safeSegment(evidence.id)}`,
          sources,
        );
        placed.push(file.placed);
        if (file.bundled) files.push(file.bundled);
        else if (evidence.status === 'satisfied') {
          unbundled.push({ control: control.id, evidence: evidence.id, name, problem: file.placed.problem! });
        }
      }
      manual.push({ evidence, files: placed });
    }
    controls.push({ control, folder, automated, registers, manual });
  }

  const unassigned: AutomatedEvidence[] = [];
  const allKeys = [...new Set(report.checks.flatMap((c) => c.data ?? []))].sort();
  for (const key of allKeys) {
    if (usedKeys.has(key) || !existsSync(dataFile(key))) continue;
    const path = `evidence/${safeSegment(key)}.jsonl`;
    unassigned.push({ key, path, collectedAt: await collectedAtOf(dataFile(key)) });
    files.push({ path, source: { file: dataFile(key) }, recorded: { output: evidencePathForKey(key) } });
  }
  return { report, scanManifest, controls, files, unassigned, unbundled };
}

/**
 * Finds a manual evidence file in the company folder its result names (`policies` or `evidence`):
 * names that are absolute or leave the folder, symbolic links out of it, and missing files are not
 * bundled, with the reason.
 */
async function placeManualFile(
  name: string,
  evidence: ManualEvidenceResult,
  under: string,
  sources: ScanOutputSources,
): Promise<{ placed: ManualEvidenceFile; bundled?: BundleFile }> {
  const folder = evidence.folder ?? 'evidence';
  const dir = sources[folder];
  const rel = safeRelativePath(name);
  if (!rel) return { placed: { name, problem: 'unsafe path, not included' } };
  if (!dir) return { placed: { name, problem: `${folder} folder not known` } };
  const confined = await confinePath(resolve(dir), name, `the ${folder} folder`);
  if (!confined.ok) return { placed: { name, problem: `${confined.why}, not included` } };
  if (!confined.exists || !lstatSync(confined.path).isFile())
    return { placed: { name, problem: 'file not found' } };
  const path = `${under}/${rel}`;
  const recorded = {
    folder,
    path: normalize(name)
      .split(/[\\/]+/)
      .join('/'),
  };
  return { placed: { name, path }, bundled: { path, source: { file: confined.path }, recorded } };
}

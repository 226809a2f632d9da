import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { confinePath } from '../../core/confine.js';
import { InputError } from '../../engine/errors.js';
import { validateSource } from '../../core/schema-validate.js';
import { parseYaml } from '../../core/yaml-source.js';
import type { EvidenceFile, EvidenceIndex, EvidenceItem } from './data.js';
import { shippedSchema } from './schemas.js';
import { sha256 } from '../../core/sha256.js';

export const INDEX_NAMES = ['index.yaml', 'index.yml'];

interface RawItem {
  control: string;
  request: string;
  title: string;
  files: string[];
  collected_at: string;
  performed_at?: string;
  performed_by?: string;
  reviewed_by?: string;
  period?: { from: string; to: string };
  valid_days?: number;
  owner?: string;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Evidence files must live in the evidence folder: an absolute path, a `..` that leaves it, or a
 * symbolic link pointing out of it would have soc2 hash (and bundle) any file on the machine.
 */
async function confinedPath(dir: string, path: string, at: { file: string; line: number }): Promise<string> {
  const confined = await confinePath(dir, path, 'the evidence folder');
  if (!confined.ok) {
    throw new InputError([
      { ...at, message: `evidence file '${path}' ${confined.why}; list files inside the evidence folder` },
    ]);
  }
  return confined.path; // missing: recorded as not present
}

/** Hashes (SHA-256) every file an item lists; a missing file is recorded, not thrown. */
async function describeFile(path: string, full: string): Promise<EvidenceFile> {
  try {
    const content = await readFile(full);
    return {
      path,
      present: true,
      sha256: sha256(content),
      size: content.byteLength,
    };
  } catch {
    return { path, present: false };
  }
}

export function parseEvidenceIndex(
  text: string,
  file: string,
): { items: (RawItem & { line: number; fileLines: number[] })[] } {
  const source = parseYaml(text, file);
  if (source.value === null || source.value === undefined) return { items: [] };
  const problems = validateSource(source, shippedSchema('evidence-index.schema.json'));
  if (problems.length > 0) throw new InputError(problems);
  const raw = (source.value as { items: RawItem[] }).items;
  raw.forEach((item, i) => {
    if (item.period && item.period.to < item.period.from) {
      const at = source.locate(`/items/${i}/period/to`);
      problems.push({
        file,
        ...at,
        message: `period.to ${item.period.to} is before period.from ${item.period.from}`,
      });
    }
    if (item.performed_at && item.performed_at > item.collected_at) {
      const at = source.locate(`/items/${i}/performed_at`);
      problems.push({
        file,
        ...at,
        message: `performed_at ${item.performed_at} is after collected_at ${item.collected_at}`,
      });
    }
  });
  if (problems.length > 0) throw new InputError(problems);
  const items = raw.map((item, i) => {
    const line = source.locate(`/items/${i}`)?.line ?? 1;
    return {
      ...item,
      line,
      fileLines: item.files.map((_, j) => source.locate(`/items/${i}/files/${j}`)?.line ?? line),
    };
  });
  return { items };
}

export async function readEvidenceIndex(dir: string): Promise<EvidenceIndex> {
  let index = join(dir, INDEX_NAMES[0]!);
  for (const name of INDEX_NAMES) {
    if (await exists(join(dir, name))) {
      index = join(dir, name);
      break;
    }
  }
  if (!(await exists(index))) return { dir, index, exists: false, items: [] };
  const parsed = parseEvidenceIndex(await readFile(index, 'utf8'), index);
  const items: EvidenceItem[] = [];
  for (const raw of parsed.items) {
    const item: EvidenceItem = {
      control: raw.control,
      request: raw.request,
      title: raw.title,
      collectedAt: raw.collected_at,
      files: await Promise.all(
        raw.files.map(async (f, j) =>
          describeFile(f, await confinedPath(dir, f, { file: index, line: raw.fileLines[j] ?? raw.line })),
        ),
      ),
      line: raw.line,
    };
    if (raw.owner) item.owner = raw.owner;
    if (raw.performed_at) item.performedAt = raw.performed_at;
    if (raw.performed_by) item.performedBy = raw.performed_by;
    if (raw.reviewed_by) item.reviewedBy = raw.reviewed_by;
    if (raw.period) item.covers = raw.period;
    if (raw.valid_days !== undefined) item.validDays = raw.valid_days;
    items.push(item);
  }
  return { dir, index, exists: true, items };
}

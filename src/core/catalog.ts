import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyCheck } from '../engine/check.js';
import type { Criterion } from '../engine/criteria.js';
import { loadCriteria } from './criteria.js';
import { InputError, type Problem } from '../engine/errors.js';
import { builtInCatalogDir } from './paths.js';
import { validateSource } from './schema-validate.js';
import { cachedSource, readCatalogCache } from './catalog-cache.js';
import { parseYaml, readYamlText, type YamlSource } from './yaml-source.js';

export type Frequency =
  'continuous' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'semiannually' | 'annually' | 'per-event';

export interface EvidenceRequest {
  id: string;
  title: string;
  owner: string;
  frequency: Frequency;
  freshDays: number;
  policy?: string;
}

export interface Control {
  id: string;
  title: string;
  description: string;
  owner: string;
  frequency: Frequency;
  criteria: { id: string; rationale: string }[];
  checks: string[];
  evidence: EvidenceRequest[];
  /** file:line the control was defined at, for messages and SARIF locations. */
  source: { file: string; line: number };
}

export interface Catalog {
  /** The 2017 Trust Services Criteria the controls map to, in document order. */
  criteria: Criterion[];
  controls: Control[];
  files: string[];
}

const CONTROL_SCHEMA = join(builtInCatalogDir, 'control.schema.json');

function yamlFilesIn(dir: string): string[] {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory())
      throw new InputError([{ file: dir, message: 'catalog path is not a folder' }]);
    entries = readdirSync(dir);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError([{ file: dir, message: 'catalog folder not found' }]);
  }
  return entries
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * Loads the built-in catalog, then each plugin's folder, then each extra folder in order. A control in
 * an extra folder replaces the one with the same id; a plugin's control may not replace any. All
 * problems across all files are reported at once.
 */
export function loadCatalog(options: {
  extraDirs?: string[];
  /** Plugins' controls folders (see Registry.controlDirs). */
  pluginDirs?: readonly { plugin: string; dir: string }[];
  checks: readonly AnyCheck[];
  /** Parse every file even when the build's parsed copy of the built-in catalog is current. */
  noBuildCache?: boolean;
}): Catalog {
  const dirs: { dir: string; plugin?: string }[] = [
    { dir: builtInCatalogDir },
    ...(options.pluginDirs ?? []),
    ...(options.extraDirs ?? []).map((dir) => ({ dir })),
  ];
  const cache = options.noBuildCache ? undefined : readCatalogCache();
  const problems: Problem[] = [];
  const byId = new Map<string, Control>();
  const files: string[] = [];
  const criteria = loadCriteria();
  const known = new Set(criteria.map((c) => c.id));
  const checkIds = new Set(options.checks.map((c) => c.id));

  for (const { dir, plugin } of dirs) {
    const idsInThisFolder = new Map<string, Control>();
    for (const file of yamlFilesIn(dir)) {
      files.push(file);
      let source: YamlSource;
      try {
        const text = readYamlText(file);
        source = cachedSource(file, text, cache) ?? parseYaml(text, file);
      } catch (error) {
        if (error instanceof InputError) {
          problems.push(...error.problems);
          continue;
        }
        throw error;
      }
      const schemaProblems = validateSource(source, CONTROL_SCHEMA);
      if (schemaProblems.length > 0) {
        problems.push(...schemaProblems);
        continue;
      }
      const raw = (source.value as { controls: Omit<Control, 'source'>[] }).controls;
      raw.forEach((item, index) => {
        const at = (pointer: string) => {
          const pos = source.locate(`/controls/${index}${pointer}`);
          return { file, line: pos?.line, column: pos?.column };
        };
        const taken = plugin === undefined ? undefined : byId.get(item.id);
        if (taken) {
          problems.push({
            ...at('/id'),
            message: `plugin ${plugin}: control id '${item.id}' is already defined at ${taken.source.file}:${taken.source.line} (a plugin adds controls; --catalog replaces them)`,
          });
          return;
        }
        const duplicate = idsInThisFolder.get(item.id);
        if (duplicate) {
          problems.push({
            ...at('/id'),
            message: `duplicate control id '${item.id}' (first defined at ${duplicate.source.file}:${duplicate.source.line})`,
          });
          return;
        }
        item.criteria.forEach((criterion, i) => {
          if (!known.has(criterion.id)) {
            problems.push({
              ...at(`/criteria/${i}/id`),
              message: `control ${item.id}: '${criterion.id}' is not a 2017 Trust Services Criterion`,
            });
          }
        });
        const seenCriteria = new Set<string>();
        item.criteria.forEach((criterion, i) => {
          if (seenCriteria.has(criterion.id)) {
            problems.push({
              ...at(`/criteria/${i}/id`),
              message: `control ${item.id}: criterion ${criterion.id} listed twice`,
            });
          }
          seenCriteria.add(criterion.id);
        });
        (item.checks ?? []).forEach((checkId, i) => {
          if (!checkIds.has(checkId)) {
            problems.push({
              ...at(`/checks/${i}`),
              message: `control ${item.id}: unknown check '${checkId}'`,
            });
          }
        });
        const requestIds = new Set<string>();
        (item.evidence ?? []).forEach((request, i) => {
          if (requestIds.has(request.id)) {
            problems.push({
              ...at(`/evidence/${i}/id`),
              message: `control ${item.id}: duplicate evidence request id '${request.id}'`,
            });
          }
          requestIds.add(request.id);
        });
        const control: Control = {
          ...item,
          checks: item.checks ?? [],
          evidence: item.evidence ?? [],
          source: { file, line: at('').line ?? 1 },
        };
        idsInThisFolder.set(item.id, control);
        byId.set(item.id, control);
      });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  const controls = [...byId.values()].sort((a, b) => compareControlIds(a.id, b.id));
  return { criteria, controls, files };
}

export function compareControlIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** Integrity findings that are not fatal to a scan but are to `catalog validate` and the tests. */
export function catalogWarnings(catalog: Catalog, checks: readonly AnyCheck[]): string[] {
  const used = new Set(catalog.controls.flatMap((c) => c.checks));
  const warnings = checks
    .filter((c) => !used.has(c.id))
    .map((c) => `check '${c.id}' is not used by any control`);
  const covered = new Set(catalog.controls.flatMap((c) => c.criteria.map((x) => x.id)));
  for (const { id } of catalog.criteria) {
    if (!covered.has(id)) warnings.push(`criterion ${id} is not supported by any control`);
  }
  return warnings;
}

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

/**
 * tests: a failing check of the control fails the criterion. supports: the control operating (its checks
 * ran, its evidence is on file) is evidence for the criterion, while its findings belong to the criteria
 * it tests.
 */
export type CriterionRole = 'tests' | 'supports';

export interface ControlType {
  purpose: 'preventive' | 'detective';
  operation: 'automated' | 'manual';
}

export interface Control {
  id: string;
  title: string;
  description: string;
  type: ControlType;
  owner: string;
  frequency: Frequency;
  /** What the control acts on: the full set of items an auditor selects from. */
  population: string;
  /** What an auditor inspects, observes or re-performs. */
  testProcedure: string;
  criteria: { id: string; rationale: string; role: CriterionRole }[];
  checks: string[];
  evidence: EvidenceRequest[];
  /** Check option values the description promises, by check id. */
  promises: Record<string, Record<string, unknown>>;
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
  const checksById = new Map(options.checks.map((c) => [c.id, c]));
  const checkIds = new Set(checksById.keys());

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
      const raw = (source.value as { controls: RawControl[] }).controls;
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
        problems.push(...promiseProblems(item, checksById, at));
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
          criteria: item.criteria.map((c) => ({ ...c, role: c.role ?? 'tests' })),
          checks: item.checks ?? [],
          evidence: item.evidence ?? [],
          promises: item.promises ?? {},
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

/** A control as written in YAML: the optional parts are filled in by loadCatalog. */
type RawControl = Omit<Control, 'source' | 'criteria' | 'checks' | 'evidence' | 'promises'> & {
  criteria: { id: string; rationale: string; role?: CriterionRole }[];
  checks?: string[];
  evidence?: EvidenceRequest[];
  promises?: Record<string, Record<string, unknown>>;
};

/** A promise must name one of the control's own checks and options that check has. */
function promiseProblems(
  item: RawControl,
  checks: ReadonlyMap<string, AnyCheck>,
  at: (pointer: string) => Omit<Problem, 'message'>,
): Problem[] {
  return Object.entries(item.promises ?? {}).flatMap(([checkId, promised]) => {
    const pointer = `/promises/${checkId}`;
    if (!(item.checks ?? []).includes(checkId)) {
      return [
        {
          ...at(pointer),
          message: `control ${item.id}: promises options of '${checkId}', which is not one of its checks`,
        },
      ];
    }
    const known = Object.keys((checks.get(checkId)?.options?.defaults ?? {}) as object);
    return Object.keys(promised)
      .filter((name) => !known.includes(name))
      .map((name) => ({
        ...at(pointer),
        message: `control ${item.id}: check '${checkId}' has no option '${name}'${known.length > 0 ? ` (it has ${known.join(', ')})` : ''}`,
      }));
  });
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

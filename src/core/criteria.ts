import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Criterion } from '../engine/criteria.js';
import { builtInCatalogDir } from './paths.js';

let criteria: Criterion[] | undefined;

/** The 61 AICPA 2017 Trust Services Criteria, in document order. */
export function loadCriteria(): Criterion[] {
  criteria ??= (
    JSON.parse(readFileSync(join(builtInCatalogDir, 'tsc-2017.json'), 'utf8')) as { criteria: Criterion[] }
  ).criteria.map(({ id, category, series, group, title }) => ({ id, category, series, group, title }));
  return criteria;
}

export function criterionIds(): Set<string> {
  return new Set(loadCriteria().map((c) => c.id));
}

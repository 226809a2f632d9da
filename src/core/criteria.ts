import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtInCatalogDir } from './paths.js';

export type Category = 'security' | 'availability' | 'processing_integrity' | 'confidentiality' | 'privacy';

export interface Criterion {
  id: string;
  category: Category;
  series: string;
  group: string;
  title: string;
}

export const CATEGORY_TITLES: Record<Category, string> = {
  security: 'Security',
  availability: 'Availability',
  processing_integrity: 'Processing Integrity',
  confidentiality: 'Confidentiality',
  privacy: 'Privacy',
};

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

/** `CC6` matches CC6.1..CC6.8, `CC6.1` matches itself, `privacy` matches a whole category. */
export function matchesCriteriaSelector(criterion: Criterion, selector: string): boolean {
  const s = selector.trim();
  if (s.toLowerCase() === criterion.category || s.toLowerCase().replace(/[- ]/g, '_') === criterion.category)
    return true;
  const upper = s.toUpperCase();
  return criterion.id === upper || criterion.series === upper || criterion.id.startsWith(`${upper}.`);
}

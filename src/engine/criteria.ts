export type Category = 'security' | 'availability' | 'processing_integrity' | 'confidentiality' | 'privacy';

/** One of the 61 AICPA 2017 Trust Services Criteria; the catalog loads them (src/core/criteria.ts). */
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

/** `CC6` matches CC6.1..CC6.8, `CC6.1` matches itself, `privacy` matches a whole category. */
export function matchesCriteriaSelector(criterion: Criterion, selector: string): boolean {
  const s = selector.trim();
  if (s.toLowerCase() === criterion.category || s.toLowerCase().replace(/[- ]/g, '_') === criterion.category)
    return true;
  const upper = s.toUpperCase();
  return criterion.id === upper || criterion.series === upper || criterion.id.startsWith(`${upper}.`);
}

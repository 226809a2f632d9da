import type { Catalog, Control } from '../core/catalog.js';
import type { AnyCheck } from './check.js';
import { matchesCriteriaSelector, type Category, type Criterion } from './criteria.js';
import { InputError } from './errors.js';

export interface Selection {
  providers?: string[];
  controls?: string[];
  criteria?: string[];
  checks?: string[];
}

export interface Plan {
  criteria: Criterion[];
  controls: Control[];
  checks: AnyCheck[];
  /** Every data key the selected checks declared, sorted. Collectors may pull in more through need(). */
  keys: string[];
}

/**
 * Pure: selection -> controls -> checks -> data keys. Unknown names in the selection are bad input;
 * `providerIds` are the registered providers (by default those the checks belong to). Criteria outside
 * `categories` (the audit's scope) are left out, and so are controls and checks that serve only them.
 */
export function makePlan(
  catalog: Catalog,
  checks: readonly AnyCheck[],
  selection: Selection = {},
  providerIds: readonly string[] = checks.map((c) => c.provider),
  categories?: readonly Category[],
): Plan {
  const checkById = new Map(checks.map((c) => [c.id, c]));
  const problems: string[] = [];
  const known = [...new Set(providerIds)].sort();
  for (const p of selection.providers ?? []) {
    if (!known.includes(p)) problems.push(`--provider: unknown provider '${p}' (one of ${known.join(', ')})`);
  }
  const controlIds = new Set(catalog.controls.map((c) => c.id));
  for (const id of selection.controls ?? []) {
    if (!controlIds.has(id)) problems.push(`--control: unknown control '${id}'`);
  }
  for (const id of selection.checks ?? []) {
    if (!checkById.has(id)) problems.push(`--check: unknown check '${id}'`);
  }
  const allCriteria = catalog.criteria;
  for (const selector of selection.criteria ?? []) {
    if (!allCriteria.some((c) => matchesCriteriaSelector(c, selector))) {
      problems.push(`--criteria: '${selector}' matches no 2017 Trust Services Criterion`);
    }
  }
  if (problems.length > 0) throw new InputError(problems.map((message) => ({ message })));

  const selected = selection.criteria?.length
    ? (id: string) =>
        selection.criteria!.some((s) =>
          matchesCriteriaSelector(
            allCriteria.find((c) => c.id === id)!,
            s,
          ),
        )
    : () => true;
  const inScope = (id: string) =>
    !categories || categories.includes(allCriteria.find((c) => c.id === id)?.category ?? 'security');
  const criteriaFilter = (id: string) => inScope(id) && selected(id);
  const checkFilter = (check: AnyCheck) =>
    (!selection.providers?.length || selection.providers.includes(check.provider)) &&
    (!selection.checks?.length || selection.checks.includes(check.id));
  const narrowsChecks = Boolean(selection.providers?.length || selection.checks?.length);

  const controls = catalog.controls
    .filter((c) => !selection.controls?.length || selection.controls.includes(c.id))
    .filter((c) => c.criteria.some((x) => criteriaFilter(x.id)))
    .filter((c) => !narrowsChecks || c.checks.some((id) => checkFilter(checkById.get(id)!)));

  const selectedCheckIds = new Set(
    controls.flatMap((c) => c.checks).filter((id) => checkFilter(checkById.get(id)!)),
  );
  const selectedChecks = checks.filter((c) => selectedCheckIds.has(c.id));
  const criteriaIds = new Set(controls.flatMap((c) => c.criteria.map((x) => x.id)).filter(criteriaFilter));
  const keys = [...new Set(selectedChecks.flatMap((c) => c.requires as readonly string[]))].sort();
  return {
    criteria: allCriteria.filter((c) => criteriaIds.has(c.id)),
    controls: controls.map((c) => ({ ...c, checks: c.checks.filter((id) => selectedCheckIds.has(id)) })),
    checks: selectedChecks,
    keys,
  };
}

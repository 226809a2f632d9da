import type { Control, CriterionRole } from '../core/catalog.js';
import { matchesCriteriaSelector, type Criterion } from '../engine/criteria.js';
import { ToolError } from './answer.js';
import type { McpContext } from './context.js';

/**
 * The controls that use a check; the criteria a failing finding of it fails (as in the report), and
 * those the controls only support (docs/catalog.md), each in catalog order.
 */
export function catalogLinks(
  context: McpContext,
  checkId: string,
): { controls: Control[]; criteria: string[]; supports: string[] } {
  const controls = context.catalog.controls.filter((c) => c.checks.includes(checkId));
  const mapped = (role: CriterionRole) => {
    const ids = new Set(controls.flatMap((c) => c.criteria.filter((k) => k.role === role).map((k) => k.id)));
    return context.catalog.criteria.filter((c) => ids.has(c.id)).map((c) => c.id);
  };
  const criteria = mapped('tests');
  return { controls, criteria, supports: mapped('supports').filter((id) => !criteria.includes(id)) };
}

/** The criteria a selector names (`CC6.1`, `CC6`, `privacy`); one naming none is a tool error. */
export function selectCriteria(context: McpContext, selector: string): Set<string> {
  const chosen = context.catalog.criteria.filter((c) => matchesCriteriaSelector(c, selector));
  if (chosen.length === 0)
    throw new ToolError(
      `criterion: '${selector}' names no 2017 Trust Services Criterion (e.g. CC6.1, a series such as CC6, or a category such as availability)`,
    );
  return new Set(chosen.map((c) => c.id));
}

export function criterionById(context: McpContext, id: string): Criterion {
  const criterion = context.catalog.criteria.find((c) => c.id === id.toUpperCase());
  if (!criterion)
    throw new ToolError(`criterion: '${id}' is not a 2017 Trust Services Criterion id such as CC6.1`);
  return criterion;
}

export function knownProvider(
  context: McpContext,
  provider: string | undefined,
  argument = 'provider',
): void {
  if (provider === undefined) return;
  const known = context.registry.providers.map((p) => p.id).sort();
  if (!known.includes(provider))
    throw new ToolError(`${argument}: unknown provider '${provider}' (one of ${known.join(', ')})`);
}

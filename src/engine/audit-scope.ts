import type { DataEntry } from '../core/snapshot.js';
import type { NamePatterns, ScopeConfig } from '../core/config-types.js';
import type { Criterion } from './criteria.js';
import { firstMatch } from './glob.js';
import { notCheckedReason, type Evaluation } from './evaluate.js';
import type { Finding } from './types.js';

/** Where a finding's resource lives, as far as the collected data tells. */
export interface ResourceLocation {
  account?: string;
  region?: string;
  repository?: string;
  orgUnit?: string;
  /** Known tags (an empty object: known to have none); absent when the data does not carry them. */
  tags?: Record<string, string>;
}

export type ScopeDimension = keyof ResourceLocation;

/** Something left out of the audit, with the scope rule that left it out. */
export interface OutOfScopeEntry {
  /** The check whose finding it was; absent when it was left out before collection. */
  check?: string;
  resource: string;
  rule: string;
}

/**
 * A provider's part in scoping: where its resources live, and what it left out before collecting
 * (e.g. excluded AWS accounts and regions).
 */
export interface ResourceLocator {
  /** Data keys it reads; collected when the config's scope names one of `dimensions`. */
  keys: readonly string[];
  dimensions: readonly ScopeDimension[];
  locate(data: Readonly<Record<string, DataEntry | undefined>>): (finding: Finding) => ResourceLocation;
  excluded?(data: Readonly<Record<string, DataEntry | undefined>>): OutOfScopeEntry[];
}

/** The value of a collected key, or undefined when it was not read. */
export function valueOf<T>(
  data: Readonly<Record<string, DataEntry | undefined>>,
  key: string,
): T | undefined {
  const entry = data[key];
  return entry?.status === 'ok' ? (entry.value as T) : undefined;
}

/**
 * The rule that puts `name` out of scope, or undefined: with an include list, a name none of it
 * matches is out; a name an exclude pattern matches is out. `names` are the forms tried (an org
 * unit's path and its parents).
 */
export function patternRule(
  patterns: NamePatterns | undefined,
  names: readonly string[],
  path: string,
): string | undefined {
  if (!patterns) return undefined;
  if (patterns.include?.length && !names.some((n) => firstMatch(patterns.include, n)))
    return `${path}.include (${patterns.include.join(', ')})`;
  for (const name of names) {
    const hit = firstMatch(patterns.exclude, name);
    if (hit) return `${path}.exclude: ${hit}`;
  }
  return undefined;
}

/** `/Sales/EMEA` -> `/Sales/EMEA`, `/Sales`, `/`: an org unit's patterns cover its children. */
function orgUnitAndParents(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return [...parts.map((_, i) => `/${parts.slice(0, parts.length - i).join('/')}`), '/'];
}

/** The rule that puts a resource at `location` out of scope, or undefined when it is in scope. */
export function locationRule(scope: ScopeConfig, location: ResourceLocation): string | undefined {
  const { account, region, repository, orgUnit, tags } = location;
  const tagNames = tags ? Object.entries(tags).map(([k, v]) => `${k}=${v}`) : undefined;
  return (
    (account ? patternRule(scope.aws?.accounts, [account], 'scope.aws.accounts') : undefined) ??
    (region ? patternRule(scope.aws?.regions, [region], 'scope.aws.regions') : undefined) ??
    (repository
      ? patternRule(scope.github?.repositories, [repository], 'scope.github.repositories')
      : undefined) ??
    (orgUnit
      ? patternRule(scope.google?.orgUnits, orgUnitAndParents(orgUnit), 'scope.google.orgUnits')
      : undefined) ??
    (tagNames ? tagRule(scope.tags, tagNames) : undefined)
  );
}

function tagRule(patterns: NamePatterns | undefined, tags: readonly string[]): string | undefined {
  if (!patterns) return undefined;
  if (patterns.include?.length && !tags.some((t) => firstMatch(patterns.include, t)))
    return `scope.tags.include (${patterns.include.join(', ')})`;
  return patternRule({ exclude: patterns.exclude }, tags, 'scope.tags');
}

/** Whether the config's scope names anything a locator serves. */
function named(scope: ScopeConfig, dimension: ScopeDimension): boolean {
  const patterns = {
    account: scope.aws?.accounts,
    region: scope.aws?.regions,
    repository: scope.github?.repositories,
    orgUnit: scope.google?.orgUnits,
    tags: scope.tags,
  }[dimension];
  return Boolean(patterns?.include?.length || patterns?.exclude?.length);
}

/** The data keys the locators need for the dimensions this scope names. */
export function locatorKeys(scope: ScopeConfig | undefined, locators: readonly ResourceLocator[]): string[] {
  if (!scope) return [];
  return locators.filter((l) => l.dimensions.some((d) => named(scope, d))).flatMap((l) => l.keys);
}

export interface ScopeFilter {
  /** The evaluation with out-of-scope findings removed (status recomputed), and those findings. */
  apply(checkId: string, evaluation: Evaluation): { evaluation: Evaluation; outOfScope: OutOfScopeEntry[] };
  /** What the collectors left out before collecting. */
  excluded: OutOfScopeEntry[];
}

export function scopeFilter(
  scope: ScopeConfig | undefined,
  locators: readonly ResourceLocator[],
  data: Readonly<Record<string, DataEntry | undefined>>,
): ScopeFilter {
  if (!scope) return { apply: (_id, evaluation) => ({ evaluation, outOfScope: [] }), excluded: [] };
  const locate = locators.map((l) => l.locate(data));
  const ruleFor = (finding: Finding) =>
    locationRule(scope, Object.assign({}, ...locate.map((l) => l(finding))) as ResourceLocation);
  return {
    excluded: locators.flatMap((l) => l.excluded?.(data) ?? []),
    apply(checkId, evaluation) {
      const outOfScope: OutOfScopeEntry[] = [];
      const inScope = evaluation.findings.filter((finding) => {
        const rule = ruleFor(finding);
        if (rule) outOfScope.push({ check: checkId, resource: finding.resource, rule });
        return !rule;
      });
      if (outOfScope.length === 0) return { evaluation, outOfScope };
      return { evaluation: reevaluate(evaluation, inScope, outOfScope.length), outOfScope };
    },
  };
}

function reevaluate(evaluation: Evaluation, findings: Finding[], dropped: number): Evaluation {
  if (findings.length === 0)
    return {
      status: 'skipped',
      reason: `nothing in scope: all ${dropped} resource(s) it found are out of scope`,
      findings,
    };
  const notChecked = findings.filter((f) => f.status === 'error');
  if (notChecked.length > 0)
    return { ...evaluation, status: 'error', reason: notCheckedReason(notChecked), findings };
  const { reason: _reason, ...rest } = evaluation;
  return { ...rest, status: findings.some((f) => f.status === 'fail') ? 'fail' : 'pass', findings };
}

/** Criteria of categories not in scope (security is always in scope). */
export function outOfScopeCriteria(
  scope: ScopeConfig | undefined,
  criteria: readonly Criterion[],
): Criterion[] {
  if (!scope?.categories) return [];
  const inScope = new Set(['security', ...scope.categories]);
  return criteria.filter((c) => !inScope.has(c.category));
}

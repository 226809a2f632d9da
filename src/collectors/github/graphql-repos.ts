import type { FailureCause } from '../../engine/types.js';
import { REPOS_PER_PAGE } from './budget-read.js';
import type { GithubSession } from './client.js';
import type { BranchRule, ClassicProtection, GithubRepo } from './data.js';
import { githubCause, RepoUnreadable } from './failure.js';
import type { GithubContext } from './per-repo.js';

/**
 * Per-repository settings read with paged GraphQL queries over organization.repositories, instead of
 * several REST requests per repository (GitHub GraphQL reference: Organization.repositories,
 * Repository, Ref.branchProtectionRule, Ref.rules, https://docs.github.com/en/graphql/reference).
 * Each collector asks for the part it needs; a repository the pages cannot answer for (a field error,
 * more than one page of collaborators or rules, details only REST shows) is read over REST, as is a
 * part whose fields the server's schema lacks (GitHub Enterprise Server: error code undefinedField).
 */
export type RepoPart =
  'protection' | 'rules' | 'collaborators' | 'deployKeys' | 'vulnerabilityAlerts' | 'codeowners';

const ALL_PARTS: RepoPart[] = [
  'protection',
  'rules',
  'collaborators',
  'deployKeys',
  'vulnerabilityAlerts',
  'codeowners',
];

export interface GqlProtection {
  isAdminEnforced: boolean;
  allowsForcePushes: boolean;
  allowsDeletions: boolean;
  requiresApprovingReviews: boolean;
  requiredApprovingReviewCount: number | null;
  dismissesStaleReviews: boolean;
  requiresCodeOwnerReviews: boolean;
  requireLastPushApproval: boolean;
  requiresStatusChecks: boolean;
  requiresStrictStatusChecks: boolean;
  requiredStatusCheckContexts: (string | null)[] | null;
  requiredStatusChecks: { context: string }[] | null;
  requiresLinearHistory: boolean;
  requiresCommitSignatures: boolean;
}

interface GqlRule {
  type: string;
  parameters: Record<string, unknown> | null;
  repositoryRuleset: {
    databaseId: number | null;
    name: string;
    enforcement: string;
    source: { __typename: string; nameWithOwner?: string; login?: string; slug?: string };
  } | null;
}

interface Connection<T> {
  pageInfo?: { hasNextPage: boolean };
  totalCount?: number;
  nodes?: T[];
  edges?: T[];
}

export interface RepoNode {
  nameWithOwner: string;
  viewerCanAdminister: boolean;
  hasVulnerabilityAlertsEnabled?: boolean;
  defaultBranchRef?: {
    name: string;
    branchProtectionRule?: GqlProtection | null;
    rules?: Connection<GqlRule> | null;
  } | null;
  collaborators?: Connection<{ permission: string; node: { login: string; databaseId: number } }> | null;
  deployKeys?: Connection<never> | null;
  codeownersGithub?: { __typename: string } | null;
  codeownersRoot?: { __typename: string } | null;
  codeownersDocs?: { __typename: string } | null;
}

const PROTECTION = `branchProtectionRule {
  isAdminEnforced allowsForcePushes allowsDeletions requiresApprovingReviews requiredApprovingReviewCount
  dismissesStaleReviews requiresCodeOwnerReviews requireLastPushApproval requiresStatusChecks
  requiresStrictStatusChecks requiredStatusCheckContexts requiredStatusChecks { context }
  requiresLinearHistory requiresCommitSignatures }`;

const RULES = `rules(first: 50) { pageInfo { hasNextPage } nodes {
  type
  parameters { __typename
    ... on PullRequestParameters { requiredApprovingReviewCount dismissStaleReviewsOnPush requireCodeOwnerReview requireLastPushApproval requiredReviewThreadResolution }
    ... on RequiredStatusChecksParameters { strictRequiredStatusChecksPolicy requiredStatusChecks { context integrationId } } }
  repositoryRuleset { databaseId name enforcement
    source { __typename ... on Repository { nameWithOwner } ... on Organization { login } } } } }`;

/** GitHub looks for CODEOWNERS in .github/, then the root, then docs/ (aliases in that order). */
const CODEOWNERS_ALIASES: [alias: 'codeownersGithub' | 'codeownersRoot' | 'codeownersDocs', path: string][] =
  [
    ['codeownersGithub', '.github/CODEOWNERS'],
    ['codeownersRoot', 'CODEOWNERS'],
    ['codeownersDocs', 'docs/CODEOWNERS'],
  ];

/** The query for one page of repositories with the parts the server's schema has. */
export function repoPageQuery(parts: ReadonlySet<RepoPart>): string {
  const branch = [parts.has('protection') && PROTECTION, parts.has('rules') && RULES].filter(Boolean);
  const fields = [
    'nameWithOwner viewerCanAdminister',
    parts.has('vulnerabilityAlerts') && 'hasVulnerabilityAlertsEnabled',
    branch.length > 0 && `defaultBranchRef { name ${branch.join(' ')} }`,
    parts.has('collaborators') &&
      'collaborators(first: 100, affiliation: OUTSIDE) { pageInfo { hasNextPage } edges { permission node { login databaseId } } }',
    parts.has('deployKeys') && 'deployKeys(first: 1) { totalCount }',
    ...(parts.has('codeowners')
      ? CODEOWNERS_ALIASES.map(
          ([alias, path]) => `${alias}: object(expression: "HEAD:${path}") { __typename }`,
        )
      : []),
  ].filter(Boolean);
  return `query RepoPage($org: String!, $first: Int!, $after: String) {
  rateLimit { cost remaining resetAt }
  organization(login: $org) {
    repositories(first: $first, after: $after, orderBy: { field: NAME, direction: ASC }) {
      pageInfo { hasNextPage endCursor }
      nodes { ${fields.join('\n')} }
    }
  }
}`;
}

/** Which part a field of the query belongs to, by the type and field (or alias) GitHub names. */
function partOf(typeName: string | undefined, fieldName: string | undefined): RepoPart | undefined {
  const byField: Record<string, RepoPart> = {
    hasVulnerabilityAlertsEnabled: 'vulnerabilityAlerts',
    branchProtectionRule: 'protection',
    rules: 'rules',
    collaborators: 'collaborators',
    deployKeys: 'deployKeys',
    object: 'codeowners',
    codeownersGithub: 'codeowners',
    codeownersRoot: 'codeowners',
    codeownersDocs: 'codeowners',
  };
  if (typeName === 'BranchProtectionRule' || typeName === 'RequiredStatusCheckDescription')
    return 'protection';
  if (typeName && /^(RepositoryRule|RuleSource|.*Parameters$|StatusCheckConfiguration)/.test(typeName))
    return 'rules';
  if (typeName === 'RepositoryCollaboratorEdge' || typeName === 'CollaboratorAffiliation')
    return 'collaborators';
  return fieldName ? byField[fieldName] : undefined;
}

interface GraphqlError {
  type?: string;
  message?: string;
  path?: (string | number)[];
  extensions?: { code?: string; typeName?: string; fieldName?: string; name?: string; argumentName?: string };
}

/** Validation errors of a schema without a field, type or argument (older GitHub Enterprise Server). */
const SCHEMA_GAPS = new Set(['undefinedField', 'undefinedType', 'argumentNotAccepted']);

interface RepoPages {
  /** The parts the server's schema has. */
  parts: Set<RepoPart>;
  nodes: Map<string, RepoNode>;
  /** Repositories whose answer carried an error for a part: read over REST. */
  fieldErrors: Map<string, Set<RepoPart>>;
  /** Why the pages stopped before the last one; repositories not reached are not checked. */
  failure?: FailureCause;
  queries: number;
  loaded: Promise<void>;
}

export interface RepoView {
  /** The repository's node, or undefined when its part must be read over REST. */
  node(repo: GithubRepo): RepoNode | undefined;
}

/**
 * The GraphQL view of every repository for one part, after all pages are read (once per scan, shared
 * by the collectors); undefined when the part comes from REST (providers.github.graphql: false, or
 * the schema lacks it). Call it before taking a concurrency slot: the pages are read one at a time.
 */
export async function graphqlRepos(ctx: GithubContext, part: RepoPart): Promise<RepoView | undefined> {
  const { session } = ctx;
  if (!session.graphql) return undefined;
  const pages = (session.repoPages ??= startPages(ctx)) as RepoPages;
  await pages.loaded;
  if (!pages.parts.has(part)) return undefined;
  return {
    node(repo) {
      const key = repo.full_name.toLowerCase();
      const node = pages.nodes.get(key);
      if (!node) {
        if (pages.failure) throw new RepoUnreadable(pages.failure);
        return undefined;
      }
      if (pages.fieldErrors.get(key)?.has(part)) return undefined;
      return node;
    },
  };
}

function startPages(ctx: GithubContext): RepoPages {
  const pages: RepoPages = {
    parts: new Set(ALL_PARTS),
    nodes: new Map(),
    fieldErrors: new Map(),
    queries: 0,
    loaded: Promise.resolve(),
  };
  pages.loaded = readPages(ctx, pages);
  return pages;
}

async function readPages(ctx: GithubContext, pages: RepoPages): Promise<void> {
  const { octokit, org } = ctx.session;
  let after: string | null = null;
  for (let page = 1; ;) {
    ctx.signal.throwIfAborted();
    let data: PageData | undefined;
    let errors: GraphqlError[] = [];
    try {
      pages.queries += 1;
      data = await octokit.graphql<PageData>(repoPageQuery(pages.parts), {
        org,
        first: REPOS_PER_PAGE,
        after,
      });
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      const answer = error as { name?: string; errors?: GraphqlError[]; data?: PageData };
      if (answer.name !== 'GraphqlResponseError') {
        pages.failure = githubCause(error, 'POST /graphql (repository pages)');
        return;
      }
      errors = answer.errors ?? [];
      data = answer.data ?? undefined;
    }
    const gaps = errors.filter((e) => SCHEMA_GAPS.has(e.extensions?.code ?? ''));
    if (gaps.length > 0) {
      const missing = gaps.map((e) =>
        partOf(e.extensions?.typeName, e.extensions?.fieldName ?? e.extensions?.name),
      );
      // A gap outside the parts (the repository listing itself): no GraphQL at all, REST for everything.
      if (missing.some((p) => p === undefined)) pages.parts.clear();
      for (const p of missing) if (p) pages.parts.delete(p);
      if (pages.parts.size === 0) return;
      continue;
    }
    const connection: RepoConnection | null | undefined = data?.organization?.repositories;
    if (!connection) {
      const first = errors[0];
      pages.failure = {
        kind:
          first?.type === 'FORBIDDEN' ? 'permission' : first?.type === 'RATE_LIMITED' ? 'throttled' : 'other',
        message: `POST /graphql (repository pages): ${first?.message ?? 'no organization.repositories in the answer'}`,
      };
      return;
    }
    for (const error of errors) markFieldError(pages, connection.nodes, error);
    for (const node of connection.nodes) {
      if (node) pages.nodes.set(node.nameWithOwner.toLowerCase(), node);
    }
    ctx.progress(`repository settings (GraphQL): page ${page}`, { done: pages.nodes.size });
    if (!connection.pageInfo.hasNextPage) return;
    after = connection.pageInfo.endCursor;
    page += 1;
  }
}

interface RepoConnection {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: (RepoNode | null)[];
}

interface PageData {
  organization: { repositories: RepoConnection | null } | null;
}

/** An error at organization.repositories.nodes[i].<field>: that repository's part is read over REST. */
function markFieldError(pages: RepoPages, nodes: (RepoNode | null)[], error: GraphqlError): void {
  const path = error.path ?? [];
  const at = path.indexOf('nodes');
  const node = typeof path[at + 1] === 'number' ? nodes[path[at + 1] as number] : undefined;
  if (!node) return;
  const field = String(path[at + 2] ?? '');
  const part =
    field === 'defaultBranchRef' ? partOf(undefined, String(path[at + 3] ?? '')) : partOf(undefined, field);
  const key = node.nameWithOwner.toLowerCase();
  const parts = pages.fieldErrors.get(key) ?? new Set<RepoPart>();
  for (const p of part ? [part] : ALL_PARTS) parts.add(p);
  pages.fieldErrors.set(key, parts);
}

/** GraphQL queries sent for the repository pages (for stats). */
export function graphqlQueries(session: GithubSession): number {
  return (session.repoPages as RepoPages | undefined)?.queries ?? 0;
}

/** The REST shape of classic protection (GET .../branches/{branch}/protection) from the GraphQL rule. */
export function classicProtection(p: GqlProtection): ClassicProtection {
  const on = (enabled: boolean) => ({ enabled });
  return {
    required_status_checks: p.requiresStatusChecks
      ? {
          strict: p.requiresStrictStatusChecks,
          contexts: (p.requiredStatusCheckContexts ?? []).filter((c): c is string => c !== null),
          checks: (p.requiredStatusChecks ?? []).map((c) => ({ context: c.context })),
        }
      : null,
    enforce_admins: on(p.isAdminEnforced),
    required_pull_request_reviews: p.requiresApprovingReviews
      ? {
          dismiss_stale_reviews: p.dismissesStaleReviews,
          require_code_owner_reviews: p.requiresCodeOwnerReviews,
          required_approving_review_count: p.requiredApprovingReviewCount ?? 0,
          require_last_push_approval: p.requireLastPushApproval,
        }
      : null,
    allow_force_pushes: on(p.allowsForcePushes),
    allow_deletions: on(p.allowsDeletions),
    required_linear_history: on(p.requiresLinearHistory),
    required_signatures: on(p.requiresCommitSignatures),
  };
}

/**
 * The REST shape of GET /repos/{o}/{r}/rules/branches/{branch} ("active rules") from Ref.rules:
 * rules of active rulesets, type and parameter names in snake case as REST spells them.
 */
export function branchRules(rules: GqlRule[]): BranchRule[] {
  return rules
    .filter((r) => r.repositoryRuleset?.enforcement === 'ACTIVE')
    .map((r) => {
      const set = r.repositoryRuleset!;
      const { __typename: _, ...parameters } = r.parameters ?? {};
      const rule: BranchRule = { type: r.type.toLowerCase() };
      if (Object.keys(parameters).length > 0)
        rule.parameters = snakeCase(parameters) as Record<string, unknown>;
      rule.ruleset_source_type = set.source.__typename as BranchRule['ruleset_source_type'];
      rule.ruleset_source = set.source.nameWithOwner ?? set.source.login ?? set.source.slug ?? '';
      if (set.databaseId !== null) rule.ruleset_id = set.databaseId;
      return rule;
    });
}

/** GraphQL's camelCase names as REST spells them; REST leaves out what GraphQL answers as null. */
function snakeCase(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeCase);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), snakeCase(v)]),
  );
}

/** REST's permissions object for a repository role (admin ⊃ maintain ⊃ write ⊃ triage ⊃ read). */
export function rolePermissions(
  role: string,
): Record<'admin' | 'maintain' | 'push' | 'triage' | 'pull', boolean> {
  const rank = ['read', 'triage', 'write', 'maintain', 'admin'].indexOf(role);
  return { admin: rank >= 4, maintain: rank >= 3, push: rank >= 2, triage: rank >= 1, pull: true };
}

/** The CODEOWNERS path GitHub would use, from the three aliased objects (a Blob is a file). */
export function codeownersPath(node: RepoNode): string | null {
  for (const [alias, path] of CODEOWNERS_ALIASES) if (node[alias]?.__typename === 'Blob') return path;
  return null;
}

import { defineCollector } from '../../engine/collector.js';
import type { GithubSession } from './client.js';
import type {
  BranchProtectionEntry,
  BranchRule,
  ClassicProtection,
  GithubRepo,
  RulesetSummary,
} from './data.js';
import { apiMessage, statusOf, unreadable } from './failure.js';
import { branchRules, classicProtection, graphqlRepos, type RepoNode } from './graphql-repos.js';
import { ADMIN_READ, forEachActiveRepo, type GithubContext } from './per-repo.js';

const CONTENTS_READ = 'read access (fine-grained: repository permission "Contents: read")';
const METADATA_READ = 'read access (fine-grained: repository permission "Metadata: read")';

const PROTECTION = 'GET /repos/{owner}/{repo}/branches/{branch}/protection';
const BRANCH = 'GET /repos/{owner}/{repo}/branches/{branch}';
const RULES = 'GET /repos/{owner}/{repo}/rules/branches/{branch}';

export const branchProtectionCollector = defineCollector<'github.branchProtection', GithubSession>({
  key: 'github.branchProtection',
  collect: async (ctx) => {
    const protectionView = await graphqlRepos(ctx, 'protection');
    const rulesView = await graphqlRepos(ctx, 'rules');
    return forEachActiveRepo(ctx, 'branch protection', async (repo, owner, name) => {
      const classic =
        (await graphqlClassic(ctx, repo, protectionView?.node(repo))) ??
        (await readClassicProtection(ctx, repo, owner, name));
      const entry: BranchProtectionEntry = {
        repo: repo.full_name,
        branch: repo.default_branch,
        rules: [],
        rulesets: [],
        ...classic,
      };
      if (entry.branchMissing) return entry;
      const listed = rulesView?.node(repo)?.defaultBranchRef?.rules;
      entry.rules =
        listed?.nodes && !listed.pageInfo?.hasNextPage
          ? branchRules(listed.nodes)
          : await readRules(ctx, repo, owner, name);
      const firstRuleOf = new Map<number, BranchRule>();
      for (const rule of entry.rules) {
        if (rule.ruleset_id !== undefined && !firstRuleOf.has(rule.ruleset_id))
          firstRuleOf.set(rule.ruleset_id, rule);
      }
      entry.rulesets = await Promise.all(
        [...firstRuleOf.values()].map((rule) => readRuleset(ctx, rule, owner, name)),
      );
      return entry;
    });
  },
});

/**
 * Classic protection from the repository's GraphQL node, or undefined where only REST can tell: an
 * unprotected branch seen by a non-admin (GitHub hides protection from them), or a private repository
 * on GitHub Free (REST says why there is none).
 */
async function graphqlClassic(
  ctx: GithubContext,
  repo: GithubRepo,
  node: RepoNode | undefined,
): Promise<Classic | undefined> {
  if (!node || node.defaultBranchRef === undefined) return undefined;
  if (node.defaultBranchRef === null) return { protection: null, branchMissing: true };
  const rule = node.defaultBranchRef.branchProtectionRule;
  if (rule) return { protection: classicProtection(rule) };
  if (rule === undefined || !node.viewerCanAdminister || (await onFreePlanPrivately(ctx, repo)))
    return undefined;
  return { protection: null };
}

type Classic = Pick<BranchProtectionEntry, 'protection' | 'protectionUnavailable' | 'branchMissing'>;

/**
 * Classic protection of the default branch. GitHub answers its endpoint 404 for a branch that is not
 * protected, for one that does not exist (an empty repository) and to hide the protection from a
 * caller without admin access; the branch itself (`protected`, or 404) and the repository's
 * `permissions` tell these apart.
 */
async function readClassicProtection(
  ctx: GithubContext,
  repo: GithubRepo,
  owner: string,
  name: string,
): Promise<Classic> {
  const { octokit } = ctx.session;
  const branch = repo.default_branch;
  try {
    const { data } = await octokit.request(PROTECTION, { owner, repo: name, branch });
    return { protection: trimProtection(data as ClassicProtection) };
  } catch (error) {
    const status = statusOf(error);
    if (status === 403 && (await onFreePlanPrivately(ctx, repo))) {
      return { protection: null, protectionUnavailable: apiMessage(error) };
    }
    if (status !== 404) throw unreadable(error, PROTECTION, ADMIN_READ);
    let branchProtected: boolean;
    try {
      branchProtected = (await octokit.request(BRANCH, { owner, repo: name, branch })).data.protected;
    } catch (branchError) {
      if (statusOf(branchError) === 404) return { protection: null, branchMissing: true };
      throw unreadable(branchError, BRANCH, CONTENTS_READ);
    }
    // Protected, yet no classic protection for an admin: rulesets protect it (read below).
    if (!branchProtected || repo.permissions?.admin === true) return { protection: null };
    throw unreadable(error, PROTECTION, ADMIN_READ);
  }
}

async function readRules(
  ctx: GithubContext,
  repo: GithubRepo,
  owner: string,
  name: string,
): Promise<BranchRule[]> {
  try {
    const rules = await ctx.session.octokit.paginate(RULES, {
      owner,
      repo: name,
      branch: repo.default_branch,
      per_page: 100,
    });
    return (rules as BranchRule[]).map((r) => ({
      type: r.type,
      ...(r.parameters ? { parameters: r.parameters } : {}),
      ruleset_source_type: r.ruleset_source_type,
      ruleset_source: r.ruleset_source,
      ruleset_id: r.ruleset_id,
    }));
  } catch (error) {
    if (statusOf(error) === 403 && (await onFreePlanPrivately(ctx, repo))) return [];
    throw unreadable(error, RULES, METADATA_READ);
  }
}

/**
 * A private or internal repository of an organization on GitHub Free, where GitHub offers neither
 * branch protection nor rulesets (it answers 403). The plan is shown to owners only; when it cannot be
 * read, a 403 stays a permission failure.
 */
async function onFreePlanPrivately(ctx: GithubContext, repo: GithubRepo): Promise<boolean> {
  if (repo.visibility === 'public') return false;
  try {
    return (await ctx.need('github.org')).plan?.name === 'free';
  } catch {
    return false;
  }
}

/**
 * A ruleset that contributes rules, fetched once per scan for organization rulesets. 403/404: the
 * token may not read it, so its bypass list is not known (the check says so).
 */
function readRuleset(ctx: GithubContext, rule: BranchRule, owner: string, name: string) {
  const { octokit, org, orgRulesets } = ctx.session;
  const id = rule.ruleset_id!;
  const byOrg = rule.ruleset_source_type === 'Organization';
  const route = byOrg
    ? 'GET /orgs/{org}/rulesets/{ruleset_id}'
    : 'GET /repos/{owner}/{repo}/rulesets/{ruleset_id}';
  const load = async (): Promise<RulesetSummary> => {
    try {
      const { data } = byOrg
        ? await octokit.request('GET /orgs/{org}/rulesets/{ruleset_id}', { org, ruleset_id: id })
        : await octokit.request('GET /repos/{owner}/{repo}/rulesets/{ruleset_id}', {
            owner,
            repo: name,
            ruleset_id: id,
          });
      const summary: RulesetSummary = {
        id: data.id,
        name: data.name,
        source_type: data.source_type,
        source: data.source,
        enforcement: data.enforcement,
      };
      if (data.bypass_actors) {
        summary.bypass_actors = data.bypass_actors.map((a) => ({
          actor_id: a.actor_id ?? null,
          actor_type: a.actor_type,
          bypass_mode: a.bypass_mode ?? 'always',
        }));
      }
      return summary;
    } catch (error) {
      const status = statusOf(error);
      if (status === 403 || status === 404)
        return { id, name: `ruleset ${id}`, source: rule.ruleset_source, enforcement: 'active' };
      throw unreadable(error, route, ADMIN_READ);
    }
  };
  if (!byOrg) return load();
  let pending = orgRulesets.get(id) as Promise<RulesetSummary> | undefined;
  if (!pending) {
    pending = load();
    orgRulesets.set(id, pending);
  }
  return pending;
}

function trimProtection(p: ClassicProtection): ClassicProtection {
  const enabled = (v: { enabled: boolean } | null | undefined) =>
    v ? { enabled: Boolean(v.enabled) } : null;
  const reviews = p.required_pull_request_reviews;
  const checks = p.required_status_checks;
  return {
    required_status_checks: checks
      ? {
          strict: checks.strict,
          contexts: checks.contexts ?? [],
          ...(checks.checks ? { checks: checks.checks.map((c) => ({ context: c.context })) } : {}),
        }
      : null,
    enforce_admins: enabled(p.enforce_admins),
    required_pull_request_reviews: reviews
      ? {
          dismiss_stale_reviews: Boolean(reviews.dismiss_stale_reviews),
          require_code_owner_reviews: Boolean(reviews.require_code_owner_reviews),
          required_approving_review_count: reviews.required_approving_review_count ?? 0,
          require_last_push_approval: Boolean(reviews.require_last_push_approval),
        }
      : null,
    allow_force_pushes: enabled(p.allow_force_pushes),
    allow_deletions: enabled(p.allow_deletions),
    required_linear_history: enabled(p.required_linear_history),
    required_signatures: enabled(p.required_signatures),
  };
}

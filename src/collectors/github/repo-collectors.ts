import { defineCollector, type CollectContext } from '../../engine/collector.js';
import { SkipError } from '../../engine/errors.js';
import { apiMessage, describeFailure, githubCause, statusOf, type GithubSession } from './client.js';
import type {
  PerRepo,
  WebhookEntry,
  BranchProtectionEntry,
  BranchRule,
  ClassicProtection,
  GithubRepo,
  RulesetSummary,
} from './data.js';
import { inShard } from '../../core/shard.js';

type Ctx = CollectContext<GithubSession>;

/** Non-archived, non-disabled repositories: the ones whose settings still matter. */
async function activeRepos(ctx: Ctx): Promise<GithubRepo[]> {
  return (await ctx.need('github.repos')).filter((r) => !r.archived && !r.disabled);
}

/**
 * Runs `fetch` for every active repository under the provider's concurrency limit. A repository that
 * cannot be read gets an entry saying why (never losing the others); only when no repository could be
 * read and GitHub denied every one (403) is the key skipped, naming the permission that grants it.
 */
export async function forEachActiveRepo<T extends { repo: string }>(
  ctx: Ctx,
  label: string,
  needs: string,
  fetch: (repo: GithubRepo, owner: string, name: string) => Promise<T>,
  /** Hand each entry over as it finishes (itemReady): only where the key's value is this very list. */
  streamed = true,
): Promise<PerRepo<T>[]> {
  const repos = await activeRepos(ctx);
  let done = 0;
  const entries = await Promise.all(
    repos.map((repo, index) =>
      ctx.limit(async () => {
        ctx.signal.throwIfAborted();
        const [owner, name] = repo.full_name.split('/') as [string, string];
        let entry: PerRepo<T>;
        try {
          entry = await fetch(repo, owner, name);
        } catch (error) {
          if (ctx.signal.aborted) throw error;
          entry = { repo: repo.full_name, notRead: githubCause(error) };
        }
        if (streamed) ctx.itemReady(index, entry);
        done += 1;
        if (done % 10 === 0 || done === repos.length)
          ctx.progress(`${label}: ${done}/${repos.length} repositories`);
        return entry;
      }),
    ),
  );
  skipWhenAllDenied(entries, label, needs);
  return entries;
}

/** Every repository answered 403 (and none was read): a missing permission, said once for the key. */
export function skipWhenAllDenied(
  entries: readonly PerRepo<{ repo: string }>[],
  label: string,
  needs: string,
): void {
  const causes = entries.map((e) => ('notRead' in e ? e.notRead : undefined));
  if (causes.length === 0 || causes.some((c) => c?.kind !== 'permission' || c.status !== 403)) return;
  const example = entries[0]!;
  throw new SkipError(
    `GitHub denied ${label} on all ${entries.length} repositories (403; e.g. ${example.repo}: ${causes[0]!.message}): needs ${needs}`,
  );
}

const isDenied = (error: unknown) => statusOf(error) === 403 || statusOf(error) === 404;

const ADMIN_READ =
  'admin access to every repository (classic: repo scope as an admin; fine-grained: repository permission "Administration: read")';

export const reposCollector = defineCollector<'github.repos', GithubSession>({
  key: 'github.repos',
  async collect({ session, progress, config }) {
    const { octokit, org } = session;
    progress('repositories');
    try {
      const repos = await octokit.paginate('GET /orgs/{org}/repos', { org, type: 'all', per_page: 100 });
      return repos
        .filter((r) => inShard(config.shard, r.full_name))
        .map((r) => {
          const repo: GithubRepo = {
            name: r.name,
            full_name: r.full_name,
            private: r.private,
            visibility: (r.visibility ?? (r.private ? 'private' : 'public')) as GithubRepo['visibility'],
            archived: Boolean(r.archived),
            disabled: Boolean(r.disabled),
            fork: r.fork,
            default_branch: r.default_branch ?? 'main',
            html_url: r.html_url,
            pushed_at: r.pushed_at ?? null,
            created_at: r.created_at ?? null,
          };
          if (r.security_and_analysis)
            repo.security_and_analysis = r.security_and_analysis as GithubRepo['security_and_analysis'];
          return repo;
        });
    } catch (error) {
      throw describeFailure(`GET /orgs/${org}/repos`, error);
    }
  },
});

/** No request of its own: the security_and_analysis block of github.repos, or a skip when it is hidden. */
export const securityAnalysisCollector = defineCollector<'github.securityAnalysis', GithubSession>({
  key: 'github.securityAnalysis',
  async collect(ctx) {
    const repos = await activeRepos(ctx);
    if (repos.length > 0 && repos.every((r) => !r.security_and_analysis)) {
      throw new SkipError(
        `GET /orgs/${ctx.session.org}/repos shows security_and_analysis only to repository admins, organization owners and security managers: ` +
          'scan as an owner or security manager (fine-grained: repository permission "Administration: read")',
      );
    }
    return repos.map((r) => ({
      repo: r.full_name,
      visibility: r.visibility,
      security_and_analysis: r.security_and_analysis ?? null,
    }));
  },
});

const PLAN_LIMIT = /upgrade to github|make this repository public|not available for this repository/i;

async function fetchRuleset(
  ctx: Ctx,
  rule: BranchRule,
  owner: string,
  name: string,
): Promise<RulesetSummary> {
  const { octokit, org, orgRulesets } = ctx.session;
  const id = rule.ruleset_id!;
  const load = async (): Promise<RulesetSummary> => {
    try {
      const { data } =
        rule.ruleset_source_type === 'Organization'
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
      if (isDenied(error))
        return { id, name: `ruleset ${id}`, source: rule.ruleset_source, enforcement: 'active' };
      throw describeFailure(`GET ruleset ${id} (${rule.ruleset_source ?? `${owner}/${name}`})`, error);
    }
  };
  if (rule.ruleset_source_type !== 'Organization') return load();
  let pending = orgRulesets.get(id) as Promise<RulesetSummary> | undefined;
  if (!pending) {
    pending = load();
    orgRulesets.set(id, pending);
  }
  return pending;
}

export const branchProtectionCollector = defineCollector<'github.branchProtection', GithubSession>({
  key: 'github.branchProtection',
  async collect(ctx) {
    const { octokit } = ctx.session;
    return forEachActiveRepo(ctx, 'branch protection', ADMIN_READ, async (repo, owner, name) => {
      const branch = repo.default_branch;
      const entry: BranchProtectionEntry = {
        repo: repo.full_name,
        branch,
        protection: null,
        rules: [],
        rulesets: [],
      };
      try {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/branches/{branch}/protection', {
          owner,
          repo: name,
          branch,
        });
        entry.protection = trimProtection(data as ClassicProtection);
      } catch (error) {
        const status = statusOf(error);
        const message = apiMessage(error);
        if (status === 404 && /branch not protected/i.test(message)) entry.protection = null;
        else if (status === 404 && /branch not found|repository is empty/i.test(message))
          entry.branchMissing = true;
        else if (status === 403 && PLAN_LIMIT.test(message)) entry.protectionUnavailable = message;
        else throw describeFailure(`GET /repos/${repo.full_name}/branches/${branch}/protection`, error);
      }
      if (entry.branchMissing) return entry;
      try {
        const rules = await octokit.paginate('GET /repos/{owner}/{repo}/rules/branches/{branch}', {
          owner,
          repo: name,
          branch,
          per_page: 100,
        });
        entry.rules = (rules as BranchRule[]).map((r) => ({
          type: r.type,
          ...(r.parameters ? { parameters: r.parameters } : {}),
          ruleset_source_type: r.ruleset_source_type,
          ruleset_source: r.ruleset_source,
          ruleset_id: r.ruleset_id,
        }));
      } catch (error) {
        const status = statusOf(error);
        if (status === 404 && /branch not found|repository is empty/i.test(apiMessage(error))) return entry;
        if (status === 403 && PLAN_LIMIT.test(apiMessage(error))) return entry;
        throw describeFailure(`GET /repos/${repo.full_name}/rules/branches/${branch}`, error);
      }
      const firstRuleOf = new Map<number, BranchRule>();
      for (const rule of entry.rules) {
        if (rule.ruleset_id !== undefined && !firstRuleOf.has(rule.ruleset_id))
          firstRuleOf.set(rule.ruleset_id, rule);
      }
      entry.rulesets = await Promise.all(
        [...firstRuleOf.values()].map((rule) => fetchRuleset(ctx, rule, owner, name)),
      );
      return entry;
    });
  },
});

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

export const collaboratorsCollector = defineCollector<'github.collaborators', GithubSession>({
  key: 'github.collaborators',
  async collect(ctx) {
    const { octokit } = ctx.session;
    const needs =
      'write access to every repository (classic: repo; fine-grained: repository permission "Metadata: read")';
    return forEachActiveRepo(ctx, 'collaborators', needs, async (repo, owner, name) => {
      try {
        const list = await octokit.paginate('GET /repos/{owner}/{repo}/collaborators', {
          owner,
          repo: name,
          affiliation: 'all',
          per_page: 100,
        });
        return {
          repo: repo.full_name,
          collaborators: list.map((c) => ({
            login: c.login,
            id: c.id,
            ...(c.role_name ? { role_name: c.role_name } : {}),
            ...(c.permissions ? { permissions: c.permissions } : {}),
          })),
        };
      } catch (error) {
        throw describeFailure(`GET /repos/${repo.full_name}/collaborators`, error);
      }
    });
  },
});

export const deployKeysCollector = defineCollector<'github.deployKeys', GithubSession>({
  key: 'github.deployKeys',
  async collect(ctx) {
    const { octokit } = ctx.session;
    return forEachActiveRepo(ctx, 'deploy keys', ADMIN_READ, async (repo, owner, name) => {
      try {
        const keys = await octokit.paginate('GET /repos/{owner}/{repo}/keys', {
          owner,
          repo: name,
          per_page: 100,
        });
        return {
          repo: repo.full_name,
          keys: keys.map((k) => ({
            id: k.id,
            title: k.title,
            read_only: k.read_only,
            created_at: k.created_at,
            ...(k.last_used !== undefined ? { last_used: k.last_used } : {}),
          })),
        };
      } catch (error) {
        throw describeFailure(`GET /repos/${repo.full_name}/keys`, error);
      }
    });
  },
});

export const webhooksCollector = defineCollector<'github.webhooks', GithubSession>({
  key: 'github.webhooks',
  async collect(ctx) {
    const { octokit } = ctx.session;
    const needs =
      'admin access (classic: admin:repo_hook or read:repo_hook; fine-grained: repository permission "Webhooks: read")';
    return forEachActiveRepo(ctx, 'webhooks', needs, async (repo, owner, name) => {
      try {
        const hooks = await octokit.paginate('GET /repos/{owner}/{repo}/hooks', {
          owner,
          repo: name,
          per_page: 100,
        });
        return {
          repo: repo.full_name,
          hooks: hooks.map(trimHook),
        };
      } catch (error) {
        throw describeFailure(`GET /repos/${repo.full_name}/hooks`, error);
      }
    });
  },
});

type ApiHook = {
  id: number;
  name: string;
  active: boolean;
  events: string[];
  config: { url?: string; content_type?: string; insecure_ssl?: string | number; secret?: string };
};

/** The evaluated fields of a repository or organization webhook, never the secret itself. */
export function trimHook(h: ApiHook): WebhookEntry['hooks'][number] {
  return {
    id: h.id,
    name: h.name,
    active: h.active,
    events: h.events,
    config: {
      ...(h.config.url !== undefined ? { url: webhookOrigin(h.config.url) } : {}),
      ...(h.config.content_type !== undefined ? { content_type: h.config.content_type } : {}),
      ...(h.config.insecure_ssl !== undefined ? { insecure_ssl: h.config.insecure_ssl } : {}),
      // GitHub masks a set secret as "********"; keep only that it is set, never a value.
      ...(h.config.secret ? { secret: '********' } : {}),
    },
  };
}

/**
 * Scheme and host of a webhook URL. Paths and queries often carry credentials (chat webhooks,
 * tokens), and the checks need only the scheme and the host.
 */
export function webhookOrigin(url: string): string {
  try {
    const parsed = new URL(url);
    const rest = parsed.pathname !== '/' || parsed.search ? '/…' : '';
    return `${parsed.protocol}//${parsed.host}${rest}`;
  } catch {
    return 'invalid URL';
  }
}

/** GitHub looks for CODEOWNERS in .github/, then the root, then docs/, and uses the first it finds. */
export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

export const codeownersCollector = defineCollector<'github.codeowners', GithubSession>({
  key: 'github.codeowners',
  async collect(ctx) {
    const { octokit } = ctx.session;
    return forEachActiveRepo(
      ctx,
      'CODEOWNERS',
      'read access (fine-grained: "Contents: read")',
      async (repo, owner, name) => {
        for (const path of CODEOWNERS_PATHS) {
          try {
            const { data } = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
              owner,
              repo: name,
              path,
            });
            if (!Array.isArray(data) && data.type === 'file') return { repo: repo.full_name, path };
          } catch (error) {
            const status = statusOf(error);
            if (status === 404) {
              if (/repository is empty/i.test(apiMessage(error))) break;
              continue;
            }
            throw describeFailure(`GET /repos/${repo.full_name}/contents/${path}`, error);
          }
        }
        return { repo: repo.full_name, path: null };
      },
    );
  },
});

export const vulnerabilityAlertsCollector = defineCollector<'github.vulnerabilityAlerts', GithubSession>({
  key: 'github.vulnerabilityAlerts',
  async collect(ctx) {
    const { octokit } = ctx.session;
    return forEachActiveRepo(ctx, 'the Dependabot alerts setting', ADMIN_READ, async (repo, owner, name) => {
      try {
        await octokit.request('GET /repos/{owner}/{repo}/vulnerability-alerts', { owner, repo: name });
        return { repo: repo.full_name, enabled: true };
      } catch (error) {
        // 404 is GitHub's documented answer for "not enabled".
        if (statusOf(error) === 404) return { repo: repo.full_name, enabled: false };
        throw describeFailure(`GET /repos/${repo.full_name}/vulnerability-alerts`, error);
      }
    });
  },
});

const NOT_AVAILABLE =
  /advanced security|code security|not available|not enabled for this repository|must be enabled/i;

export const codeScanningSetupCollector = defineCollector<'github.codeScanningSetup', GithubSession>({
  key: 'github.codeScanningSetup',
  async collect(ctx) {
    const { octokit } = ctx.session;
    const needs =
      'classic: security_events (repo for private repositories); fine-grained: repository permission "Code scanning alerts: read"';
    return forEachActiveRepo(ctx, 'code scanning', needs, async (repo, owner, name) => {
      const full = repo.full_name;
      let defaultSetup: 'configured' | 'not-configured' | null = null;
      try {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/code-scanning/default-setup', {
          owner,
          repo: name,
        });
        defaultSetup = (data.state ?? null) as typeof defaultSetup;
      } catch (error) {
        const status = statusOf(error);
        if (status === 403 && NOT_AVAILABLE.test(apiMessage(error))) {
          return { repo: full, available: false, reason: apiMessage(error) };
        }
        if (status !== 404) throw describeFailure(`GET /repos/${full}/code-scanning/default-setup`, error);
      }
      if (defaultSetup === 'configured')
        return { repo: full, available: true, defaultSetup, hasAnalyses: true };
      try {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/code-scanning/analyses', {
          owner,
          repo: name,
          per_page: 1,
        });
        return { repo: full, available: true, defaultSetup, hasAnalyses: data.length > 0 };
      } catch (error) {
        const status = statusOf(error);
        const message = apiMessage(error);
        if (status === 404 && /no analysis found/i.test(message)) {
          return { repo: full, available: true, defaultSetup, hasAnalyses: false };
        }
        if (status === 403 && NOT_AVAILABLE.test(message))
          return { repo: full, available: false, reason: message };
        throw describeFailure(`GET /repos/${full}/code-scanning/analyses`, error);
      }
    });
  },
});

import { defineCollector } from '../../engine/collector.js';
import { SkipError } from '../../engine/errors.js';
import { inShard } from '../../core/shard.js';
import type { GithubSession } from './client.js';
import type { CodeScanningSetupEntry, GithubRepo, WebhookEntry } from './data.js';
import { describeFailure, statusOf, unreadable } from './failure.js';
import { reportNeed } from './budget-read.js';
import { codeownersPath, graphqlRepos, rolePermissions } from './graphql-repos.js';
import { activeRepos, ADMIN_READ, forEachActiveRepo } from './per-repo.js';

export const reposCollector = defineCollector<'github.repos', GithubSession>({
  key: 'github.repos',
  async collect(ctx) {
    const { session, progress, config } = ctx;
    const { octokit, org } = session;
    progress('repositories');
    try {
      const repos = await octokit.paginate('GET /orgs/{org}/repos', { org, type: 'all', per_page: 100 });
      const listed = repos
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
          if (r.permissions) repo.permissions = r.permissions;
          return repo;
        });
      reportNeed(ctx, listed.filter((r) => !r.archived && !r.disabled).length, undefined);
      return listed;
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

export const collaboratorsCollector = defineCollector<'github.collaborators', GithubSession>({
  key: 'github.collaborators',
  collect: async (ctx) => {
    const view = await graphqlRepos(ctx, 'collaborators');
    return forEachActiveRepo(ctx, 'collaborators', async (repo, owner, name) => {
      const listed = view?.node(repo)?.collaborators;
      if (listed?.edges && !listed.pageInfo?.hasNextPage) {
        return {
          repo: repo.full_name,
          collaborators: listed.edges.map((e) => {
            const role = e.permission.toLowerCase();
            return {
              login: e.node.login,
              id: e.node.databaseId,
              role_name: role,
              permissions: rolePermissions(role),
            };
          }),
        };
      }
      const route = 'GET /repos/{owner}/{repo}/collaborators';
      try {
        const list = await ctx.session.octokit.paginate(route, {
          owner,
          repo: name,
          // Only outside collaborators are judged; `all` would also list every member with access
          // through teams, the base permission or ownership (GitHub REST, list repository collaborators).
          affiliation: 'outside',
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
        throw unreadable(
          error,
          route,
          'push access to every repository (classic: repo and read:org; fine-grained: repository permission "Metadata: read")',
        );
      }
    });
  },
});

export const deployKeysCollector = defineCollector<'github.deployKeys', GithubSession>({
  key: 'github.deployKeys',
  collect: async (ctx) => {
    const view = await graphqlRepos(ctx, 'deployKeys');
    return forEachActiveRepo(ctx, 'deploy keys', async (repo, owner, name) => {
      // GraphQL has no key ids and no last use: it only spares the request where there is no key.
      const node = view?.node(repo);
      if (node?.viewerCanAdminister && node.deployKeys?.totalCount === 0)
        return { repo: repo.full_name, keys: [] };
      const route = 'GET /repos/{owner}/{repo}/keys';
      try {
        const keys = await ctx.session.octokit.paginate(route, { owner, repo: name, per_page: 100 });
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
        throw unreadable(error, route, ADMIN_READ);
      }
    });
  },
});

export const webhooksCollector = defineCollector<'github.webhooks', GithubSession>({
  key: 'github.webhooks',
  collect: (ctx) =>
    forEachActiveRepo(ctx, 'webhooks', async (repo, owner, name) => {
      const route = 'GET /repos/{owner}/{repo}/hooks';
      try {
        const hooks = await ctx.session.octokit.paginate(route, { owner, repo: name, per_page: 100 });
        return { repo: repo.full_name, hooks: hooks.map(trimHook) };
      } catch (error) {
        throw unreadable(
          error,
          route,
          'admin access (classic: admin:repo_hook or read:repo_hook; fine-grained: repository permission "Webhooks: read")',
        );
      }
    }),
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
  collect: async (ctx) => {
    const view = await graphqlRepos(ctx, 'codeowners');
    return forEachActiveRepo(ctx, 'CODEOWNERS', async (repo, owner, name) => {
      const node = view?.node(repo);
      if (node) return { repo: repo.full_name, path: codeownersPath(node) };
      const route = 'GET /repos/{owner}/{repo}/contents/{path}';
      for (const path of CODEOWNERS_PATHS) {
        try {
          const { data } = await ctx.session.octokit.request(route, { owner, repo: name, path });
          if (!Array.isArray(data) && data.type === 'file') return { repo: repo.full_name, path };
        } catch (error) {
          // 404: not at this path (or the repository is empty); GitHub looks at the next one.
          if (statusOf(error) === 404) continue;
          throw unreadable(
            error,
            route,
            'read access (fine-grained: repository permission "Contents: read")',
          );
        }
      }
      return { repo: repo.full_name, path: null };
    });
  },
});

export const vulnerabilityAlertsCollector = defineCollector<'github.vulnerabilityAlerts', GithubSession>({
  key: 'github.vulnerabilityAlerts',
  collect: async (ctx) => {
    const view = await graphqlRepos(ctx, 'vulnerabilityAlerts');
    return forEachActiveRepo(ctx, 'Dependabot alerts setting', async (repo, owner, name) => {
      // Like the REST endpoint, the setting means something only to a repository admin.
      const node = view?.node(repo);
      if (node?.viewerCanAdminister && typeof node.hasVulnerabilityAlertsEnabled === 'boolean')
        return { repo: repo.full_name, enabled: node.hasVulnerabilityAlertsEnabled };
      const route = 'GET /repos/{owner}/{repo}/vulnerability-alerts';
      try {
        await ctx.session.octokit.request(route, { owner, repo: name });
        return { repo: repo.full_name, enabled: true };
      } catch (error) {
        // GitHub documents 404 as "not enabled", for callers with admin read access; to others it
        // may answer 404 as well, so then it says nothing.
        if (statusOf(error) === 404 && repo.permissions?.admin !== false)
          return { repo: repo.full_name, enabled: false };
        throw unreadable(error, route, ADMIN_READ);
      }
    });
  },
});

const CODE_SCANNING_READ =
  'classic: security_events (repo for private repositories); fine-grained: repository permission "Code scanning alerts: read"';

export const codeScanningSetupCollector = defineCollector<'github.codeScanningSetup', GithubSession>({
  key: 'github.codeScanningSetup',
  collect: (ctx) =>
    forEachActiveRepo(ctx, 'code scanning', async (repo, owner, name): Promise<CodeScanningSetupEntry> => {
      const { octokit } = ctx.session;
      const full = repo.full_name;
      if (codeScanningOffered(repo) === false) {
        return {
          repo: full,
          available: false,
          reason: 'GitHub Code Security is not enabled for this private repository (security_and_analysis)',
        };
      }
      const setupRoute = 'GET /repos/{owner}/{repo}/code-scanning/default-setup';
      let defaultSetup: 'configured' | 'not-configured' | null = null;
      try {
        const { data } = await octokit.request(setupRoute, { owner, repo: name });
        defaultSetup = (data.state ?? null) as typeof defaultSetup;
      } catch (error) {
        if (statusOf(error) !== 404) throw unreadable(error, setupRoute, CODE_SCANNING_READ);
      }
      if (defaultSetup === 'configured')
        return { repo: full, available: true, defaultSetup, hasAnalyses: true };
      const analysesRoute = 'GET /repos/{owner}/{repo}/code-scanning/analyses';
      try {
        const { data } = await octokit.request(analysesRoute, { owner, repo: name, per_page: 1 });
        return { repo: full, available: true, defaultSetup, hasAnalyses: data.length > 0 };
      } catch (error) {
        // 404 is GitHub's answer when no analysis was ever uploaded.
        if (statusOf(error) === 404) return { repo: full, available: true, defaultSetup, hasAnalyses: false };
        throw unreadable(error, analysesRoute, CODE_SCANNING_READ);
      }
    }),
});

/**
 * Whether GitHub runs code scanning on the repository, from its own data: always on public
 * repositories; on private and internal ones only with GitHub Code Security (or Advanced Security)
 * enabled, which security_and_analysis shows to admins. undefined when that is not visible: GitHub
 * answers 403 both without Code Security and without the permission, so a 403 then stays a denial.
 */
export function codeScanningOffered(repo: GithubRepo): boolean | undefined {
  if (repo.visibility === 'public') return true;
  const analysis = repo.security_and_analysis;
  const features = [analysis?.advanced_security, analysis?.code_security].filter((f) => f !== undefined);
  if (features.length === 0) return undefined;
  return features.some((f) => f.status === 'enabled');
}

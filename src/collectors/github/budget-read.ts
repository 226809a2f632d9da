import type { CollectContext } from '../../engine/collector.js';
import type { GithubSession } from './client.js';
import { formatDuration } from '../../core/duration.js';
import type { RateResource } from './budget.js';

type Context = CollectContext<GithubSession>;

interface RateLimitResource {
  limit: number;
  remaining: number;
  reset: number;
}

/**
 * Reads the budget once per scan, before anything else is sent: GET /rate_limit ("Accessing this
 * endpoint does not count against your REST API rate limit",
 * https://docs.github.com/en/rest/rate-limit/rate-limit). GitHub Enterprise Server answers 404 when
 * rate limiting is off; then there is no budget to respect. Also points the budget's countdown at the
 * provider's progress.
 */
export function readBudget(ctx: Context): Promise<void> {
  const { session } = ctx;
  session.budget.report = (message, notice) => ctx.progress(message, { notice });
  session.budgetRead ??= (async () => {
    let resources: Partial<Record<RateResource, RateLimitResource>>;
    try {
      const { data } = await session.octokit.request('GET /rate_limit');
      resources = data.resources as typeof resources;
    } catch {
      return;
    }
    const parts: string[] = [];
    for (const resource of ['core', 'graphql'] as const) {
      const r = resources[resource];
      if (!r) continue;
      session.budget.set(resource, r.remaining, r.reset * 1000, r.limit);
      const name = resource === 'core' ? 'REST' : 'GraphQL';
      parts.push(
        `${name} ${r.remaining}/${r.limit} left, resets in ${formatDuration(r.reset * 1000 - Date.now())}`,
      );
    }
    if (parts.length > 0) ctx.progress(`rate limit: ${parts.join('; ')}`, { notice: true });
  })();
  return session.budgetRead;
}

/** What the scan will ask of the budget, said once the repositories are known. */
export function reportNeed(ctx: Context, activeRepos: number, members: number | undefined): void {
  const { session } = ctx;
  const pages = (n: number) => Math.max(1, Math.ceil(n / 100));
  // Organization calls: the org, members (all, owners, 2FA), outside collaborators, org webhooks and
  // Actions, the repository listing and the three alert listings.
  const org = 1 + 3 * pages(members ?? 100) + 1 + 1 + 1 + pages(activeRepos) + 3;
  // Per repository over REST: hooks, Actions, code scanning (1-2); the rest comes from GraphQL
  // (plus deploy keys of repositories that have some). Without GraphQL: about 10.
  const rest = org + activeRepos * (session.graphql ? 3.5 : 10);
  const graphql = session.graphql ? Math.ceil(activeRepos / REPOS_PER_PAGE) : 0;
  const left = session.budget.windows.core.remaining;
  const tail =
    left === undefined
      ? ''
      : rest > left
        ? session.budget.stopsWhenSpent
          ? `; ${left} left, so what does not fit is reported as not checked (--no-wait)`
          : `; ${left} left, so the scan will wait for the reset`
        : `; ${left} left`;
  ctx.progress(
    `this scan needs about ${Math.round(rest)} REST requests${graphql ? ` and ${graphql} GraphQL ${graphql === 1 ? 'query' : 'queries'}` : ''} for ${activeRepos} active repositories${tail}`,
    { notice: true },
  );
}

/**
 * Repositories per GraphQL page. Each carries three nested connections (collaborators up to 100,
 * rules up to 50, deploy keys 1), so a page is 1 + 33 x 3 = 100 connection requests: 1 point, and
 * 33 x 152 nodes, well under the 500,000-node limit
 * (https://docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api).
 */
export const REPOS_PER_PAGE = 33;

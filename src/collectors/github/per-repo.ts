import type { CollectContext } from '../../engine/collector.js';
import { skipIfAllDenied, type ScopeResult } from '../../engine/scope.js';
import type { GithubSession } from './client.js';
import type { GithubRepo } from './data.js';
import { githubCause, RepoUnreadable } from './failure.js';

export type GithubContext = CollectContext<GithubSession>;

/** The grant behind most per-repository settings, as GitHub's docs name it for each kind of token. */
export const ADMIN_READ =
  'admin access to every repository (classic: repo scope as an admin; fine-grained: repository permission "Administration: read")';

/** Non-archived, non-disabled repositories: the ones whose settings still matter. */
export async function activeRepos(ctx: GithubContext): Promise<GithubRepo[]> {
  return (await ctx.need('github.repos')).filter((r) => !r.archived && !r.disabled);
}

type ReadRepo<T> = (repo: GithubRepo, owner: string, name: string) => Promise<T>;

/**
 * A key made of one entry per active repository (see readActiveRepos), skipped only when no
 * repository could be read and every one was denied.
 */
export async function forEachActiveRepo<T>(
  ctx: GithubContext,
  what: string,
  read: ReadRepo<T>,
): Promise<ScopeResult<T>[]> {
  const results = await readActiveRepos(ctx, what, read);
  skipIfAllDenied(results, what);
  return results;
}

/**
 * Reads every active repository under the provider's concurrency limit: one entry per repository,
 * in the listing's order, each handed to itemReady as soon as it is done. A repository that could not
 * be read gets an error entry with the cause (see `unreadable`); the others are unaffected.
 */
export async function readActiveRepos<T>(
  ctx: GithubContext,
  what: string,
  read: ReadRepo<T>,
): Promise<ScopeResult<T>[]> {
  const repos = await activeRepos(ctx);
  let done = 0;
  const results = await Promise.all(
    repos.map((repo, index) =>
      ctx.limit(async () => {
        ctx.signal.throwIfAborted();
        const [owner, name] = repo.full_name.split('/') as [string, string];
        const result = await readScope(ctx, repo.full_name, () => read(repo, owner, name));
        ctx.itemReady(index, result);
        done += 1;
        if (done % 10 === 0 || done === repos.length)
          ctx.progress(`${what}: ${done}/${repos.length} repositories`, { done, total: repos.length });
        return result;
      }),
    ),
  );
  return results;
}

/** One scope read, or the cause it could not be; an interrupted scan stops instead. */
export async function readScope<T>(
  ctx: GithubContext,
  scope: string,
  read: () => Promise<T>,
): Promise<ScopeResult<T>> {
  try {
    return { scope, status: 'ok', value: await read() };
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    return {
      scope,
      status: 'error',
      cause: error instanceof RepoUnreadable ? error.failure : githubCause(error),
    };
  }
}

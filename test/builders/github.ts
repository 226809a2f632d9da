import type { ScopeResult } from '../../src/engine/scope.js';
import type { FailureCause } from '../../src/engine/types.js';

/** A per-repository key's value as the collectors produce it, every repository read. */
export function allRead<T extends { repo: string }>(entries: T[]): ScopeResult<T>[] {
  return entries.map((value) => ({ scope: value.repo, status: 'ok', value }));
}

export const DENIED: FailureCause = {
  kind: 'permission',
  status: 403,
  message:
    'GET /repos/{owner}/{repo}/hooks: Resource not accessible by personal access token (needs admin access)',
};

/** A repository that could not be read, with why. */
export function notRead(repo: string, cause: FailureCause = DENIED): ScopeResult<never> {
  return { scope: repo, status: 'error', cause };
}

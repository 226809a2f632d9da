import { notChecked, type ScopeResult } from '../../src/engine/scope.js';
import type { Finding } from '../../src/engine/types.js';

/** The single passing finding a check emits when there is nothing to flag in its scope. */
export function passOn(resource: string, message: string, details?: Record<string, unknown>): Finding {
  return { resource, status: 'pass', message, ...(details ? { details } : {}) };
}

/** `name` or `owner/name` on an allow-list; `*` matches any run of characters. */
export function matchesRepo(patterns: readonly string[], fullName: string): boolean {
  const name = fullName.slice(fullName.indexOf('/') + 1);
  return patterns.some((pattern) => {
    const regex = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`, 'i');
    return regex.test(fullName) || regex.test(name);
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * For checks that sum up over repositories: the values of those read, and a not-checked finding (with
 * its cause) for each one that could not be.
 */
export function readRepos<T>(
  results: readonly ScopeResult<T>[],
  what: string,
): { read: T[]; notRead: Finding[] } {
  const read: T[] = [];
  const notRead: Finding[] = [];
  for (const r of results) {
    if (r.status === 'ok') read.push(r.value);
    else notRead.push(notChecked(r.scope, r.cause, what));
  }
  return { read, notRead };
}

/**
 * A repository whose security_and_analysis GitHub does not show the token (only repository admins,
 * owners and security managers see it): not checked, never a pass or a fail.
 */
export function settingsHidden(repo: string, what: string): Finding {
  return notChecked(
    repo,
    {
      kind: 'permission',
      message:
        'security_and_analysis is not visible to the token (needs repository admin, owner or security manager)',
    },
    what,
  );
}

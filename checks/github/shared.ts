import type { PerRepo } from '../../src/collectors/github/data.js';
import { notChecked } from '../../src/engine/scope.js';
import type { Finding } from '../../src/engine/types.js';

/**
 * Splits a per-repository key into the repositories that were read and an `error` finding for each one
 * that could not be (with GitHub's answer as the cause): those are never passed or failed.
 */
export function readRepos<T extends { repo: string }>(
  entries: readonly PerRepo<T>[],
  what: string,
): { read: T[]; notChecked: Finding[] } {
  const read: T[] = [];
  const unread: Finding[] = [];
  for (const entry of entries) {
    if ('notRead' in entry) unread.push(notChecked(entry.repo, entry.notRead, what));
    else read.push(entry);
  }
  return { read, notChecked: unread };
}

const DAY_MS = 86_400_000;

/** Whole days between an ISO timestamp and the collection time. */
export function ageInDays(iso: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(iso)) / DAY_MS);
}

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

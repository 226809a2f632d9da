import type { GoogleRole, GoogleRoleAssignment, GoogleUser } from '../../src/collectors/google/data.js';

const DAY_MS = 86_400_000;

/** Users who can sign in: neither suspended nor archived. */
export function activeUsers(users: readonly GoogleUser[]): GoogleUser[] {
  return users.filter((u) => !u.suspended && !u.archived);
}

export function daysBetween(from: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(from)) / DAY_MS);
}

/** Never signed in: the API reports 1970-01-01 (stored as null by the collector). */
export function neverSignedIn(user: GoogleUser): boolean {
  return !user.lastLoginTime || Date.parse(user.lastLoginTime) <= 0;
}

/** Admin role names held by each user id: super admin flag, delegated admin flag and direct role assignments. */
export function adminRolesByUser(
  users: readonly GoogleUser[],
  roles: readonly GoogleRole[],
  assignments: readonly GoogleRoleAssignment[],
): Map<string, string[]> {
  const roleName = new Map(roles.map((r) => [r.roleId, r.roleName || r.roleId]));
  const out = new Map<string, Set<string>>();
  const add = (id: string, name: string) => {
    let set = out.get(id);
    if (!set) out.set(id, (set = new Set()));
    set.add(name);
  };
  for (const a of assignments) {
    if (a.assigneeType !== 'user') continue;
    add(a.assignedTo, roleName.get(a.roleId) ?? `role ${a.roleId}`);
  }
  for (const u of users) {
    if (u.isAdmin && ![...(out.get(u.id) ?? [])].some((n) => isSuperAdminName(n, roles)))
      add(u.id, 'Super Admin');
    if (u.isDelegatedAdmin && !out.has(u.id)) add(u.id, 'delegated admin');
  }
  return new Map([...out].map(([id, set]) => [id, [...set].sort()]));
}

function isSuperAdminName(name: string, roles: readonly GoogleRole[]): boolean {
  return roles.some((r) => r.isSuperAdminRole && (r.roleName || r.roleId) === name);
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

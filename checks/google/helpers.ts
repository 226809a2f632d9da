import type { GoogleRole, GoogleRoleAssignment, GoogleUser } from '../../src/collectors/google/data.js';
import { notChecked } from '../../src/engine/scope.js';
import type { Finding } from '../../src/engine/types.js';

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

/**
 * Admin role names held by each user id: direct role assignments, roles held through a group (rows the
 * collector marked viaGroup), and the user flags (isAdmin = super admin, isDelegatedAdmin) for roles the
 * assignments do not show.
 */
export function adminRolesByUser(
  users: readonly GoogleUser[],
  roles: readonly GoogleRole[],
  assignments: readonly GoogleRoleAssignment[],
): Map<string, string[]> {
  const roleById = new Map(roles.map((r) => [r.roleId, r]));
  const out = new Map<string, Set<string>>();
  const superAdmins = new Set<string>();
  const add = (id: string, name: string) => {
    let set = out.get(id);
    if (!set) out.set(id, (set = new Set()));
    set.add(name);
  };
  for (const a of assignments) {
    if (a.assigneeType !== 'user') continue;
    const role = roleById.get(a.roleId);
    if (role?.isSuperAdminRole) superAdmins.add(a.assignedTo);
    const name = role?.roleName || `role ${a.roleId}`;
    add(a.assignedTo, a.viaGroup ? `${name} (via group ${a.viaGroup})` : name);
  }
  for (const u of users) {
    if (u.isAdmin && !superAdmins.has(u.id)) add(u.id, 'Super Admin');
    if (u.isDelegatedAdmin && !out.has(u.id)) add(u.id, 'delegated admin');
  }
  return new Map([...out].map(([id, set]) => [id, [...set].sort()]));
}

/**
 * An `error` finding for each group holding an admin role whose members could not be read: who holds
 * the role through it is unknown.
 */
export function roleGroupsNotRead(
  roles: readonly GoogleRole[],
  assignments: readonly GoogleRoleAssignment[],
): Finding[] {
  const roleById = new Map(roles.map((r) => [r.roleId, r]));
  return assignments.flatMap((a) => {
    if (!a.membersNotRead) return [];
    const role = roleById.get(a.roleId)?.roleName || `role ${a.roleId}`;
    return [notChecked(`group ${a.assignedTo}`, a.membersNotRead, `Who holds ${role} through the group`)];
  });
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

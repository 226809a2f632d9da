import type { admin_directory_v1, admin_reports_v1 } from '@googleapis/admin';
import { defineCollector, type CollectContext } from '../../engine/collector.js';
import { SkipError } from '../../engine/errors.js';
import { skipIfAllDenied, type ScopeResult } from '../../engine/scope.js';
import type {
  GoogleGroup,
  GoogleGroupMember,
  GoogleLoginEvent,
  GoogleRole,
  GoogleRoleAssignment,
  GoogleToken,
  GoogleUser,
} from './data.js';
import { failureOf } from './google-errors.js';
import { SCOPES, type Scope } from './scopes.js';
import type { GoogleSession } from './session.js';

type Ctx = CollectContext<GoogleSession>;

/** Largest page sizes the Admin SDK accepts per method. */
export const PAGE_SIZE = {
  users: 500,
  roles: 100,
  roleAssignments: 200,
  groups: 200,
  members: 200,
  activities: 1000,
} as const;

/** Login audit events worth an alert; queried by name so a big tenant's ordinary logins are not downloaded. */
export const RISKY_LOGIN_EVENTS = [
  'suspicious_login',
  'suspicious_login_less_secure_app',
  'suspicious_programmatic_login',
  'gov_attack_warning',
  'account_disabled_password_leak',
  'account_disabled_hijacked',
] as const;

export const LOGIN_WINDOW_DAYS = 30;

const NEVER = '1970-01-01T00:00:00.000Z';

/** Every page of one list call, each request under the provider's concurrency limit. */
async function allPages<Page extends { nextPageToken?: string | null }, Item>(
  ctx: Ctx,
  what: string,
  scope: Scope,
  fetch: (pageToken: string | undefined, signal: AbortSignal) => Promise<{ data: Page }>,
  items: (page: Page) => Item[] | null | undefined,
): Promise<Item[]> {
  const out: Item[] = [];
  let pageToken: string | undefined;
  let page = 0;
  do {
    const token = pageToken;
    const data = await ctx.limit(() => ctx.session.call(what, scope, (signal) => fetch(token, signal)));
    out.push(...(items(data) ?? []));
    pageToken = data.nextPageToken ?? undefined;
    page++;
    if (pageToken) ctx.progress(`${what}: page ${page + 1}`);
  } while (pageToken);
  return out;
}

/** One user's or group's data, or why it could not be read: one scope's failure never loses the others. */
async function readScope<T>(ctx: Ctx, scope: string, read: () => Promise<T>): Promise<ScopeResult<T>> {
  try {
    return { scope, status: 'ok', value: await read() };
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    return { scope, status: 'error', cause: failureOf(error) };
  }
}

/**
 * The key is skipped only when no user or group could be read and Google refused every one, with what
 * the answers say to grant; otherwise each unreadable one is reported by the checks.
 */
function skipIfNoneReadable(
  ctx: Ctx,
  results: readonly ScopeResult<unknown>[],
  what: string,
  scope: Scope,
): void {
  try {
    skipIfAllDenied(results, what);
  } catch (error) {
    const advice = [
      ...new Set(results.flatMap((r) => (r.status === 'error' ? [ctx.session.advice(scope, r.cause)] : []))),
    ].filter(Boolean);
    const message = (error as Error).message;
    throw new SkipError(advice.length > 0 ? `${message}: ${advice.join('; ')}` : message);
  }
}

export function toUser(u: admin_directory_v1.Schema$User): GoogleUser {
  const name = u.name?.fullName ?? undefined;
  const lastLogin = u.lastLoginTime && u.lastLoginTime !== NEVER ? u.lastLoginTime : null;
  return {
    id: u.id ?? '',
    primaryEmail: (u.primaryEmail ?? '').toLowerCase(),
    ...(name ? { name } : {}),
    isAdmin: u.isAdmin === true,
    isDelegatedAdmin: u.isDelegatedAdmin === true,
    suspended: u.suspended === true,
    ...(u.suspensionReason ? { suspensionReason: u.suspensionReason } : {}),
    archived: u.archived === true,
    isEnrolledIn2Sv: u.isEnrolledIn2Sv === true,
    isEnforcedIn2Sv: u.isEnforcedIn2Sv === true,
    lastLoginTime: lastLogin,
    creationTime: u.creationTime ?? '',
    orgUnitPath: u.orgUnitPath ?? '/',
  };
}

export const usersCollector = defineCollector({
  key: 'google.users',
  async collect(ctx: Ctx) {
    const { session } = ctx;
    const users = await allPages(
      ctx,
      'Directory users.list',
      SCOPES.users,
      (pageToken, signal) =>
        session
          .directory(SCOPES.users)
          .users.list(
            { customer: session.customer, projection: 'full', maxResults: PAGE_SIZE.users, pageToken },
            { signal },
          ),
      // Each page is reduced to the fields soc2 keeps as it arrives: a full-projection user is several
      // times larger, and 20,000 of them held until the last page would be most of the scan's memory.
      (page) => page.users?.map(toUser),
    );
    return users.sort((a, b) => a.primaryEmail.localeCompare(b.primaryEmail));
  },
});

export const rolesCollector = defineCollector({
  key: 'google.roles',
  async collect(ctx: Ctx) {
    const { session } = ctx;
    const roles = await allPages(
      ctx,
      'Directory roles.list',
      SCOPES.roles,
      (pageToken, signal) =>
        session
          .directory(SCOPES.roles)
          .roles.list({ customer: session.customer, maxResults: PAGE_SIZE.roles, pageToken }, { signal }),
      (page) => page.items,
    );
    return roles.map((r): GoogleRole => ({
      roleId: String(r.roleId ?? ''),
      roleName: r.roleName ?? '',
      isSuperAdminRole: r.isSuperAdminRole === true,
      isSystemRole: r.isSystemRole === true,
    }));
  },
});

export const roleAssignmentsCollector = defineCollector({
  key: 'google.roleAssignments',
  async collect(ctx: Ctx) {
    const { session } = ctx;
    const assignments = await allPages(
      ctx,
      'Directory roleAssignments.list',
      SCOPES.roles,
      (pageToken, signal) =>
        session
          .directory(SCOPES.roles)
          .roleAssignments.list(
            { customer: session.customer, maxResults: PAGE_SIZE.roleAssignments, pageToken },
            { signal },
          ),
      (page) => page.items,
    );
    const direct = assignments.map((a): GoogleRoleAssignment => ({
      roleAssignmentId: String(a.roleAssignmentId ?? ''),
      roleId: String(a.roleId ?? ''),
      assignedTo: a.assignedTo ?? '',
      assigneeType: a.assigneeType ?? 'user',
      scopeType: a.scopeType ?? 'CUSTOMER',
      ...(a.orgUnitId ? { orgUnitId: a.orgUnitId } : {}),
    }));
    return [...direct, ...(await expandGroupAssignments(ctx, direct))];
  },
});

/**
 * A role assigned to a group makes every member (nested ones included) an admin: one row per member
 * user, marked viaGroup. A group whose members could not be read keeps its row, marked membersNotRead.
 */
async function expandGroupAssignments(
  ctx: Ctx,
  assignments: GoogleRoleAssignment[],
): Promise<GoogleRoleAssignment[]> {
  const { session } = ctx;
  const memberIds = new Map<string, Promise<ScopeResult<string[]>>>();
  const membersOf = (groupId: string) => {
    let ids = memberIds.get(groupId);
    if (!ids) {
      ids = readScope(ctx, groupId, async () => {
        const members = await allPages(
          ctx,
          'Directory members.list (admin role group)',
          SCOPES.members,
          (pageToken, signal) =>
            session.directory(SCOPES.members).members.list(
              {
                groupKey: groupId,
                includeDerivedMembership: true,
                maxResults: PAGE_SIZE.members,
                pageToken,
              },
              { signal },
            ),
          (page) => page.members,
        );
        return members.filter((m) => m.type === 'USER' && m.id).map((m) => m.id!);
      });
      memberIds.set(groupId, ids);
    }
    return ids;
  };
  const rows = await Promise.all(
    assignments.map(async (a) => {
      if (a.assigneeType !== 'group') return { row: a, members: [] };
      const members = await membersOf(a.assignedTo);
      if (members.status === 'error') return { row: { ...a, membersNotRead: members.cause }, members: [] };
      return {
        row: a,
        members: members.value.map((userId): GoogleRoleAssignment => ({
          ...a,
          assignedTo: userId,
          assigneeType: 'user',
          viaGroup: a.assignedTo,
        })),
      };
    }),
  );
  return [...rows.map((r) => r.row), ...rows.flatMap((r) => r.members)];
}

function toToken(user: GoogleUser, t: admin_directory_v1.Schema$Token): GoogleToken {
  return {
    user: user.primaryEmail,
    clientId: t.clientId ?? '',
    displayText: t.displayText ?? t.clientId ?? '',
    scopes: [...(t.scopes ?? [])].sort(),
    anonymous: t.anonymous === true,
    nativeApp: t.nativeApp === true,
  };
}

/**
 * tokens.list per active user: one entry per user, their grants or why they could not be read. The
 * Reports API's token events would be one org-wide call, but they only cover the retention window and
 * record grants and revocations, not the grants that exist now.
 */
export const tokensCollector = defineCollector({
  key: 'google.tokens',
  async collect(ctx: Ctx) {
    const { session } = ctx;
    const users = (await ctx.need('google.users')).filter((u) => !u.suspended && !u.archived);
    let done = 0;
    const perUser = await Promise.all(
      users.map(async (user, index) => {
        const result = await readScope(ctx, user.primaryEmail, async () => {
          const data = await ctx.limit(() =>
            session.call<admin_directory_v1.Schema$Tokens>('Directory tokens.list', SCOPES.tokens, (signal) =>
              session
                .directory(SCOPES.tokens)
                .tokens.list({ userKey: user.id || user.primaryEmail }, { signal }),
            ),
          );
          return (data.items ?? []).map((t) => toToken(user, t));
        });
        done++;
        if (done % 50 === 0) ctx.progress(`tokens: ${done}/${users.length} users`);
        ctx.itemReady(index, result);
        return result;
      }),
    );
    skipIfNoneReadable(ctx, perUser, 'Directory tokens.list', SCOPES.tokens);
    return perUser;
  },
});

export const groupsCollector = defineCollector({
  key: 'google.groups',
  async collect(ctx: Ctx) {
    const { session } = ctx;
    const groups = await allPages(
      ctx,
      'Directory groups.list',
      SCOPES.groups,
      (pageToken, signal) =>
        session
          .directory(SCOPES.groups)
          .groups.list({ customer: session.customer, maxResults: PAGE_SIZE.groups, pageToken }, { signal }),
      (page) => page.groups,
    );
    return groups
      .map((g): GoogleGroup => ({
        id: g.id ?? '',
        email: (g.email ?? '').toLowerCase(),
        name: g.name ?? '',
        directMembersCount: Number(g.directMembersCount ?? 0),
      }))
      .sort((a, b) => a.email.localeCompare(b.email));
  },
});

/** members.list per group: one entry per group, its members or why they could not be read. */
export const groupMembersCollector = defineCollector({
  key: 'google.groupMembers',
  async collect(ctx: Ctx) {
    const { session } = ctx;
    const groups = await ctx.need('google.groups');
    const perGroup = await Promise.all(
      groups.map(async (group, index) => {
        const result = await readScope(ctx, group.email, async () => {
          // An empty group needs no call.
          if (group.directMembersCount === 0) return [];
          const members = await allPages(
            ctx,
            'Directory members.list',
            SCOPES.members,
            (pageToken, signal) =>
              session
                .directory(SCOPES.members)
                .members.list(
                  { groupKey: group.id || group.email, maxResults: PAGE_SIZE.members, pageToken },
                  { signal },
                ),
            (page) => page.members,
          );
          return members.map((m): GoogleGroupMember => ({
            group: group.email,
            id: m.id ?? '',
            ...(m.email ? { email: m.email.toLowerCase() } : {}),
            type: m.type ?? 'USER',
            role: m.role ?? 'MEMBER',
            ...(m.status ? { status: m.status } : {}),
          }));
        });
        ctx.itemReady(index, result);
        return result;
      }),
    );
    skipIfNoneReadable(ctx, perGroup, 'Directory members.list', SCOPES.members);
    return perGroup;
  },
});

export const domainsCollector = defineCollector({
  key: 'google.domains',
  async collect(ctx: Ctx) {
    const { session } = ctx;
    const configured = [session.config.domain, ...(session.config.domains ?? [])]
      .filter((d): d is string => Boolean(d))
      .map((d) => d.toLowerCase());
    try {
      const data = await ctx.limit(() =>
        session.call<admin_directory_v1.Schema$Domains2>('Directory domains.list', SCOPES.domains, (signal) =>
          session.directory(SCOPES.domains).domains.list({ customer: session.customer }, { signal }),
        ),
      );
      const names = (data.domains ?? []).flatMap((d) => [
        d.domainName ?? '',
        ...(d.domainAliases ?? []).map((a) => a.domainAliasName ?? ''),
      ]);
      return {
        domains: [...new Set([...names, ...configured].filter(Boolean).map((d) => d.toLowerCase()))].sort(),
        source: 'directory' as const,
      };
    } catch (error) {
      if (!(error instanceof SkipError)) throw error;
      if (configured.length > 0)
        return { domains: [...new Set(configured)].sort(), source: 'config' as const };
      // Every primary address is in one of the organization's verified domains; alias-only domains are
      // missed, which errs towards reporting a member as outside.
      const users = await ctx.need('google.users').catch(() => {
        throw error;
      });
      const fromUsers = users.map((u) => u.primaryEmail.slice(u.primaryEmail.lastIndexOf('@') + 1));
      return { domains: [...new Set(fromUsers.filter(Boolean))].sort(), source: 'users' as const };
    }
  },
});

function flattenLogin(activity: admin_reports_v1.Schema$Activity): GoogleLoginEvent[] {
  return (activity.events ?? []).map((event) => ({
    time: activity.id?.time ?? '',
    email: (activity.actor?.email ?? '').toLowerCase(),
    name: event.name ?? '',
    ...(event.type ? { type: event.type } : {}),
    ...(activity.ipAddress ? { ipAddress: activity.ipAddress } : {}),
  }));
}

export const loginEventsCollector = defineCollector({
  key: 'google.loginEvents',
  async collect(ctx: Ctx) {
    const { session } = ctx;
    const startTime = new Date(Date.now() - LOGIN_WINDOW_DAYS * 86_400_000).toISOString();
    const customerId = session.customer === 'my_customer' ? undefined : session.customer;
    const perEvent = await Promise.all(
      RISKY_LOGIN_EVENTS.map((eventName) =>
        allPages(
          ctx,
          'Reports activities.list (login)',
          SCOPES.reports,
          (pageToken, signal) =>
            session.reports(SCOPES.reports).activities.list(
              {
                userKey: 'all',
                applicationName: 'login',
                eventName,
                startTime,
                maxResults: PAGE_SIZE.activities,
                pageToken,
                ...(customerId ? { customerId } : {}),
              },
              { signal },
            ),
          (page) => page.items,
        ),
      ),
    );
    return perEvent
      .flat()
      .flatMap(flattenLogin)
      .filter((e) => (RISKY_LOGIN_EVENTS as readonly string[]).includes(e.name))
      .sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0));
  },
});

export const googleCollectors = [
  usersCollector,
  rolesCollector,
  roleAssignmentsCollector,
  tokensCollector,
  groupsCollector,
  groupMembersCollector,
  domainsCollector,
  loginEventsCollector,
];

import type { admin_directory_v1, admin_reports_v1 } from '@googleapis/admin';
import { defineCollector, type CollectContext } from '../../engine/collector.js';
import { SkipError } from '../../engine/errors.js';
import { skipIfAllDenied, type ScopeResult } from '../../engine/scope.js';
import { mapWindowed } from '../../engine/windowed.js';
import type {
  GoogleAppPassword,
  GoogleGroup,
  GoogleGroupMember,
  GoogleLoginEvent,
  GoogleMobileDevice,
  GoogleOrgUnit,
  GooglePolicy,
  GoogleRole,
  GoogleRoleAssignment,
  GoogleSsoAssignment,
  GoogleSsoProfile,
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
  mobileDevices: 100,
  /** Cloud Identity inboundSsoAssignments / inboundSamlSsoProfiles / policies. */
  cloudIdentity: 100,
} as const;

/**
 * Login audit events worth an alert (Reports API login event names,
 * https://developers.google.com/workspace/admin/reports/v1/appendix/activity/login); queried by name so a
 * big tenant's ordinary logins are not downloaded.
 */
export const RISKY_LOGIN_EVENTS = [
  'suspicious_login',
  'suspicious_login_less_secure_app',
  'suspicious_programmatic_login',
  'gov_attack_warning',
  'account_disabled_password_leak',
  'account_disabled_hijacked',
  'account_disabled_generic',
  'account_disabled_spamming',
  'account_disabled_spamming_through_relay',
  'risky_sensitive_action_blocked',
  'user_signed_out_due_to_suspicious_session_cookie',
] as const;

/** Days of login events read when google.suspicious-logins sets no `days`; the Reports API keeps 180. */
export const LOGIN_WINDOW_DAYS = 30;
export const LOGIN_RETENTION_DAYS = 180;

/**
 * The user fields the checks read (partial response, `fields=`); nextPageToken must stay listed or the
 * answer drops it and only the first page is read.
 */
export const USER_FIELDS =
  'nextPageToken,users(id,primaryEmail,name/fullName,isAdmin,isDelegatedAdmin,suspended,suspensionReason,' +
  'archived,isEnrolledIn2Sv,isEnforcedIn2Sv,lastLoginTime,creationTime,orgUnitPath,aliases,nonEditableAliases)';

export const MOBILE_DEVICE_FIELDS =
  'nextPageToken,mobiledevices(resourceId,email,model,os,type,status,lastSync,encryptionStatus,' +
  'devicePasswordStatus,deviceCompromisedStatus)';

/** The Cloud Identity policy settings the checks judge (https://cloud.google.com/identity/docs/concepts/supported-policy-api-settings). */
export const POLICY_SETTINGS = [
  'security.password',
  'security.session_controls',
  'security.less_secure_apps',
  'drive_and_docs.external_sharing',
] as const;

const NEVER = '1970-01-01T00:00:00.000Z';

/** Every page of one list call, each request under the provider's concurrency limit. */
export async function allPages<Page extends { nextPageToken?: string | null }, Item>(
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
  const aliases = [...(u.aliases ?? []), ...(u.nonEditableAliases ?? [])].map((a) => a.toLowerCase());
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
    aliases: [...new Set(aliases)].sort(),
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
            { customer: session.customer, maxResults: PAGE_SIZE.users, pageToken, fields: USER_FIELDS },
            { signal },
          ),
      // Each page is reduced to the fields soc2 keeps as it arrives, should Google send more than asked.
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
  const membersOf = groupUserIds(ctx, 'Directory members.list (admin role group)');
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

/**
 * The ids of a group's member users, nested groups included (members.list includeDerivedMembership), or
 * why they could not be read; each group is asked once however often it is named.
 */
function groupUserIds(ctx: Ctx, what: string): (groupId: string) => Promise<ScopeResult<string[]>> {
  const { session } = ctx;
  const memberIds = new Map<string, Promise<ScopeResult<string[]>>>();
  return (groupId) => {
    let ids = memberIds.get(groupId);
    if (!ids) {
      ids = readScope(ctx, groupId, async () => {
        const members = await allPages(
          ctx,
          what,
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
}

/**
 * One read per active user (tokens.list, asps.list): one entry per user, their items or why they could
 * not be read; the key is skipped only when every user was refused.
 */
/** Users whose read is under way at once: enough to keep the provider's request slots busy. */
const USERS_IN_FLIGHT = 64;

async function perActiveUser<T, Item>(
  ctx: Ctx,
  what: string,
  scope: Scope,
  read: (user: GoogleUser, signal: AbortSignal) => Promise<{ data: T }>,
  items: (user: GoogleUser, data: T) => Item[],
): Promise<ScopeResult<Item[]>[]> {
  const users = (await ctx.need('google.users')).filter((u) => !u.suspended && !u.archived);
  let done = 0;
  const perUser = await mapWindowed(users, USERS_IN_FLIGHT, async (user, index) => {
    const result = await readScope(ctx, user.primaryEmail, async () => {
      const data = await ctx.limit(() => ctx.session.call<T>(what, scope, (signal) => read(user, signal)));
      return items(user, data);
    });
    done++;
    if (done % 50 === 0) ctx.progress(`${what}: ${done}/${users.length} users`);
    ctx.itemReady(index, result);
    return result;
  });
  skipIfNoneReadable(ctx, perUser, what, scope);
  return perUser;
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
    const directory = ctx.session.directory(SCOPES.tokens);
    return perActiveUser(
      ctx,
      'Directory tokens.list',
      SCOPES.tokens,
      (user, signal) => directory.tokens.list({ userKey: user.id || user.primaryEmail }, { signal }),
      (user, data: admin_directory_v1.Schema$Tokens) => (data.items ?? []).map((t) => toToken(user, t)),
    );
  },
});

/** asps.list creationTime / lastTimeUsed: Unix milliseconds as a string; 0 or absent means never. */
function fromUnixMs(value: string | null | undefined): string | undefined {
  const ms = Number(value);
  return value && Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : undefined;
}

/** asps.list per active user (https://developers.google.com/workspace/admin/directory/reference/rest/v1/asps/list). */
export const appPasswordsCollector = defineCollector({
  key: 'google.appPasswords',
  async collect(ctx: Ctx) {
    const directory = ctx.session.directory(SCOPES.tokens);
    return perActiveUser(
      ctx,
      'Directory asps.list',
      SCOPES.tokens,
      (user, signal) => directory.asps.list({ userKey: user.id || user.primaryEmail }, { signal }),
      (user, data: admin_directory_v1.Schema$Asps) =>
        (data.items ?? []).map((a): GoogleAppPassword => {
          const created = fromUnixMs(a.creationTime);
          const used = fromUnixMs(a.lastTimeUsed);
          return {
            user: user.primaryEmail,
            codeId: Number(a.codeId ?? 0),
            name: a.name ?? '',
            ...(created ? { creationTime: created } : {}),
            ...(used ? { lastTimeUsed: used } : {}),
          };
        }),
    );
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

/**
 * One login activity's events, each with the account it is about. Account warnings (suspicious logins,
 * disabled accounts, suspicious session cookies) name it in their `affected_email_address` parameter
 * (https://developers.google.com/workspace/admin/reports/v1/appendix/activity/login); when Google itself
 * acted, the actor is `{callerType: KEY, key: Google}` with no email. Other events are about their actor.
 */
function flattenLogin(activity: admin_reports_v1.Schema$Activity): GoogleLoginEvent[] {
  return (activity.events ?? []).map((event) => ({
    time: activity.id?.time ?? '',
    email: (
      event.parameters?.find((p) => p.name === 'affected_email_address')?.value ??
      activity.actor?.email ??
      ''
    ).toLowerCase(),
    name: event.name ?? '',
    ...(event.type ? { type: event.type } : {}),
    ...(activity.ipAddress ? { ipAddress: activity.ipAddress } : {}),
  }));
}

/** The days google.suspicious-logins looks back (its `days` option), so the collector reads that far. */
function loginWindowDays(ctx: Ctx): number {
  const days = Number(ctx.config.checks['google.suspicious-logins']?.days ?? LOGIN_WINDOW_DAYS);
  return Math.min(Number.isFinite(days) && days > 0 ? days : LOGIN_WINDOW_DAYS, LOGIN_RETENTION_DAYS);
}

/**
 * Reports API activities.list for each event name of one application, every page, in one time range
 * (Google's customer id only when the config names one; `my_customer` is the default).
 */
export function reportActivities(
  ctx: Ctx,
  applicationName: 'login' | 'admin',
  eventNames: readonly string[],
  range: { startTime: string; endTime?: string },
): Promise<admin_reports_v1.Schema$Activity[][]> {
  const { session } = ctx;
  const customerId = session.customer === 'my_customer' ? undefined : session.customer;
  return Promise.all(
    eventNames.map((eventName) =>
      allPages(
        ctx,
        `Reports activities.list (${applicationName})`,
        SCOPES.reports,
        (pageToken, signal) =>
          session.reports(SCOPES.reports).activities.list(
            {
              userKey: 'all',
              applicationName,
              eventName,
              ...range,
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
}

export const loginEventsCollector = defineCollector({
  key: 'google.loginEvents',
  async collect(ctx: Ctx) {
    const startTime = new Date(Date.now() - loginWindowDays(ctx) * 86_400_000).toISOString();
    const perEvent = await reportActivities(ctx, 'login', RISKY_LOGIN_EVENTS, { startTime });
    return perEvent
      .flat()
      .flatMap(flattenLogin)
      .filter((e) => (RISKY_LOGIN_EVENTS as readonly string[]).includes(e.name))
      .sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0));
  },
});

/** orgunits.list type=allIncludingParent: every org unit and the root (https://developers.google.com/workspace/admin/directory/reference/rest/v1/orgunits/list). */
export const orgUnitsCollector = defineCollector({
  key: 'google.orgUnits',
  async collect(ctx: Ctx) {
    const { session } = ctx;
    const data = await ctx.limit(() =>
      session.call<admin_directory_v1.Schema$OrgUnits>('Directory orgunits.list', SCOPES.orgUnits, (signal) =>
        session
          .directory(SCOPES.orgUnits)
          .orgunits.list({ customerId: session.customer, type: 'allIncludingParent' }, { signal }),
      ),
    );
    const bare = (id: string | null | undefined) => (id ?? '').replace(/^id:/, '');
    return (data.organizationUnits ?? [])
      .map((o): GoogleOrgUnit => ({
        orgUnitId: bare(o.orgUnitId),
        orgUnitPath: o.orgUnitPath ?? '/',
        ...(o.parentOrgUnitId ? { parentOrgUnitId: bare(o.parentOrgUnitId) } : {}),
      }))
      .sort((a, b) => a.orgUnitPath.localeCompare(b.orgUnitPath));
  },
});

/** mobiledevices.list (https://developers.google.com/workspace/admin/directory/reference/rest/v1/mobiledevices/list). */
export const mobileDevicesCollector = defineCollector({
  key: 'google.mobileDevices',
  async collect(ctx: Ctx) {
    const { session } = ctx;
    const devices = await allPages(
      ctx,
      'Directory mobiledevices.list',
      SCOPES.mobile,
      (pageToken, signal) =>
        session.directory(SCOPES.mobile).mobiledevices.list(
          {
            customerId: session.customer,
            projection: 'FULL',
            maxResults: PAGE_SIZE.mobileDevices,
            pageToken,
            fields: MOBILE_DEVICE_FIELDS,
          },
          { signal },
        ),
      (page) => page.mobiledevices,
    );
    const optional = (d: admin_directory_v1.Schema$MobileDevice) =>
      Object.fromEntries(
        (
          [
            'model',
            'os',
            'type',
            'status',
            'lastSync',
            'encryptionStatus',
            'devicePasswordStatus',
            'deviceCompromisedStatus',
          ] as const
        ).flatMap((k) => (d[k] ? [[k, d[k]]] : [])),
      );
    return devices
      .map((d): GoogleMobileDevice => ({
        resourceId: d.resourceId ?? '',
        email: (d.email ?? []).map((e) => e.toLowerCase()),
        ...optional(d),
      }))
      .sort(
        (a, b) =>
          (a.email[0] ?? '').localeCompare(b.email[0] ?? '') || a.resourceId.localeCompare(b.resourceId),
      );
  },
});

interface CloudIdentityPage {
  nextPageToken?: string;
}

/** Every page of a Cloud Identity v1 list filtered to the customer. */
function cloudIdentityList<Item>(
  ctx: Ctx,
  what: string,
  scope: Scope,
  path: string,
  params: Record<string, string>,
  items: (page: Record<string, unknown>) => Item[] | undefined,
): Promise<Item[]> {
  return allPages(
    ctx,
    what,
    scope,
    (pageToken, signal) =>
      ctx.session.cloudIdentity<CloudIdentityPage & Record<string, unknown>>(
        scope,
        path,
        { ...params, pageSize: PAGE_SIZE.cloudIdentity, pageToken },
        signal,
      ),
    items,
  );
}

/** `customers/my_customer` or `customers/C0…`, as Cloud Identity names the customer. */
function customerName(ctx: Ctx): string {
  return `customers/${ctx.session.customer}`;
}

interface SsoAssignmentWire {
  name?: string;
  ssoMode?: string;
  rank?: number;
  targetOrgUnit?: string;
  targetGroup?: string;
  samlSsoInfo?: { inboundSamlSsoProfile?: string };
  oidcSsoInfo?: { inboundOidcSsoProfile?: string };
  signInBehavior?: { redirectCondition?: string };
}

/**
 * Inbound SSO: the SAML profiles and the assignments sending org units and groups to them
 * (https://cloud.google.com/identity/docs/reference/rest/v1/inboundSsoAssignments/list,
 * https://cloud.google.com/identity/docs/reference/rest/v1/inboundSamlSsoProfiles/list). Org unit targets
 * are resolved to paths, group targets to their member users. Refused: the value says why, so the 2SV
 * checks still judge users on 2SV alone instead of being skipped.
 */
export const ssoCollector = defineCollector({
  key: 'google.sso',
  async collect(ctx: Ctx) {
    const filter = `customer=="${customerName(ctx)}"`;
    let wire: SsoAssignmentWire[];
    let profiles: GoogleSsoProfile[];
    try {
      [wire, profiles] = await Promise.all([
        cloudIdentityList(
          ctx,
          'Cloud Identity inboundSsoAssignments.list',
          SCOPES.sso,
          'inboundSsoAssignments',
          { filter },
          (page) => page.inboundSsoAssignments as SsoAssignmentWire[] | undefined,
        ),
        cloudIdentityList(
          ctx,
          'Cloud Identity inboundSamlSsoProfiles.list',
          SCOPES.sso,
          'inboundSamlSsoProfiles',
          { filter },
          (page) =>
            (
              page.inboundSamlSsoProfiles as
                { name?: string; displayName?: string; idpConfig?: { entityId?: string } }[] | undefined
            )?.map((p): GoogleSsoProfile => ({
              name: p.name ?? '',
              displayName: p.displayName || p.name || '',
              ...(p.idpConfig?.entityId ? { entityId: p.idpConfig.entityId } : {}),
            })),
        ),
      ]);
    } catch (error) {
      if (!(error instanceof SkipError)) throw error;
      return { unread: error.message, profiles: [], assignments: [] };
    }
    let orgUnits: GoogleOrgUnit[] = [];
    if (wire.some((a) => a.targetOrgUnit)) {
      try {
        orgUnits = await ctx.need('google.orgUnits');
      } catch (error) {
        if (ctx.signal.aborted) throw error;
        const why = error instanceof Error ? error.message : String(error);
        return {
          unread: `SSO assignments target org units, which could not be read: ${why}`,
          profiles,
          assignments: [],
        };
      }
    }
    const pathById = new Map(orgUnits.map((o) => [o.orgUnitId, o.orgUnitPath]));
    const membersOf = groupUserIds(ctx, 'Directory members.list (SSO group)');
    const assignments = await Promise.all(
      wire.map(async (a): Promise<GoogleSsoAssignment> => {
        const profile = a.samlSsoInfo?.inboundSamlSsoProfile ?? a.oidcSsoInfo?.inboundOidcSsoProfile;
        const base = {
          name: a.name ?? '',
          ssoMode: a.ssoMode ?? 'SSO_MODE_UNSPECIFIED',
          ...(profile ? { profile } : {}),
          ...(a.signInBehavior?.redirectCondition
            ? { redirectCondition: a.signInBehavior.redirectCondition }
            : {}),
          rank: Number(a.rank ?? 0),
        };
        if (a.targetOrgUnit) {
          const id = a.targetOrgUnit.replace(/^orgUnits\//, '');
          return { ...base, orgUnitId: id, orgUnitPath: pathById.get(id) ?? a.targetOrgUnit };
        }
        const group = a.targetGroup ?? '';
        const members = await membersOf(group.replace(/^groups\//, ''));
        return members.status === 'ok'
          ? { ...base, group, memberIds: members.value }
          : { ...base, group, membersNotRead: members.cause };
      }),
    );
    return {
      profiles: profiles.sort((a, b) => a.name.localeCompare(b.name)),
      assignments: assignments.sort((a, b) => a.name.localeCompare(b.name)),
    };
  },
});

interface PolicyWire {
  name?: string;
  type?: string;
  policyQuery?: { orgUnit?: string; group?: string; sortOrder?: number };
  setting?: { type?: string; value?: Record<string, unknown> };
}

/**
 * Cloud Identity policies of the judged settings (https://cloud.google.com/identity/docs/reference/rest/v1/policies/list),
 * filtered by setting type; org units named by path. Only super admins may call it: a refusal skips the
 * policy checks naming the scope or the role.
 */
export const policiesCollector = defineCollector({
  key: 'google.policies',
  async collect(ctx: Ctx) {
    // A CEL string literal: the regex's `\.` is written `\\.`, as in Google's example '^settings/gmail\\..*$'.
    const types = POLICY_SETTINGS.map((t) => t.replace(/\./g, '\\\\.')).join('|');
    const wire = await cloudIdentityList(
      ctx,
      'Cloud Identity policies.list',
      SCOPES.policies,
      'policies',
      { filter: `customer == "${customerName(ctx)}" && setting.type.matches('^settings/(${types})$')` },
      (page) => page.policies as PolicyWire[] | undefined,
    );
    const orgUnits = await ctx.need('google.orgUnits').catch(() => [] as GoogleOrgUnit[]);
    const pathById = new Map(orgUnits.map((o) => [o.orgUnitId, o.orgUnitPath]));
    return wire
      .map((p): GooglePolicy => {
        const orgUnit = p.policyQuery?.orgUnit;
        return {
          name: p.name ?? '',
          setting: (p.setting?.type ?? '').replace(/^settings\//, ''),
          value: p.setting?.value ?? {},
          type: p.type ?? 'ADMIN',
          ...(orgUnit ? { orgUnit: pathById.get(orgUnit.replace(/^orgUnits\//, '')) ?? orgUnit } : {}),
          ...(p.policyQuery?.group ? { group: p.policyQuery.group } : {}),
          ...(p.policyQuery?.sortOrder !== undefined ? { sortOrder: p.policyQuery.sortOrder } : {}),
        };
      })
      .filter((p) => (POLICY_SETTINGS as readonly string[]).includes(p.setting))
      .sort(
        (a, b) =>
          a.setting.localeCompare(b.setting) ||
          (a.orgUnit ?? a.group ?? '').localeCompare(b.orgUnit ?? b.group ?? ''),
      );
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
  orgUnitsCollector,
  appPasswordsCollector,
  mobileDevicesCollector,
  ssoCollector,
  policiesCollector,
];

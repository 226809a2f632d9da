import type {
  GoogleGroup,
  GoogleGroupMember,
  GoogleLoginEvent,
  GooglePolicy,
  GoogleRole,
  GoogleRoleAssignment,
  GoogleSso,
  GoogleSsoAssignment,
  GoogleSsoProfile,
  GoogleToken,
  GoogleUser,
} from '../../src/collectors/google/data.js';
import type { ScopeResult } from '../../src/engine/scope.js';
import type { FailureCause } from '../../src/engine/types.js';

let ids = 0;

/** An active, enrolled, enforced, recently signed-in user; override what the case is about. */
export function user(email: string, overrides: Partial<GoogleUser> = {}): GoogleUser {
  return {
    id: overrides.id ?? `1${String(++ids).padStart(20, '0')}`,
    primaryEmail: email,
    isAdmin: false,
    isDelegatedAdmin: false,
    suspended: false,
    archived: false,
    isEnrolledIn2Sv: true,
    isEnforcedIn2Sv: true,
    lastLoginTime: '2026-06-29T08:00:00.000Z',
    creationTime: '2024-01-15T10:00:00.000Z',
    orgUnitPath: '/',
    ...overrides,
  };
}

export const SUPER_ADMIN_ROLE: GoogleRole = {
  roleId: '91447453409035734',
  roleName: '_SEED_ADMIN_ROLE',
  isSuperAdminRole: true,
  isSystemRole: true,
};
export const GROUPS_ADMIN_ROLE: GoogleRole = {
  roleId: '91447453409035735',
  roleName: '_GROUPS_ADMIN_ROLE',
  isSuperAdminRole: false,
  isSystemRole: true,
};

let assignmentIds = 0;
export function assignment(role: GoogleRole, to: GoogleUser): GoogleRoleAssignment {
  return {
    roleAssignmentId: String(++assignmentIds),
    roleId: role.roleId,
    assignedTo: to.id,
    assigneeType: 'user',
    scopeType: 'CUSTOMER',
  };
}

export function token(
  userEmail: string,
  app: string,
  scopes: string[],
  overrides: Partial<GoogleToken> = {},
): GoogleToken {
  return {
    user: userEmail,
    clientId: `${app.toLowerCase().replace(/\W+/g, '-')}.apps.googleusercontent.com`,
    displayText: app,
    scopes,
    anonymous: false,
    nativeApp: false,
    ...overrides,
  };
}

export function group(email: string, directMembersCount = 1): GoogleGroup {
  return { id: `g-${email}`, email, name: email.split('@')[0]!, directMembersCount };
}

export function member(
  groupEmail: string,
  email: string | undefined,
  type = 'USER',
  role = 'MEMBER',
): GoogleGroupMember {
  return {
    group: groupEmail,
    id: `m-${email ?? type}`,
    ...(email ? { email } : {}),
    type,
    role,
    status: 'ACTIVE',
  };
}

export function loginEvent(email: string, name: string, time: string): GoogleLoginEvent {
  return { time, email, name, type: 'account_warning', ipAddress: '203.0.113.7' };
}

export interface OtherScopes<T> {
  empty?: string[];
  unread?: ScopeResult<T[]>[];
}

/**
 * A per-user or per-group key as its collector stores it: one `ok` entry per scope holding its items,
 * in scope order; `empty` adds scopes read with nothing in them, `unread` scopes that could not be read.
 */
export function byScope<T>(
  items: T[],
  scopeOf: (item: T) => string,
  { empty = [], unread = [] }: OtherScopes<T> = {},
): ScopeResult<T[]>[] {
  const scopes = new Map<string, T[]>(empty.map((scope) => [scope, []]));
  for (const item of items) scopes.set(scopeOf(item), [...(scopes.get(scopeOf(item)) ?? []), item]);
  return [
    ...[...scopes].map(([scope, value]): ScopeResult<T[]> => ({ scope, status: 'ok', value })),
    ...unread,
  ].sort((a, b) => a.scope.localeCompare(b.scope));
}

export const grantsByUser = (tokens: GoogleToken[], others?: OtherScopes<GoogleToken>) =>
  byScope(tokens, (t) => t.user, others);

export const membersByGroup = (members: GoogleGroupMember[], others?: OtherScopes<GoogleGroupMember>) =>
  byScope(members, (m) => m.group, others);

/** Google's answer to a request it refused for this user or group ("Not Authorized…"). */
export const FORBIDDEN: FailureCause = {
  kind: 'permission',
  status: 403,
  code: 'forbidden',
  message: 'Not Authorized to access this resource/api',
};

export function unread<T>(scope: string, cause: FailureCause = FORBIDDEN): ScopeResult<T> {
  return { scope, status: 'error', cause };
}

/** A tenant without third-party SSO: every user signs in with Google, so 2SV applies. */
export const NO_SSO: GoogleSso = { profiles: [], assignments: [] };

export const OKTA_PROFILE: GoogleSsoProfile = {
  name: 'inboundSamlSsoProfiles/010xi5tr1szon40',
  displayName: 'Okta',
  entityId: 'http://www.okta.com/exk1a2b3c4',
};

let ssoIds = 0;
/** An inbound SSO assignment sending an org unit (path) or a group (member ids) to a SAML profile. */
export function ssoAssignment(
  target: { orgUnitPath: string } | { group: string; memberIds: string[]; rank?: number },
  overrides: Partial<GoogleSsoAssignment> = {},
): GoogleSsoAssignment {
  return {
    name: `inboundSsoAssignments/0${++ssoIds}abc`,
    ssoMode: 'SAML_SSO',
    profile: OKTA_PROFILE.name,
    rank: 'group' in target ? (target.rank ?? 1) : 0,
    ...('group' in target ? { group: target.group, memberIds: target.memberIds } : target),
    ...overrides,
  };
}

let policyIds = 0;
/** A Cloud Identity policy as the collector stores it: an ADMIN policy of `setting` on an org unit. */
export function policy(setting: string, value: Record<string, unknown>, orgUnit = '/'): GooglePolicy {
  return {
    name: `policies/ahv4hg7qc24kvaghb7zihwf4riid${++policyIds}`,
    setting,
    value,
    type: 'ADMIN',
    orgUnit,
  };
}

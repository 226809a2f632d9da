import type {
  GoogleGroup,
  GoogleGroupMember,
  GoogleLoginEvent,
  GoogleRole,
  GoogleRoleAssignment,
  GoogleToken,
  GoogleUser,
} from '../../src/collectors/google/data.js';

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

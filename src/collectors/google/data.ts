import type { ScopeResult } from '../../engine/scope.js';
import type { FailureCause } from '../../engine/types.js';

/**
 * Google Workspace data as the collectors store it: the Admin SDK fields the checks read, trimmed from
 * the API resources (users.list projection=full, roles, roleAssignments, tokens, groups, members,
 * domains, Reports login activities). Times are RFC 3339 strings as the API returns them.
 */

export interface GoogleUser {
  id: string;
  primaryEmail: string;
  name?: string;
  isAdmin: boolean;
  isDelegatedAdmin: boolean;
  suspended: boolean;
  suspensionReason?: string;
  archived: boolean;
  isEnrolledIn2Sv: boolean;
  isEnforcedIn2Sv: boolean;
  /** null when the user never signed in (the API says 1970-01-01T00:00:00.000Z). */
  lastLoginTime: string | null;
  creationTime: string;
  orgUnitPath: string;
}

export interface GoogleRole {
  roleId: string;
  roleName: string;
  isSuperAdminRole: boolean;
  isSystemRole: boolean;
}

export interface GoogleRoleAssignment {
  roleAssignmentId: string;
  roleId: string;
  /** The user or group id the role is assigned to. */
  assignedTo: string;
  assigneeType: string;
  scopeType: string;
  orgUnitId?: string;
  /** Set on the per-member rows the collector adds for a role assigned to a group: the group's id. */
  viaGroup?: string;
  /** Set on a row assigning a role to a group whose members could not be read: who holds it is unknown. */
  membersNotRead?: FailureCause;
}

/** One OAuth grant a user gave a third-party app (Directory API tokens.list). */
export interface GoogleToken {
  user: string;
  clientId: string;
  displayText: string;
  scopes: string[];
  anonymous: boolean;
  nativeApp: boolean;
}

export interface GoogleGroup {
  id: string;
  email: string;
  name: string;
  directMembersCount: number;
}

export interface GoogleGroupMember {
  group: string;
  id: string;
  /** Absent for type CUSTOMER (everyone in the organization). */
  email?: string;
  /** USER, GROUP, CUSTOMER or EXTERNAL. */
  type: string;
  /** OWNER, MANAGER or MEMBER. */
  role: string;
  status?: string;
}

export interface GoogleDomains {
  /** Primary, secondary and alias domains of the organization, lower-cased. */
  domains: string[];
  /**
   * Where the list came from: the Directory API; or, when domains.list was denied, providers.google.domain(s)
   * or else the domains of the users' primary addresses.
   */
  source: 'directory' | 'config' | 'users';
}

/** A security-relevant login audit event (Reports API, applicationName=login). */
export interface GoogleLoginEvent {
  time: string;
  email: string;
  name: string;
  type?: string;
  ipAddress?: string;
}

declare module '../../engine/data-map.js' {
  interface DataMap {
    'google.users': GoogleUser[];
    'google.roles': GoogleRole[];
    'google.roleAssignments': GoogleRoleAssignment[];
    /** One entry per active user (scope: the primary email), in email order. */
    'google.tokens': ScopeResult<GoogleToken[]>[];
    'google.groups': GoogleGroup[];
    /** One entry per group (scope: the group's email), in email order; empty groups are not asked. */
    'google.groupMembers': ScopeResult<GoogleGroupMember[]>[];
    'google.domains': GoogleDomains;
    'google.loginEvents': GoogleLoginEvent[];
  }
}

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
  /** Other addresses that reach the user (aliases and nonEditableAliases), lower-cased; absent in older snapshots. */
  aliases?: string[];
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

/** An organizational unit (Directory orgunits.list); `orgUnitId` without the API's `id:` prefix. */
export interface GoogleOrgUnit {
  orgUnitId: string;
  orgUnitPath: string;
  parentOrgUnitId?: string;
}

/** An application-specific password a user created (Directory asps.list): it signs in without 2SV. */
export interface GoogleAppPassword {
  user: string;
  codeId: number;
  name: string;
  /** RFC 3339, converted from the API's Unix milliseconds; absent when the API gives none. */
  creationTime?: string;
  lastTimeUsed?: string;
}

/** A mobile device synced with the organization (Directory mobiledevices.list). */
export interface GoogleMobileDevice {
  resourceId: string;
  /** The owners' emails, lower-cased. */
  email: string[];
  model?: string;
  os?: string;
  type?: string;
  /** APPROVED, PENDING, BLOCKED, WIPING, WIPED, … */
  status?: string;
  lastSync?: string;
  encryptionStatus?: string;
  devicePasswordStatus?: string;
  deviceCompromisedStatus?: string;
}

/** A Cloud Identity inbound SAML SSO profile (the identity provider users are sent to). */
export interface GoogleSsoProfile {
  /** `inboundSamlSsoProfiles/{id}`. */
  name: string;
  displayName: string;
  entityId?: string;
}

/** Who an inbound SSO assignment sends to an identity provider (Cloud Identity inboundSsoAssignments). */
export interface GoogleSsoAssignment {
  name: string;
  /** SSO_OFF, SAML_SSO, OIDC_SSO or DOMAIN_WIDE_SAML_IF_ENABLED. */
  ssoMode: string;
  /** `inboundSamlSsoProfiles/{id}` or `inboundOidcSsoProfiles/{id}` for SAML_SSO / OIDC_SSO. */
  profile?: string;
  /** NEVER: users are not redirected to the identity provider when they sign in at Google. */
  redirectCondition?: string;
  rank: number;
  /** An org unit target: its path (resolved from `orgUnits/{id}` through orgunits.list) or the id when unknown. */
  orgUnitPath?: string;
  orgUnitId?: string;
  /** A group target: `groups/{id}`, and the ids of its member users (nested included). */
  group?: string;
  memberIds?: string[];
  /** The group's members could not be read: who the assignment covers is unknown. */
  membersNotRead?: FailureCause;
}

export interface GoogleSso {
  /** Why the assignments could not be read; users are then judged on 2-Step Verification alone. */
  unread?: string;
  profiles: GoogleSsoProfile[];
  assignments: GoogleSsoAssignment[];
}

/** One Cloud Identity policy (policies.list): a setting's value for an org unit or group. */
export interface GooglePolicy {
  name: string;
  /** The setting type without the `settings/` prefix, e.g. `security.password`. */
  setting: string;
  value: Record<string, unknown>;
  /** ADMIN (set by an administrator) or SYSTEM (Google's default). */
  type: string;
  /** `/Sales`, or the `orgUnits/{id}` name when the path is unknown. */
  orgUnit?: string;
  group?: string;
  sortOrder?: number;
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
    'google.orgUnits': GoogleOrgUnit[];
    /** One entry per active user (scope: the primary email), in email order. */
    'google.appPasswords': ScopeResult<GoogleAppPassword[]>[];
    'google.mobileDevices': GoogleMobileDevice[];
    'google.sso': GoogleSso;
    /** The Cloud Identity policies of the settings soc2 judges (see POLICY_SETTINGS). */
    'google.policies': GooglePolicy[];
  }
}

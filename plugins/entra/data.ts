import type { FailureCause } from '../../src/sdk/index.js';

/**
 * Microsoft Entra ID data as the collectors store it: the Microsoft Graph v1.0 fields the checks read,
 * trimmed from the resources (user, signInActivity, userRegistrationDetails, unifiedRoleAssignment,
 * unifiedRoleEligibilitySchedule, conditionalAccessPolicy, identitySecurityDefaultsEnforcementPolicy).
 * Times are ISO 8601 strings as Graph returns them.
 */

export interface EntraUser {
  id: string;
  userPrincipalName: string;
  mail: string | null;
  displayName: string | null;
  accountEnabled: boolean;
  /** `Member` or `Guest`. */
  userType: string | null;
  createdDateTime: string | null;
  onPremisesSyncEnabled: boolean | null;
  /** `SMTP:primary@x`, `smtp:alias@x`. */
  proxyAddresses: string[];
  /** For guests: `PendingAcceptance` or `Accepted`. */
  externalUserState: string | null;
}

/** A user's signInActivity (needs Microsoft Entra ID P1). */
export interface EntraSignIn {
  id: string;
  lastSignInDateTime: string | null;
  lastNonInteractiveSignInDateTime: string | null;
  /** Successful interactive or non-interactive sign-in; recorded since December 2023. */
  lastSuccessfulSignInDateTime: string | null;
}

/** One row of /reports/authenticationMethods/userRegistrationDetails. */
export interface EntraRegistration {
  id: string;
  userPrincipalName: string;
  userType: string | null;
  isAdmin: boolean;
  isMfaRegistered: boolean;
  isMfaCapable: boolean;
  methodsRegistered: string[];
}

export interface EntraPrincipal {
  id: string;
  /** `user`, `group`, `servicePrincipal`, or another directory object type. */
  type: string;
  /** userPrincipalName, a group's or service principal's displayName. */
  name: string;
  accountEnabled?: boolean;
}

export interface EntraRoleAssignment {
  roleDefinitionId: string;
  /** The built-in role's template id (the same in every tenant); the definition id for custom roles. */
  roleTemplateId: string;
  roleName: string;
  /** `/` for the whole directory. */
  directoryScopeId: string;
  /** `active`: assigned now; `eligible`: can activate it through Privileged Identity Management. */
  kind: 'active' | 'eligible';
  principal: EntraPrincipal;
  /** For a role-assignable group: its users, or why they could not be read. */
  members?: { status: 'ok'; users: EntraPrincipal[] } | { status: 'error'; cause: FailureCause };
}

export interface EntraRoles {
  assignments: EntraRoleAssignment[];
  /** Whether PIM eligible assignments were read; when not, why (a missing P2 licence, say). */
  eligible: { status: 'ok' } | { status: 'unavailable'; reason: string };
}

export interface ConditionalAccessPolicy {
  id: string;
  displayName: string;
  /** `enabled`, `disabled` or `enabledForReportingButNotEnforced`. */
  state: string;
  conditions: {
    users?: {
      includeUsers?: string[];
      excludeUsers?: string[];
      includeGroups?: string[];
      excludeGroups?: string[];
      includeRoles?: string[];
      excludeRoles?: string[];
    } | null;
    applications?: { includeApplications?: string[]; excludeApplications?: string[] } | null;
    clientAppTypes?: string[];
    locations?: { includeLocations?: string[]; excludeLocations?: string[] } | null;
    platforms?: { includePlatforms?: string[]; excludePlatforms?: string[] } | null;
    signInRiskLevels?: string[];
    userRiskLevels?: string[];
  };
  grantControls: {
    operator?: string;
    builtInControls?: string[];
    authenticationStrength?: { id?: string; displayName?: string } | null;
  } | null;
}

/**
 * Conditional access needs Entra ID P1: a tenant without it has no policies (`licensed: false`, with
 * Graph's answer), which is a finding for the checks rather than data that could not be read.
 */
export interface ConditionalAccess {
  licensed: boolean;
  reason?: string;
  policies: ConditionalAccessPolicy[];
}

declare module '../../src/sdk/index.js' {
  interface DataMap {
    'entra.users': EntraUser[];
    'entra.signIns': EntraSignIn[];
    'entra.registration': EntraRegistration[];
    'entra.roles': EntraRoles;
    'entra.conditionalAccess': ConditionalAccess;
    'entra.securityDefaults': { isEnabled: boolean };
  }
}

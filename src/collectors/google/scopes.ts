/** The read-only OAuth scopes the Google Workspace provider asks for, one per kind of data. */
export const SCOPES = {
  users: 'https://www.googleapis.com/auth/admin.directory.user.readonly',
  roles: 'https://www.googleapis.com/auth/admin.directory.rolemanagement.readonly',
  tokens: 'https://www.googleapis.com/auth/admin.directory.user.security',
  groups: 'https://www.googleapis.com/auth/admin.directory.group.readonly',
  members: 'https://www.googleapis.com/auth/admin.directory.group.member.readonly',
  domains: 'https://www.googleapis.com/auth/admin.directory.domain.readonly',
  reports: 'https://www.googleapis.com/auth/admin.reports.audit.readonly',
  orgUnits: 'https://www.googleapis.com/auth/admin.directory.orgunit.readonly',
  mobile: 'https://www.googleapis.com/auth/admin.directory.device.mobile.readonly',
  sso: 'https://www.googleapis.com/auth/cloud-identity.inboundsso.readonly',
  policies: 'https://www.googleapis.com/auth/cloud-identity.policies.readonly',
} as const;

export type Scope = (typeof SCOPES)[keyof typeof SCOPES];

export const ALL_SCOPES: Scope[] = Object.values(SCOPES);

/** Scopes of the Cloud Identity API (cloudidentity.googleapis.com); the others are the Admin SDK's. */
export const CLOUD_IDENTITY_SCOPES: ReadonlySet<Scope> = new Set([SCOPES.sso, SCOPES.policies]);

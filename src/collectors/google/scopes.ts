/** The read-only OAuth scopes the Google Workspace provider asks for, one per kind of data. */
export const SCOPES = {
  users: 'https://www.googleapis.com/auth/admin.directory.user.readonly',
  roles: 'https://www.googleapis.com/auth/admin.directory.rolemanagement.readonly',
  tokens: 'https://www.googleapis.com/auth/admin.directory.user.security',
  groups: 'https://www.googleapis.com/auth/admin.directory.group.readonly',
  members: 'https://www.googleapis.com/auth/admin.directory.group.member.readonly',
  domains: 'https://www.googleapis.com/auth/admin.directory.domain.readonly',
  reports: 'https://www.googleapis.com/auth/admin.reports.audit.readonly',
} as const;

export type Scope = (typeof SCOPES)[keyof typeof SCOPES];

export const ALL_SCOPES: Scope[] = Object.values(SCOPES);

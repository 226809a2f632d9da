import type { Account, IdentitySystem, OptionsSchema } from '../../../src/sdk/index.js';
import type { ConditionalAccess, ConditionalAccessPolicy, EntraSignIn, EntraUser } from '../data.js';

export const ENTRA_DIRECTORY: IdentitySystem = {
  id: 'entra',
  title: 'Entra ID account',
  scope: 'entra:directory',
};

/** Built-in role template ids: the same in every tenant (https://learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference). */
export const ROLE_TEMPLATES: Record<string, string> = {
  'Global Administrator': '62e90394-69f5-4237-9190-012177145e10',
  'Privileged Role Administrator': 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  'Privileged Authentication Administrator': '7be44c8a-adaf-4e2a-84d6-ab2649e08a13',
  'Security Administrator': '194ae4cb-b126-40b2-bd5b-6091b380977d',
  'Conditional Access Administrator': 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9',
  'User Administrator': 'fe930be7-5e62-47db-91af-98c3a49a38b1',
};
export const GLOBAL_ADMINISTRATOR = ROLE_TEMPLATES['Global Administrator']!;

export const userResource = (user: Pick<EntraUser, 'userPrincipalName'>) =>
  `entra:${user.userPrincipalName.toLowerCase()}`;

export const isGuest = (user: EntraUser) => user.userType?.toLowerCase() === 'guest';
export const enabledMembers = (users: readonly EntraUser[]) =>
  users.filter((u) => u.accountEnabled && !isGuest(u));

export function dayCount(description: string): OptionsSchema[string] {
  return { type: 'integer', minimum: 1, maximum: 3650, description };
}

/**
 * When the user last signed in: the last successful sign-in (recorded since December 2023), else the
 * latest interactive or non-interactive attempt. Null when Entra ID has no sign-in for the user.
 */
export function lastSignIn(activity: EntraSignIn | undefined): { at: string; field: string } | null {
  if (!activity) return null;
  if (activity.lastSuccessfulSignInDateTime)
    return { at: activity.lastSuccessfulSignInDateTime, field: 'lastSuccessfulSignInDateTime' };
  const attempts: [string, string][] = [];
  for (const field of ['lastSignInDateTime', 'lastNonInteractiveSignInDateTime'] as const) {
    const at = activity[field];
    // Graph writes 0001-01-01T00:00:00Z for "never".
    if (at && Date.parse(at) > 0) attempts.push([field, at]);
  }
  if (attempts.length === 0) return null;
  const [field, at] = attempts.reduce((a, b) => (Date.parse(b[1]) > Date.parse(a[1]) ? b : a));
  return { at, field };
}

export function signInsById(list: readonly EntraSignIn[]): Map<string, EntraSignIn> {
  return new Map(list.map((s) => [s.id, s]));
}

/** The accounts the HR joins match: the lower-cased mail, userPrincipalName and SMTP proxy addresses. */
export function entraAccounts(users: readonly EntraUser[]): Account[] {
  return users.map((user) => {
    const aliases = user.proxyAddresses
      .filter((address) => /^smtp:/i.test(address))
      .map((address) => address.slice(5));
    const emails = [user.mail, user.userPrincipalName, ...aliases]
      .filter((email): email is string => !!email)
      .map((email) => email.trim().toLowerCase());
    const kind = isGuest(user) ? 'guest' : 'member';
    return {
      system: ENTRA_DIRECTORY.id,
      resource: userResource(user),
      name: user.userPrincipalName.toLowerCase(),
      active: user.accountEnabled,
      access: user.accountEnabled ? `enabled ${kind}` : `disabled ${kind}`,
      emails: [...new Set(emails)],
    };
  });
}

const includes = (list: readonly string[] | undefined, value: string) =>
  (list ?? []).some((item) => item.toLowerCase() === value.toLowerCase());

/** An enforced policy for every cloud app, client and place, with no risk or platform conditions. */
export function appliesEverywhere(policy: ConditionalAccessPolicy): boolean {
  const c = policy.conditions;
  const clients = c.clientAppTypes ?? [];
  return (
    policy.state === 'enabled' &&
    includes(c.applications?.includeApplications, 'All') &&
    (c.applications?.excludeApplications ?? []).length === 0 &&
    (clients.length === 0 || includes(clients, 'all')) &&
    (!c.locations ||
      (includes(c.locations.includeLocations, 'All') && (c.locations.excludeLocations ?? []).length === 0)) &&
    (!c.platforms ||
      (includes(c.platforms.includePlatforms, 'all') && (c.platforms.excludePlatforms ?? []).length === 0)) &&
    (c.signInRiskLevels ?? []).length === 0 &&
    (c.userRiskLevels ?? []).length === 0
  );
}

/** Grants access only with MFA: `mfa` or an authentication strength, and no alternative control under OR. */
export function demandsMfa(policy: ConditionalAccessPolicy): boolean {
  const grant = policy.grantControls;
  if (!grant) return false;
  const controls = grant.builtInControls ?? [];
  const strength = grant.authenticationStrength ? 1 : 0;
  if (!includes(controls, 'mfa') && !strength) return false;
  return grant.operator?.toUpperCase() === 'AND' || controls.length + strength === 1;
}

export const forAllUsers = (policy: ConditionalAccessPolicy) =>
  includes(policy.conditions.users?.includeUsers, 'All');

/** Who an all-users policy leaves out, for the message: break-glass accounts are expected here. */
export function exclusions(policy: ConditionalAccessPolicy): string | undefined {
  const u = policy.conditions.users ?? {};
  const parts = [
    [(u.excludeUsers ?? []).length, 'user'],
    [(u.excludeGroups ?? []).length, 'group'],
    [(u.excludeRoles ?? []).length, 'role'],
  ] as const;
  const text = parts
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}${n > 1 ? 's' : ''}`)
    .join(', ');
  return text || undefined;
}

/** Policies by what they demand, in the order of the tenant, for messages. */
export const policyNames = (policies: readonly ConditionalAccessPolicy[]) =>
  policies.map((p) => `'${p.displayName}'`).join(', ');

export function unlicensed(ca: ConditionalAccess): string {
  return `security defaults are off and the tenant has no conditional access (${ca.reason ?? 'no Entra ID P1 licence'})`;
}

import type {
  GooglePolicy,
  GoogleRole,
  GoogleRoleAssignment,
  GoogleSso,
  GoogleSsoAssignment,
  GoogleUser,
} from '../../src/collectors/google/data.js';
import { notChecked } from '../../src/engine/scope.js';
import type { Finding } from '../../src/engine/types.js';

/** Users who can sign in: neither suspended nor archived. */
export function activeUsers(users: readonly GoogleUser[]): GoogleUser[] {
  return users.filter((u) => !u.suspended && !u.archived);
}

/** Never signed in: the API reports 1970-01-01 (stored as null by the collector). */
export function neverSignedIn(user: GoogleUser): boolean {
  return !user.lastLoginTime || Date.parse(user.lastLoginTime) <= 0;
}

/**
 * Admin role names held by each user id: direct role assignments, roles held through a group (rows the
 * collector marked viaGroup), and the user flags (isAdmin = super admin, isDelegatedAdmin) for roles the
 * assignments do not show.
 */
export function adminRolesByUser(
  users: readonly GoogleUser[],
  roles: readonly GoogleRole[],
  assignments: readonly GoogleRoleAssignment[],
): Map<string, string[]> {
  const roleById = new Map(roles.map((r) => [r.roleId, r]));
  const out = new Map<string, Set<string>>();
  const superAdmins = new Set<string>();
  const add = (id: string, name: string) => {
    let set = out.get(id);
    if (!set) out.set(id, (set = new Set()));
    set.add(name);
  };
  for (const a of assignments) {
    if (a.assigneeType !== 'user') continue;
    const role = roleById.get(a.roleId);
    if (role?.isSuperAdminRole) superAdmins.add(a.assignedTo);
    const name = role?.roleName || `role ${a.roleId}`;
    add(a.assignedTo, a.viaGroup ? `${name} (via group ${a.viaGroup})` : name);
  }
  for (const u of users) {
    if (u.isAdmin && !superAdmins.has(u.id)) add(u.id, 'Super Admin');
    if (u.isDelegatedAdmin && !out.has(u.id)) add(u.id, 'delegated admin');
  }
  return new Map([...out].map(([id, set]) => [id, [...set].sort()]));
}

/**
 * An `error` finding for each group holding an admin role whose members could not be read: who holds
 * the role through it is unknown.
 */
export function roleGroupsNotRead(
  roles: readonly GoogleRole[],
  assignments: readonly GoogleRoleAssignment[],
): Finding[] {
  const roleById = new Map(roles.map((r) => [r.roleId, r]));
  return assignments.flatMap((a) => {
    if (!a.membersNotRead) return [];
    const role = roleById.get(a.roleId)?.roleName || `role ${a.roleId}`;
    return [notChecked(`group ${a.assignedTo}`, a.membersNotRead, `Who holds ${role} through the group`)];
  });
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Whether `path` is the org unit `unit` or one below it. */
export function inOrgUnit(path: string, unit: string): boolean {
  const base = unit.endsWith('/') && unit !== '/' ? unit.slice(0, -1) : unit;
  return base === '/' || path === base || path.startsWith(`${base}/`);
}

/** The exempt org unit (`exemptOrgUnits` option) a user is in, if any. */
export function exemptUnit(user: GoogleUser, exemptOrgUnits: readonly string[]): string | undefined {
  return exemptOrgUnits.find((unit) => inOrgUnit(user.orgUnitPath, unit));
}

/** The `exemptOrgUnits` option shared by the user checks: org unit paths whose users (sub-units too) are not judged. */
export const EXEMPT_ORG_UNITS_SCHEMA = {
  exemptOrgUnits: { type: 'array', items: { type: 'string', pattern: '^/' } },
} as const;

/**
 * Users in exempt org units get a passing finding saying so, the others are judged by `judge`.
 */
export function judgeUnlessExempt<F>(
  users: readonly GoogleUser[],
  exemptOrgUnits: readonly string[],
  judge: (user: GoogleUser) => F,
): (F | Finding)[] {
  return users.map((u) => {
    const unit = exemptUnit(u, exemptOrgUnits);
    return unit
      ? {
          resource: u.primaryEmail,
          status: 'pass' as const,
          message: `Exempt: in org unit ${unit} (exemptOrgUnits)`,
          details: { orgUnitPath: u.orgUnitPath },
        }
      : judge(u);
  });
}

/** How a user signs in through a third-party identity provider, when the user does. */
export interface SsoCoverage {
  /** The profile's display name (or resource name when the profiles list does not hold it). */
  profile: string;
  /** The assignment's target: `org unit /Sales` or `group groups/…`. */
  via: string;
}

/** How DOMAIN_WIDE_SAML_IF_ENABLED is named: the assignment names no profile of its own. */
const DOMAIN_WIDE_PROFILE = "the organization's domain-wide SAML profile";

function target(a: GoogleSsoAssignment): string {
  return a.group ? `group ${a.group}` : `org unit ${a.orgUnitPath ?? a.orgUnitId ?? '?'}`;
}

/**
 * The SSO assignment that applies to each user, by Google's precedence
 * (https://cloud.google.com/identity/docs/reference/rest/v1/inboundSsoAssignments): the group assignment
 * with the lowest rank among the user's groups, else the assignment of the innermost enclosing org unit.
 * A user is covered when that assignment sends them to an identity provider (SAML_SSO, OIDC_SSO, or
 * DOMAIN_WIDE_SAML_IF_ENABLED with a profile) and does not say NEVER redirect. Super admins are never
 * covered: Google does not send them to the identity provider, so 2SV protects them (https://support.google.com/a/answer/9464354).
 */
export function ssoCoverage(users: readonly GoogleUser[], sso: GoogleSso): Map<string, SsoCoverage> {
  const out = new Map<string, SsoCoverage>();
  if (sso.unread || sso.assignments.length === 0) return out;
  const profileName = new Map(sso.profiles.map((p) => [p.name, p.displayName]));
  const groups = sso.assignments.filter((a) => a.group && a.memberIds).sort((a, b) => a.rank - b.rank);
  const units = sso.assignments
    .filter((a) => a.orgUnitPath?.startsWith('/'))
    .sort((a, b) => b.orgUnitPath!.length - a.orgUnitPath!.length);
  for (const u of users) {
    if (u.isAdmin) continue;
    const applies =
      groups.find((a) => a.memberIds!.includes(u.id)) ??
      units.find((a) => inOrgUnit(u.orgUnitPath, a.orgUnitPath!));
    if (!applies || applies.redirectCondition === 'NEVER') continue;
    const profile =
      applies.ssoMode === 'SAML_SSO' || applies.ssoMode === 'OIDC_SSO'
        ? applies.profile
        : applies.ssoMode === 'DOMAIN_WIDE_SAML_IF_ENABLED' && sso.profiles.length > 0
          ? DOMAIN_WIDE_PROFILE
          : undefined;
    if (!profile) continue;
    out.set(u.id, { profile: profileName.get(profile) ?? profile, via: target(applies) });
  }
  return out;
}

/** An `error` finding for each SSO group assignment whose members could not be read: who it covers is unknown. */
export function ssoGroupsNotRead(sso: GoogleSso): Finding[] {
  return sso.assignments.flatMap((a) =>
    a.membersNotRead
      ? [notChecked(`group ${a.group}`, a.membersNotRead, 'Who signs in through SSO via the group')]
      : [],
  );
}

/** A passing finding for a user who signs in through the identity provider, where Google's 2SV does not apply. */
export function coveredBySso(user: GoogleUser, sso: SsoCoverage): Finding {
  return {
    resource: user.primaryEmail,
    status: 'pass',
    message: `Covered by SSO: signs in through ${sso.profile} (${sso.via}), where the identity provider's MFA applies instead of Google 2-Step Verification`,
    details: { ssoProfile: sso.profile, ssoAssignment: sso.via, isEnrolledIn2Sv: user.isEnrolledIn2Sv },
  };
}

/** Appended to 2SV failures when SSO assignments could not be read. */
export function ssoCaveat(sso: GoogleSso): string {
  return sso.unread
    ? ' (SSO assignments not read; if this user signs in through SSO, 2SV does not apply)'
    : '';
}

/** What one policy's value says: pass or fail, and why. */
export interface PolicyVerdict {
  pass: boolean;
  message: string;
}

/**
 * One finding per Cloud Identity policy of `setting` (per org unit or group it is set for), resource
 * `policy:<setting>:<org unit path or group>`. When the API returns none, Google's documented default
 * applies to everyone (https://cloud.google.com/identity/docs/concepts/supported-policy-api-settings) and
 * is judged on the root org unit.
 */
export function judgePolicies(
  policies: readonly GooglePolicy[],
  setting: string,
  defaults: Record<string, unknown>,
  judge: (value: Record<string, unknown>) => PolicyVerdict,
): Finding[] {
  const mine = policies.filter((p) => p.setting === setting);
  const targets: Omit<GooglePolicy, 'name'>[] =
    mine.length > 0 ? mine : [{ setting, value: defaults, type: 'DEFAULT', orgUnit: '/' }];
  return targets.map((p): Finding => {
    const { pass, message } = judge({ ...defaults, ...p.value });
    const where = p.orgUnit ?? p.group ?? '/';
    return {
      resource: `policy:${setting}:${where}`,
      status: pass ? 'pass' : 'fail',
      message: `${message}${p.type === 'DEFAULT' ? " (no policy returned: Google's default)" : ''}`,
      details: {
        setting,
        ...(p.group ? { group: p.group } : { orgUnit: where }),
        type: p.type,
        value: p.value,
      },
    };
  });
}

/**
 * A 2-Step Verification check over every active user: a user signing in through SSO is covered by it,
 * a user in an exempt org unit is not judged, every other user gets `judge`; SSO groups whose members
 * could not be read are not checked.
 */
export function activeUsersTwoStep(
  users: readonly GoogleUser[],
  sso: GoogleSso,
  exemptOrgUnits: readonly string[],
  organization: string,
  judge: (user: GoogleUser) => Finding,
): Finding[] {
  const active = activeUsers(users);
  const notRead = ssoGroupsNotRead(sso);
  if (active.length === 0 && notRead.length === 0)
    return [{ resource: organization, status: 'pass', message: 'No active Google Workspace users' }];
  const covered = ssoCoverage(active, sso);
  const findings = judgeUnlessExempt(active, exemptOrgUnits, (u): Finding => {
    const viaSso = covered.get(u.id);
    return viaSso ? coveredBySso(u, viaSso) : judge(u);
  });
  return [...findings, ...notRead];
}

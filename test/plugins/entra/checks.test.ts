import { describeCheck } from '../../../src/sdk/testing.js';
import dormantAccounts from '../../../plugins/entra/checks/dormant-accounts.js';
import globalAdmins from '../../../plugins/entra/checks/global-admins.js';
import legacyAuthBlocked from '../../../plugins/entra/checks/legacy-auth-blocked.js';
import mfaRegistered from '../../../plugins/entra/checks/mfa-registered.js';
import mfaRequired from '../../../plugins/entra/checks/mfa-required.js';
import neverSignedIn from '../../../plugins/entra/checks/never-signed-in.js';
import offboarding from '../../../plugins/entra/checks/offboarding.js';
import orphans from '../../../plugins/entra/checks/orphans.js';
import staleGuests from '../../../plugins/entra/checks/stale-guests.js';
import type {
  ConditionalAccessPolicy,
  EntraRegistration,
  EntraRoleAssignment,
  EntraSignIn,
  EntraUser,
} from '../../../plugins/entra/data.js';

// describeCheck evaluates at 2026-06-30T12:00:00Z.
const GA = '62e90394-69f5-4237-9190-012177145e10';

const user = (local: string, fields: Partial<EntraUser> = {}): EntraUser => ({
  id: local,
  userPrincipalName: `${local}@acme.example`,
  mail: `${local}@acme.example`,
  displayName: local,
  accountEnabled: true,
  userType: 'Member',
  createdDateTime: '2024-01-01T00:00:00Z',
  onPremisesSyncEnabled: null,
  proxyAddresses: [],
  externalUserState: null,
  ...fields,
});
const signIn = (id: string, fields: Partial<EntraSignIn> = {}): EntraSignIn => ({
  id,
  lastSignInDateTime: null,
  lastNonInteractiveSignInDateTime: null,
  lastSuccessfulSignInDateTime: null,
  ...fields,
});
const registered = (id: string, isMfaRegistered = true): EntraRegistration => ({
  id,
  userPrincipalName: `${id}@acme.example`,
  userType: 'member',
  isAdmin: false,
  isMfaRegistered,
  isMfaCapable: isMfaRegistered,
  methodsRegistered: isMfaRegistered ? ['fido2'] : [],
});
const policy = (
  fields: Partial<Omit<ConditionalAccessPolicy, 'conditions'>> & {
    conditions?: Partial<ConditionalAccessPolicy['conditions']>;
  } = {},
): ConditionalAccessPolicy => ({
  id: 'p',
  displayName: 'Require MFA',
  state: 'enabled',
  ...fields,
  conditions: {
    users: { includeUsers: ['All'] },
    applications: { includeApplications: ['All'] },
    clientAppTypes: ['all'],
    ...fields.conditions,
  },
  grantControls: fields.grantControls ?? {
    operator: 'OR',
    builtInControls: ['mfa'],
    authenticationStrength: null,
  },
});
const ca = (...policies: ConditionalAccessPolicy[]) => ({ licensed: true, policies });
const off = { isEnabled: false };

describeCheck(mfaRegistered, [
  {
    name: 'enabled members with MFA pass; disabled members and guests are not judged',
    data: {
      'entra.users': [user('a'), user('b', { accountEnabled: false }), user('g', { userType: 'Guest' })],
      'entra.registration': [registered('a'), registered('b', false), registered('g', false)],
    },
    status: 'pass',
    passing: ['entra:a@acme.example'],
  },
  {
    name: 'an enabled member without MFA fails',
    data: {
      'entra.users': [user('a'), user('c')],
      'entra.registration': [registered('a'), registered('c', false)],
    },
    status: 'fail',
    failing: ['entra:c@acme.example'],
    message: /has not registered MFA/,
  },
  {
    name: 'a member missing from the registration report is not checked',
    data: { 'entra.users': [user('new')], 'entra.registration': [] },
    status: 'error',
    notChecked: ['entra:new@acme.example'],
  },
]);

describeCheck(mfaRequired, [
  {
    name: 'security defaults pass both',
    data: { 'entra.conditionalAccess': ca(), 'entra.securityDefaults': { isEnabled: true } },
    status: 'pass',
  },
  {
    name: 'an enforced all-users MFA policy covers users and every admin role',
    data: { 'entra.conditionalAccess': ca(policy()), 'entra.securityDefaults': off },
    status: 'pass',
  },
  {
    name: 'an authentication strength counts as MFA',
    data: {
      'entra.conditionalAccess': ca(
        policy({
          grantControls: {
            operator: 'OR',
            builtInControls: [],
            authenticationStrength: { id: 'x', displayName: 'Phishing-resistant MFA' },
          },
        }),
      ),
      'entra.securityDefaults': off,
    },
    status: 'pass',
  },
  {
    name: 'report-only, MFA OR compliant device, and trusted-location exemptions do not count',
    data: {
      'entra.conditionalAccess': ca(
        policy({ state: 'enabledForReportingButNotEnforced' }),
        policy({ grantControls: { operator: 'OR', builtInControls: ['mfa', 'compliantDevice'] } }),
        policy({
          conditions: { locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] } },
        }),
      ),
      'entra.securityDefaults': off,
    },
    status: 'fail',
    failing: ['entra:mfa-required/all-users', 'entra:mfa-required/admins'],
  },
  {
    name: 'MFA AND compliant device counts',
    data: {
      'entra.conditionalAccess': ca(
        policy({ grantControls: { operator: 'AND', builtInControls: ['mfa', 'compliantDevice'] } }),
      ),
      'entra.securityDefaults': off,
    },
    status: 'pass',
  },
  {
    name: 'an all-users policy that excludes Global Administrator leaves admins uncovered',
    data: {
      'entra.conditionalAccess': ca(
        policy({ conditions: { users: { includeUsers: ['All'], excludeRoles: [GA] } } }),
      ),
      'entra.securityDefaults': off,
    },
    status: 'fail',
    failing: ['entra:mfa-required/admins'],
    message: /Global Administrator/,
  },
  {
    name: 'no P1 licence and no security defaults fail',
    data: {
      'entra.conditionalAccess': { licensed: false, reason: 'needs P1', policies: [] },
      'entra.securityDefaults': off,
    },
    status: 'fail',
    message: /security defaults are off/,
  },
]);

const legacyBlock = (state = 'enabled') =>
  policy({
    state,
    conditions: { clientAppTypes: ['exchangeActiveSync', 'other'] },
    grantControls: { operator: 'OR', builtInControls: ['block'] },
  });
describeCheck(legacyAuthBlocked, [
  {
    name: 'an enabled block of legacy clients passes',
    data: { 'entra.conditionalAccess': ca(legacyBlock()), 'entra.securityDefaults': off },
    status: 'pass',
  },
  {
    name: 'a report-only block fails',
    data: {
      'entra.conditionalAccess': ca(legacyBlock('enabledForReportingButNotEnforced')),
      'entra.securityDefaults': off,
    },
    status: 'fail',
    message: /would, but is enabledForReportingButNotEnforced/,
  },
  {
    name: 'blocking only Exchange ActiveSync is not enough',
    data: {
      'entra.conditionalAccess': ca(
        policy({
          conditions: { clientAppTypes: ['exchangeActiveSync'] },
          grantControls: { builtInControls: ['block'] },
        }),
      ),
      'entra.securityDefaults': off,
    },
    status: 'fail',
  },
]);

const ga = (id: string, fields: Partial<EntraRoleAssignment> = {}): EntraRoleAssignment => ({
  roleDefinitionId: GA,
  roleTemplateId: GA,
  roleName: 'Global Administrator',
  directoryScopeId: '/',
  kind: 'active',
  principal: { id, type: 'user', name: `${id}@acme.example`, accountEnabled: true },
  ...fields,
});
const roles = (...assignments: EntraRoleAssignment[]) => ({
  assignments,
  eligible: { status: 'ok' as const },
});
describeCheck(globalAdmins, [
  {
    name: 'two admins with MFA pass; a disabled one and an administrative-unit scope do not count',
    data: {
      'entra.roles': roles(
        ga('a'),
        ga('b', { kind: 'eligible' }),
        ga('x', { principal: { id: 'x', type: 'user', name: 'x@acme.example', accountEnabled: false } }),
        ga('y', { directoryScopeId: '/administrativeUnits/1' }),
      ),
      'entra.registration': [registered('a'), registered('b')],
    },
    status: 'pass',
    passing: ['entra:role/global-administrator', 'entra:a@acme.example', 'entra:b@acme.example'],
  },
  {
    name: 'one admin is too few',
    data: { 'entra.roles': roles(ga('a')), 'entra.registration': [registered('a')] },
    status: 'fail',
    failing: ['entra:role/global-administrator'],
  },
  {
    name: 'a group member counts once and without MFA fails',
    data: {
      'entra.roles': roles(
        ga('a'),
        ga('g', {
          principal: { id: 'g', type: 'group', name: 'Admins' },
          members: {
            status: 'ok',
            users: [
              { id: 'a', type: 'user', name: 'a@acme.example' },
              { id: 'c', type: 'user', name: 'c@acme.example' },
            ],
          },
        }),
      ),
      'entra.registration': [registered('a'), registered('c', false)],
    },
    status: 'fail',
    failing: ['entra:c@acme.example'],
  },
  {
    name: 'the limits are options',
    data: { 'entra.roles': roles(ga('a')), 'entra.registration': [registered('a')] },
    options: { minAdmins: 1 },
    status: 'pass',
  },
]);

describeCheck(dormantAccounts, [
  {
    name: 'a recent successful sign-in passes; a non-interactive one counts when no success is recorded',
    data: {
      'entra.users': [user('a'), user('b')],
      'entra.signIns': [
        signIn('a', { lastSuccessfulSignInDateTime: '2026-06-01T00:00:00Z' }),
        signIn('b', {
          lastSignInDateTime: '2025-01-01T00:00:00Z',
          lastNonInteractiveSignInDateTime: '2026-06-20T00:00:00Z',
        }),
      ],
    },
    status: 'pass',
    passing: ['entra:a@acme.example', 'entra:b@acme.example'],
  },
  {
    name: 'an account unused for more than 90 days fails; Graph\'s 0001-01-01 "never" is ignored',
    data: {
      'entra.users': [user('a')],
      'entra.signIns': [
        signIn('a', {
          lastSignInDateTime: '2026-01-01T00:00:00Z',
          lastNonInteractiveSignInDateTime: '0001-01-01T00:00:00Z',
        }),
      ],
    },
    status: 'fail',
    failing: ['entra:a@acme.example'],
    message: /last signed in 180 days ago/,
  },
]);

describeCheck(neverSignedIn, [
  {
    name: 'a new account may be unused',
    data: {
      'entra.users': [user('n', { createdDateTime: '2026-06-25T00:00:00Z' })],
      'entra.signIns': [signIn('n')],
    },
    status: 'pass',
  },
  {
    name: 'an old account that never signed in fails',
    data: { 'entra.users': [user('o')], 'entra.signIns': [signIn('o')] },
    status: 'fail',
    failing: ['entra:o@acme.example'],
  },
]);

const guestUser = (local: string, created: string, state = 'Accepted') =>
  user(local, {
    userType: 'Guest',
    mail: `${local}@partner.example`,
    createdDateTime: created,
    externalUserState: state,
  });
describeCheck(staleGuests, [
  {
    name: 'an active guest and a fresh invitation pass',
    data: {
      'entra.users': [
        guestUser('p', '2025-01-01T00:00:00Z'),
        guestUser('q', '2026-06-28T00:00:00Z', 'PendingAcceptance'),
      ],
      'entra.signIns': [signIn('p', { lastSuccessfulSignInDateTime: '2026-06-29T00:00:00Z' }), signIn('q')],
    },
    status: 'pass',
  },
  {
    name: 'an unused guest and an old pending invitation fail',
    data: {
      'entra.users': [
        guestUser('s', '2025-01-01T00:00:00Z'),
        guestUser('t', '2026-01-01T00:00:00Z', 'PendingAcceptance'),
      ],
      'entra.signIns': [signIn('s', { lastSuccessfulSignInDateTime: '2025-06-01T00:00:00Z' }), signIn('t')],
    },
    status: 'fail',
    failing: ['entra:s@acme.example', 'entra:t@acme.example'],
  },
]);

const roster = (people: { email: string; status: string; endDate?: string }[]) => ({
  people: people.map((p) => ({ name: p.email, employmentType: 'employee', ...p })),
});
describeCheck(offboarding, [
  {
    name: 'a terminated person whose account is disabled passes',
    data: {
      'hr.roster': roster([{ email: 'ben@acme.example', status: 'terminated', endDate: '2026-06-01' }]),
      'entra.users': [user('ben', { accountEnabled: false })],
    },
    status: 'pass',
  },
  {
    name: 'a terminated person still enabled through an alias fails',
    data: {
      'hr.roster': roster([
        { email: 'ben.okafor@acme.example', status: 'terminated', endDate: '2026-06-01' },
      ]),
      'entra.users': [
        user('bo', {
          mail: 'bo@acme.example',
          proxyAddresses: ['SMTP:bo@acme.example', 'smtp:Ben.Okafor@acme.example'],
        }),
      ],
    },
    status: 'fail',
    failing: ['entra:bo@acme.example'],
  },
]);

describeCheck(orphans, [
  {
    name: 'accounts matching the roster by alias, allow-listed accounts and guests pass',
    data: {
      'hr.roster': roster([{ email: 'felix@acme.example', status: 'active' }]),
      'entra.users': [
        user('f.brandt', { proxyAddresses: ['smtp:felix@acme.example'] }),
        user('svc-backup'),
        user('guest', { userType: 'Guest' }),
      ],
    },
    options: { allow: ['svc-*'] },
    status: 'pass',
  },
  {
    name: 'an enabled member nobody owns fails',
    data: { 'hr.roster': roster([]), 'entra.users': [user('qa.shared')] },
    status: 'fail',
    failing: ['entra:qa.shared@acme.example'],
  },
]);

import type { FakeTenant, Json } from './server.js';

/**
 * Lumen Ledger's Entra ID tenant as Microsoft Graph v1.0 returns it, dates relative to `now`. Seeded
 * defects, each beside a clean look-alike:
 * - MFA: erin.kowalski and kai.larsen have not registered MFA (a disabled account and a guest without
 *   MFA are not judged); the all-users MFA policy is report-only (the admins policy is enforced, and an
 *   all-users policy that exempts trusted locations does not count); the legacy-auth block is disabled.
 * - Global Administrator: five holders (alice active, carla PIM-eligible, dana through a role-assignable
 *   group, erin without MFA, a service principal); a disabled former admin and an administrative-unit
 *   scoped assignment are not counted.
 * - Dormant: hana.sato last signed in 200 days ago (ivan.petrov only non-interactively, 10 days ago).
 * - Never signed in: tara.singh, created 120 days ago (yusuf.demir, created 7 days ago, is starting).
 * - Guests: an auditor unused for 200 days and an invitation pending for 60 days (a partner active 5 days
 *   ago and an invitation sent 3 days ago pass).
 * - HR: ben.okafor, terminated, is still enabled (gus.moreau is disabled); qa.shared matches nobody
 *   (f.brandt matches Felix Brandt through a proxy address; scanner-svc is allow-listed).
 * `cleanLumenLedger` fixes every defect, so every check passes.
 */

export const DOMAIN = 'lumenledger.example';
export const TENANT_ID = '5f1c3a9e-2b7d-4c61-9e0f-8a4d2c7b1e30';
export const CLIENT_ID = '3c9a7e51-64b2-4f0d-8e13-9b2a5d6c7f48';
export const CLIENT_SECRET = 'Qx8~fake.SECRET-value_only-for-tests-7Hd2';

const ROLE = {
  globalAdmin: '62e90394-69f5-4237-9190-012177145e10',
  privilegedRoleAdmin: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  privilegedAuthAdmin: '7be44c8a-adaf-4e2a-84d6-ab2649e08a13',
  securityAdmin: '194ae4cb-b126-40b2-bd5b-6091b380977d',
  conditionalAccessAdmin: 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9',
  userAdmin: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  globalReader: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
};
const ADMIN_GROUP = 'a7d0c1e2-3f45-4b67-8c9d-0e1f2a3b4c5d';
const SERVICE_PRINCIPAL = 'b8e1d2f3-4a56-4c78-9d0e-1f2a3b4c5d6e';

interface Account {
  local: string;
  name: string;
  /** Days before now; null: never. */
  lastSuccess: number | null;
  lastNonInteractive?: number;
  created: number;
  enabled?: boolean;
  guest?: { mail: string; state: string };
  mfa?: boolean;
  aliases?: string[];
}

const ACCOUNTS: Account[] = [
  { local: 'alice.nguyen', name: 'Alice Nguyen', lastSuccess: 0, created: 1290 },
  { local: 'carla.diaz', name: 'Carla Diaz', lastSuccess: 1, created: 1288 },
  { local: 'dana.reyes', name: 'Dana Reyes', lastSuccess: 2, created: 1300 },
  { local: 'erin.kowalski', name: 'Erin Kowalski', lastSuccess: 3, created: 1000, mfa: false },
  { local: 'kai.larsen', name: 'Kai Larsen', lastSuccess: 4, created: 700, mfa: false },
  { local: 'ben.okafor', name: 'Ben Okafor', lastSuccess: 38, created: 1000 },
  { local: 'gus.moreau', name: 'Gus Moreau', lastSuccess: 2, created: 900, enabled: false },
  {
    local: 'old.admin',
    name: 'Former IT Admin',
    lastSuccess: 400,
    created: 1500,
    enabled: false,
    mfa: false,
  },
  { local: 'hana.sato', name: 'Hana Sato', lastSuccess: 200, created: 1200 },
  { local: 'ivan.petrov', name: 'Ivan Petrov', lastSuccess: null, lastNonInteractive: 10, created: 1100 },
  { local: 'jonas.weber', name: 'Jonas Weber', lastSuccess: 80, created: 1000 },
  { local: 'tara.singh', name: 'Tara Singh', lastSuccess: null, created: 120 },
  { local: 'yusuf.demir', name: 'Yusuf Demir', lastSuccess: null, created: 7 },
  { local: 'qa.shared', name: 'QA shared login', lastSuccess: 6, created: 600 },
  {
    local: 'f.brandt',
    name: 'Felix Brandt',
    lastSuccess: 1,
    created: 1100,
    aliases: ['SMTP:f.brandt@lumenledger.example', 'smtp:felix.brandt@lumenledger.example'],
  },
  { local: 'scanner-svc', name: 'Scanner service account', lastSuccess: 0, created: 300 },
  {
    local: 'auditor_cpa-firm.example#EXT#',
    name: 'External auditor',
    lastSuccess: 200,
    created: 400,
    guest: { mail: 'auditor@cpa-firm.example', state: 'Accepted' },
    mfa: false,
  },
  {
    local: 'consultant_agency.example#EXT#',
    name: 'Agency consultant',
    lastSuccess: null,
    created: 60,
    guest: { mail: 'consultant@agency.example', state: 'PendingAcceptance' },
    mfa: false,
  },
  {
    local: 'partner_bank.example#EXT#',
    name: 'Bank partner',
    lastSuccess: 5,
    created: 500,
    guest: { mail: 'partner@bank.example', state: 'Accepted' },
    mfa: false,
  },
  {
    local: 'newvendor_vendor.example#EXT#',
    name: 'New vendor',
    lastSuccess: null,
    created: 3,
    guest: { mail: 'newvendor@vendor.example', state: 'PendingAcceptance' },
    mfa: false,
  },
];

const idOf = (index: number) => `0000${index.toString(16).padStart(4, '0')}-1e2d-4c3b-8a59-6f7e8d9c0b1a`;
const ago = (now: Date, days: number) =>
  new Date(now.getTime() - days * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
const NEVER = '0001-01-01T00:00:00Z';

function user(account: Account, index: number, now: Date): FakeTenant['users'][number] {
  const upn = account.guest ? `${account.local}@lumenledger.onmicrosoft.com` : `${account.local}@${DOMAIN}`;
  const mail = account.guest?.mail ?? upn;
  const success = account.lastSuccess === null ? null : ago(now, account.lastSuccess);
  return {
    id: idOf(index),
    userPrincipalName: upn,
    mail,
    displayName: account.name,
    accountEnabled: account.enabled ?? true,
    userType: account.guest ? 'Guest' : 'Member',
    createdDateTime: ago(now, account.created),
    onPremisesSyncEnabled: null,
    proxyAddresses: account.aliases ?? [`SMTP:${mail}`],
    externalUserState: account.guest?.state ?? null,
    signInActivity: {
      lastSignInDateTime: success,
      lastSignInRequestId: success ? `req-${index}` : null,
      lastNonInteractiveSignInDateTime:
        account.lastNonInteractive !== undefined ? ago(now, account.lastNonInteractive) : NEVER,
      lastNonInteractiveSignInRequestId: null,
      lastSuccessfulSignInDateTime: success,
      lastSuccessfulSignInRequestId: success ? `req-${index}` : null,
    },
  };
}

const userId = (tenant: FakeTenant, local: string) =>
  tenant.users.find((u) => String(u.userPrincipalName).startsWith(`${local}@`))!.id;

function policy(
  id: string,
  displayName: string,
  state: string,
  users: Json,
  clientAppTypes: string[],
  grant: Json,
  extra: Json = {},
): Json {
  return {
    id,
    displayName,
    createdDateTime: '2025-01-10T09:00:00Z',
    modifiedDateTime: '2026-03-01T09:00:00Z',
    state,
    conditions: {
      userRiskLevels: [],
      signInRiskLevels: [],
      clientAppTypes,
      platforms: null,
      locations: null,
      applications: { includeApplications: ['All'], excludeApplications: [], includeUserActions: [] },
      users: {
        includeUsers: [],
        excludeUsers: [],
        includeGroups: [],
        excludeGroups: [],
        includeRoles: [],
        excludeRoles: [],
        ...users,
      },
      ...extra,
    },
    grantControls: {
      operator: 'OR',
      builtInControls: [],
      customAuthenticationFactors: [],
      termsOfUse: [],
      authenticationStrength: null,
      ...grant,
    },
    sessionControls: null,
  };
}

export function lumenLedgerTenant(now: Date): FakeTenant {
  const tenant: FakeTenant = {
    tenantId: TENANT_ID,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    licences: { p1: true, p2: true },
    permissions: [
      'User.Read.All',
      'AuditLog.Read.All',
      'Policy.Read.All',
      'RoleManagement.Read.Directory',
      'GroupMember.Read.All',
    ],
    users: ACCOUNTS.map((account, index) => user(account, index + 1, now)),
    registration: [],
    roleDefinitions: [
      ['Global Administrator', ROLE.globalAdmin],
      ['Privileged Role Administrator', ROLE.privilegedRoleAdmin],
      ['Privileged Authentication Administrator', ROLE.privilegedAuthAdmin],
      ['Security Administrator', ROLE.securityAdmin],
      ['Conditional Access Administrator', ROLE.conditionalAccessAdmin],
      ['User Administrator', ROLE.userAdmin],
      ['Global Reader', ROLE.globalReader],
    ].map(([displayName, id]) => ({ id, displayName, templateId: id, isBuiltIn: true })),
    roleAssignments: [],
    roleEligibilitySchedules: [],
    groupMembers: {},
    conditionalAccessPolicies: [],
    securityDefaults: { isEnabled: false },
  };
  tenant.registration = ACCOUNTS.map((account, index) => {
    const u = tenant.users[index]!;
    const mfa = account.mfa ?? true;
    return {
      id: u.id,
      userPrincipalName: u.userPrincipalName,
      userDisplayName: account.name,
      userType: account.guest ? 'guest' : 'member',
      isAdmin: ['alice.nguyen', 'carla.diaz', 'erin.kowalski'].includes(account.local),
      isSsprRegistered: mfa,
      isSsprEnabled: true,
      isSsprCapable: mfa,
      isMfaRegistered: mfa,
      isMfaCapable: mfa,
      isPasswordlessCapable: false,
      isSystemPreferredAuthenticationMethodEnabled: true,
      methodsRegistered: mfa
        ? ['microsoftAuthenticatorPush', 'softwareOneTimePasscode']
        : account.guest
          ? []
          : ['email'],
      defaultMfaMethod: mfa ? 'microsoftAuthenticatorPush' : 'none',
      userPreferredMethodForSecondaryAuthentication: mfa ? 'push' : 'none',
      systemPreferredAuthenticationMethods: mfa ? ['push'] : [],
      lastUpdatedDateTime: ago(now, 1),
    };
  });
  const assignment = (n: number, role: string, principalId: string, directoryScopeId = '/') => ({
    id: `assignment-${n}`,
    roleDefinitionId: role,
    principalId,
    directoryScopeId,
  });
  tenant.roleAssignments = [
    assignment(1, ROLE.globalAdmin, userId(tenant, 'alice.nguyen')),
    assignment(2, ROLE.globalAdmin, userId(tenant, 'erin.kowalski')),
    {
      ...assignment(3, ROLE.globalAdmin, ADMIN_GROUP),
      principal: {
        '@odata.type': '#microsoft.graph.group',
        id: ADMIN_GROUP,
        displayName: 'Tenant Admins',
        isAssignableToRole: true,
      },
    },
    {
      ...assignment(4, ROLE.globalAdmin, SERVICE_PRINCIPAL),
      principal: {
        '@odata.type': '#microsoft.graph.servicePrincipal',
        id: SERVICE_PRINCIPAL,
        displayName: 'Terraform Deployer',
        accountEnabled: true,
      },
    },
    assignment(5, ROLE.globalAdmin, userId(tenant, 'old.admin')),
    assignment(
      6,
      ROLE.globalAdmin,
      userId(tenant, 'jonas.weber'),
      '/administrativeUnits/5d4c3b2a-1908-4f7e-8d6c-5b4a39281706',
    ),
    assignment(7, ROLE.globalReader, userId(tenant, 'kai.larsen')),
  ];
  tenant.roleEligibilitySchedules = [
    {
      id: 'eligibility-1',
      roleDefinitionId: ROLE.globalAdmin,
      principalId: userId(tenant, 'carla.diaz'),
      directoryScopeId: '/',
      memberType: 'Direct',
      status: 'Provisioned',
      scheduleInfo: { startDateTime: ago(now, 300), expiration: { type: 'noExpiration' } },
    },
  ];
  tenant.groupMembers = { [ADMIN_GROUP]: [userId(tenant, 'dana.reyes')] };
  tenant.conditionalAccessPolicies = [
    policy(
      'c1a2b3c4-0001-4000-8000-000000000001',
      'Require MFA for admins',
      'enabled',
      {
        includeRoles: [
          ROLE.globalAdmin,
          ROLE.privilegedRoleAdmin,
          ROLE.privilegedAuthAdmin,
          ROLE.securityAdmin,
          ROLE.conditionalAccessAdmin,
          ROLE.userAdmin,
        ],
      },
      ['all'],
      { builtInControls: ['mfa'] },
    ),
    policy(
      'c1a2b3c4-0002-4000-8000-000000000002',
      'Require MFA for all users',
      'enabledForReportingButNotEnforced',
      { includeUsers: ['All'], excludeUsers: [userId(tenant, 'scanner-svc')] },
      ['all'],
      { builtInControls: ['mfa'] },
    ),
    policy(
      'c1a2b3c4-0003-4000-8000-000000000003',
      'MFA away from the office',
      'enabled',
      { includeUsers: ['All'] },
      ['all'],
      { builtInControls: ['mfa'] },
      { locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] } },
    ),
    policy(
      'c1a2b3c4-0004-4000-8000-000000000004',
      'Block legacy authentication',
      'disabled',
      { includeUsers: ['All'] },
      ['exchangeActiveSync', 'other'],
      { builtInControls: ['block'] },
    ),
  ];
  return tenant;
}

/** The same tenant with every seeded defect fixed: each check passes. */
export function cleanLumenLedger(now: Date): FakeTenant {
  const tenant = lumenLedgerTenant(now);
  const drop = new Set(
    ['qa.shared', 'auditor_cpa-firm.example#EXT#', 'consultant_agency.example#EXT#'].map((l) =>
      userId(tenant, l),
    ),
  );
  tenant.users = tenant.users.filter((u) => !drop.has(u.id));
  for (const u of tenant.users) {
    if (String(u.userPrincipalName).startsWith('ben.okafor@')) u.accountEnabled = false;
    if (/^(hana\.sato|tara\.singh)@/.test(String(u.userPrincipalName)))
      u.signInActivity = { ...u.signInActivity, lastSuccessfulSignInDateTime: ago(now, 3) };
  }
  for (const r of tenant.registration)
    if (!String(r.userType).startsWith('guest'))
      Object.assign(r, { isMfaRegistered: true, methodsRegistered: ['fido2'] });
  tenant.roleAssignments = tenant.roleAssignments.filter(
    (a) => a.principalId !== SERVICE_PRINCIPAL && a.principalId !== userId(tenant, 'erin.kowalski'),
  );
  for (const p of tenant.conditionalAccessPolicies) if (p.state !== 'enabled') p.state = 'enabled';
  return tenant;
}

import type { FakeTenant, Json } from './server.js';

/**
 * Lumen Ledger's Google Workspace as the Admin SDK returns it, with every date relative to `now`, so the
 * same tenant drives the end-to-end tests (now = the wall clock) and the demo snapshot (now =
 * 2026-11-02T09:00:00.000Z). Known problems, one per check: five super admins, a suspended user who is
 * still Groups Admin, two users without 2SV, a Sales OU without enforcement, an inactive account, an
 * account that never signed in, apps with full Drive and full Gmail, a group with a gmail.com member,
 * and a suspicious sign-in. Support signs in through Okta (a Cloud Identity SSO assignment), so Olivia's
 * missing 2SV is covered by SSO; Ivan keeps an app password; three phones are unencrypted, unlocked or
 * rooted; a service account holds User Management Admin; Cloud Identity policies allow 8-character
 * passwords, 14-day sessions and external Drive sharing from Sales.
 */

export const DOMAIN = 'lumenledger.example';
export const CUSTOMER_ID = 'C03lumen42';
export const SUPER_ADMIN_ROLE_ID = '91447453409035734';
const GROUPS_ADMIN_ROLE_ID = '91447453409035735';
const USER_MGMT_ROLE_ID = '91447453409035736';
const HELP_DESK_ROLE_ID = '91447453409035737';
/** The IAM uniqueId of a service account holding an admin role. */
export const SERVICE_ACCOUNT_ID = '104918273645019283746';
const OKTA_PROFILE = 'inboundSamlSsoProfiles/02x8m3lumen0okta';
const ORG_UNITS = [
  '/',
  '/Engineering',
  '/Finance',
  '/Leadership',
  '/Marketing',
  '/Operations',
  '/People',
  '/Product',
  '/Sales',
  '/Support',
];

interface Person {
  local: string;
  name: string;
  ou: string;
  /** Days before now; null = never signed in. */
  lastLogin: number | null;
  created: number;
  superAdmin?: boolean;
  delegatedRole?: string;
  suspended?: boolean;
  enrolled?: boolean;
  enforced?: boolean;
}

const PEOPLE: Person[] = [
  {
    local: 'alice.nguyen',
    name: 'Alice Nguyen',
    ou: '/Leadership',
    lastLogin: 0,
    created: 1290,
    superAdmin: true,
  },
  { local: 'ben.okafor', name: 'Ben Okafor', ou: '/Engineering', lastLogin: 38, created: 820 },
  {
    local: 'carla.diaz',
    name: 'Carla Diaz',
    ou: '/Leadership',
    lastLogin: 1,
    created: 1288,
    superAdmin: true,
  },
  {
    local: 'dev.patel',
    name: 'Dev Patel',
    ou: '/Engineering',
    lastLogin: 0,
    created: 1100,
    superAdmin: true,
  },
  {
    local: 'erin.kowalski',
    name: 'Erin Kowalski',
    ou: '/Operations',
    lastLogin: 2,
    created: 990,
    superAdmin: true,
  },
  {
    local: 'felix.brandt',
    name: 'Felix Brandt',
    ou: '/Finance',
    lastLogin: 6,
    created: 960,
    superAdmin: true,
  },
  {
    local: 'gus.moreau',
    name: 'Gus Moreau',
    ou: '/Support',
    lastLogin: 64,
    created: 900,
    suspended: true,
    delegatedRole: GROUPS_ADMIN_ROLE_ID,
  },
  {
    local: 'hana.sato',
    name: 'Hana Sato',
    ou: '/Sales',
    lastLogin: 3,
    created: 400,
    enrolled: false,
    enforced: false,
  },
  { local: 'ivan.petrov', name: 'Ivan Petrov', ou: '/Sales', lastLogin: 1, created: 380, enforced: false },
  { local: 'jonas.weber', name: 'Jonas Weber', ou: '/Sales', lastLogin: 5, created: 300, enforced: false },
  { local: 'kai.larsen', name: 'Kai Larsen', ou: '/Engineering', lastLogin: 127, created: 700 },
  {
    local: 'lena.fischer',
    name: 'Lena Fischer',
    ou: '/Engineering',
    lastLogin: null,
    created: 52,
    enrolled: false,
  },
  { local: 'maya.cohen', name: 'Maya Cohen', ou: '/Operations', lastLogin: 0, created: 610 },
  { local: 'noah.kim', name: 'Noah Kim', ou: '/Engineering', lastLogin: 1, created: 560 },
  {
    local: 'olivia.brown',
    name: 'Olivia Brown',
    ou: '/Support',
    lastLogin: 2,
    created: 530,
    enrolled: false,
    enforced: false,
  },
  { local: 'priya.raman', name: 'Priya Raman', ou: '/Engineering', lastLogin: 0, created: 500 },
  { local: 'quinn.obrien', name: "Quinn O'Brien", ou: '/Finance', lastLogin: 4, created: 470 },
  {
    local: 'rosa.alvarez',
    name: 'Rosa Alvarez',
    ou: '/People',
    lastLogin: 1,
    created: 450,
    delegatedRole: USER_MGMT_ROLE_ID,
  },
  { local: 'sam.taylor', name: 'Sam Taylor', ou: '/Engineering', lastLogin: 9, created: 420 },
  { local: 'tara.singh', name: 'Tara Singh', ou: '/Product', lastLogin: 0, created: 390 },
  { local: 'uma.mensah', name: 'Uma Mensah', ou: '/Product', lastLogin: 3, created: 350 },
  { local: 'victor.huang', name: 'Victor Huang', ou: '/Engineering', lastLogin: 12, created: 200 },
  {
    local: 'will.jones',
    name: 'Will Jones',
    ou: '/Support',
    lastLogin: 1,
    created: 150,
  },
  { local: 'xena.park', name: 'Xena Park', ou: '/Marketing', lastLogin: 2, created: 120 },
  { local: 'yusuf.demir', name: 'Yusuf Demir', ou: '/Operations', lastLogin: 0, created: 90 },
];

const SCOPE = {
  drive: 'https://www.googleapis.com/auth/drive',
  gmail: 'https://mail.google.com/',
  calendar: 'https://www.googleapis.com/auth/calendar',
  calendarRead: 'https://www.googleapis.com/auth/calendar.readonly',
  driveFile: 'https://www.googleapis.com/auth/drive.file',
  email: 'https://www.googleapis.com/auth/userinfo.email',
  profile: 'https://www.googleapis.com/auth/userinfo.profile',
  openid: 'openid',
};

function app(displayText: string, clientId: string, scopes: string[], nativeApp = false): Json {
  return {
    kind: 'admin#directory#token',
    etag: '"t"',
    clientId,
    displayText,
    scopes,
    anonymous: false,
    nativeApp,
  };
}

const APPS = {
  slack: app('Slack', '7361841250-slack0r7ohdnsnmo7u3ge6fnl6l0s2.apps.googleusercontent.com', [
    SCOPE.openid,
    SCOPE.email,
    SCOPE.profile,
  ]),
  zoom: app('Zoom', '849883241272-ed6lnodi1grnoomiuknqkq2rbvd2udku.apps.googleusercontent.com', [
    SCOPE.calendar,
    SCOPE.email,
  ]),
  calendly: app('Calendly', '312496583127-calendlyq0c1h8l5u7tj1jbq4ip5ct3r.apps.googleusercontent.com', [
    SCOPE.calendarRead,
    SCOPE.email,
  ]),
  pdfMagic: app(
    'PDF Magic Converter',
    '540198872356-pdfmagic9v3kq1m2r8t6g4b7n0s5l.apps.googleusercontent.com',
    [SCOPE.drive, SCOPE.email],
  ),
  mailmeteor: app('Mailmeteor', '681523309921-mailmeteor2h7f4k9d1s6a3j8p0l5q.apps.googleusercontent.com', [
    SCOPE.gmail,
    SCOPE.email,
  ]),
  figma: app('Figma', '998001773322-figmaplugin5t2w8e1r4y7u0i3o6p9a.apps.googleusercontent.com', [
    SCOPE.driveFile,
    SCOPE.email,
  ]),
};

const GRANTS: Record<string, Json[]> = {
  'alice.nguyen': [APPS.slack, APPS.zoom],
  'ben.okafor': [APPS.slack, APPS.pdfMagic],
  'carla.diaz': [APPS.slack, APPS.zoom],
  'dev.patel': [APPS.slack],
  'hana.sato': [APPS.slack, APPS.calendly, APPS.zoom],
  'ivan.petrov': [APPS.calendly],
  'olivia.brown': [APPS.slack, APPS.pdfMagic],
  'uma.mensah': [APPS.figma, APPS.slack],
  'xena.park': [APPS.mailmeteor, APPS.slack],
};

const GROUPS: { local: string; name: string; members: [string, string, string?][] }[] = [
  { local: 'everyone', name: 'Everyone', members: [['', 'CUSTOMER']] },
  {
    local: 'engineering',
    name: 'Engineering',
    members: [
      ['dev.patel', 'USER', 'OWNER'],
      ['ben.okafor', 'USER'],
      ['kai.larsen', 'USER'],
      ['lena.fischer', 'USER'],
      ['noah.kim', 'USER'],
      ['priya.raman', 'USER'],
      ['sam.taylor', 'USER'],
      ['victor.huang', 'USER'],
    ],
  },
  {
    local: 'finance',
    name: 'Finance',
    members: [
      ['felix.brandt', 'USER', 'OWNER'],
      ['quinn.obrien', 'USER'],
      ['alice.nguyen', 'USER'],
      ['quinn.obrien.cpa@gmail.com', 'USER'],
    ],
  },
  {
    local: 'sales',
    name: 'Sales',
    members: [
      ['hana.sato', 'USER', 'OWNER'],
      ['ivan.petrov', 'USER'],
      ['jonas.weber', 'USER'],
    ],
  },
  {
    local: 'security',
    name: 'Security',
    members: [
      ['yusuf.demir', 'USER', 'OWNER'],
      ['carla.diaz', 'USER', 'MANAGER'],
      ['erin.kowalski', 'USER'],
      ['engineering', 'GROUP'],
    ],
  },
  { local: 'board-archive', name: 'Board archive (unused)', members: [] },
  {
    local: 'helpdesk-admins',
    name: 'Help desk admins',
    members: [
      ['will.jones', 'USER', 'OWNER'],
      ['olivia.brown', 'USER'],
    ],
  },
];

function iso(now: Date, daysAgo: number, hour = 9): string {
  const d = new Date(now.getTime() - daysAgo * 86_400_000);
  d.setUTCHours(hour, 14, 7, 0);
  if (d > now) d.setTime(now.getTime() - 3_600_000);
  return d.toISOString();
}

const idOf = (i: number) => `10${String(4172903 + i * 7919).padStart(19, '0')}`;
const emailOf = (local: string) => (local.includes('@') ? local : `${local}@${DOMAIN}`);

export function lumenLedgerTenant(now: Date): FakeTenant {
  const users = PEOPLE.map((p, i) => ({
    kind: 'admin#directory#user',
    id: idOf(i),
    etag: '"u"',
    primaryEmail: emailOf(p.local),
    name: {
      givenName: p.name.split(' ')[0],
      familyName: p.name.split(' ').slice(1).join(' '),
      fullName: p.name,
    },
    isAdmin: p.superAdmin === true,
    isDelegatedAdmin: p.delegatedRole !== undefined,
    lastLoginTime: p.lastLogin === null ? '1970-01-01T00:00:00.000Z' : iso(now, p.lastLogin, 8),
    creationTime: iso(now, p.created, 15),
    agreedToTerms: p.lastLogin !== null,
    suspended: p.suspended === true,
    ...(p.suspended ? { suspensionReason: 'ADMIN' } : {}),
    archived: false,
    changePasswordAtNextLogin: p.lastLogin === null,
    ipWhitelisted: false,
    emails: [{ address: emailOf(p.local), primary: true }],
    // users.list aliases and nonEditableAliases (the alias domain) reach Priya too.
    ...(p.local === 'priya.raman'
      ? {
          aliases: ['priya.shah@lumenledger.example'],
          nonEditableAliases: ['priya.raman@lumen-ledger.example'],
        }
      : {}),
    customerId: CUSTOMER_ID,
    orgUnitPath: p.ou,
    isMailboxSetup: true,
    isEnrolledIn2Sv: p.enrolled ?? true,
    isEnforcedIn2Sv: p.enforced ?? true,
    includeInGlobalAddressList: true,
  }));
  const userId = (local: string) => users[PEOPLE.findIndex((p) => p.local === local)]!.id;

  const roles = [
    [SUPER_ADMIN_ROLE_ID, '_SEED_ADMIN_ROLE', 'Google Apps Administrator Seed Role', true],
    [GROUPS_ADMIN_ROLE_ID, '_GROUPS_ADMIN_ROLE', 'Groups Administrator', false],
    [USER_MGMT_ROLE_ID, '_USER_MANAGEMENT_ADMIN_ROLE', 'User Management Administrator', false],
    [HELP_DESK_ROLE_ID, '_HELP_DESK_ADMIN_ROLE', 'Help Desk Administrator', false],
  ].map(([roleId, roleName, roleDescription, isSuperAdminRole]) => ({
    kind: 'admin#directory#role',
    etag: '"r"',
    roleId,
    roleName,
    roleDescription,
    isSystemRole: true,
    isSuperAdminRole,
    rolePrivileges: [{ privilegeName: 'SUPER_ADMIN', serviceId: '01ci93xb3tmzyin' }],
  }));

  let assignmentId = 9170516996784128;
  const roleAssignments = PEOPLE.flatMap((p) => {
    const roleIds = [
      ...(p.superAdmin ? [SUPER_ADMIN_ROLE_ID] : []),
      ...(p.delegatedRole ? [p.delegatedRole] : []),
    ];
    return roleIds.map((roleId) => ({
      kind: 'admin#directory#roleAssignment',
      etag: '"a"',
      roleAssignmentId: String((assignmentId += 1031)),
      roleId,
      assignedTo: userId(p.local),
      assigneeType: 'user',
      scopeType: 'CUSTOMER',
    }));
  });

  const tokens = Object.fromEntries(
    Object.entries(GRANTS).map(([local, grants]) => [
      userId(local),
      grants.map((g) => ({ ...g, userKey: userId(local) })),
    ]),
  );

  const groups = GROUPS.map((g, i) => ({
    kind: 'admin#directory#group',
    id: `03ep43zb${String(i).padStart(8, '0')}`,
    etag: '"g"',
    email: emailOf(g.local),
    name: g.name,
    directMembersCount: String(g.members.length),
    description: '',
    adminCreated: true,
  }));
  // The Help Desk role is held through a group, as many tenants grant delegated roles.
  roleAssignments.push({
    kind: 'admin#directory#roleAssignment',
    etag: '"a"',
    roleAssignmentId: String((assignmentId += 1031)),
    roleId: HELP_DESK_ROLE_ID,
    assignedTo: groups[GROUPS.findIndex((g) => g.local === 'helpdesk-admins')]!.id,
    assigneeType: 'group',
    scopeType: 'CUSTOMER',
  });
  const members = Object.fromEntries(
    GROUPS.map((g, i) => [
      groups[i]!.id,
      g.members.map(([who, type, role]) =>
        type === 'CUSTOMER'
          ? {
              kind: 'admin#directory#member',
              etag: '"m"',
              id: CUSTOMER_ID,
              type,
              role: 'MEMBER',
              status: 'ACTIVE',
            }
          : {
              kind: 'admin#directory#member',
              etag: '"m"',
              id:
                type === 'GROUP'
                  ? groups[GROUPS.findIndex((x) => x.local === who)]!.id
                  : who.includes('@')
                    ? '115551212000000000001'
                    : userId(who),
              email: emailOf(who),
              role: role ?? 'MEMBER',
              type,
              status: 'ACTIVE',
              ...(type === 'USER' ? { delivery_settings: 'ALL_MAIL' } : {}),
            },
      ),
    ]),
  );

  const domains = [
    {
      kind: 'admin#directory#domain',
      etag: '"d"',
      domainName: DOMAIN,
      isPrimary: true,
      verified: true,
      creationTime: String(now.getTime() - 1290 * 86_400_000),
      domainAliases: [
        { kind: 'admin#directory#domainAlias', domainAliasName: 'lumen-ledger.example', verified: true },
      ],
    },
  ];

  const activity = (email: string, name: string, type: string, daysAgo: number, ip: string): Json => ({
    kind: 'admin#reports#activity',
    id: {
      time: iso(now, daysAgo, 3),
      uniqueQualifier: String(-4172903 - daysAgo),
      applicationName: 'login',
      customerId: CUSTOMER_ID,
    },
    etag: '"e"',
    // Login appendix (https://developers.google.com/workspace/admin/reports/v1/appendix/activity/login):
    // `login` events carry login_type and is_suspicious; `account_warning` events name the account in
    // affected_email_address, and those Google raises itself have the actor {callerType: KEY, key: Google}.
    actor:
      type === 'account_warning' && !name.startsWith('suspicious')
        ? { callerType: 'KEY', key: 'Google' }
        : { email, profileId: userId(email.split('@')[0]!), callerType: 'USER' },
    ipAddress: ip,
    events: [
      {
        type,
        name,
        parameters:
          type === 'account_warning'
            ? [{ name: 'affected_email_address', value: email }]
            : [
                { name: 'login_type', value: 'google_password' },
                { name: 'is_suspicious', boolValue: false },
              ],
      },
    ],
  });
  const loginActivities = [
    activity(emailOf('ben.okafor'), 'suspicious_login', 'account_warning', 4, '198.51.100.23'),
    activity(emailOf('alice.nguyen'), 'login_success', 'login', 0, '203.0.113.10'),
    activity(emailOf('hana.sato'), 'login_failure', 'login', 3, '203.0.113.44'),
    activity(emailOf('kai.larsen'), 'suspicious_login', 'account_warning', 45, '198.51.100.99'),
    activity(
      emailOf('xena.park'),
      'user_signed_out_due_to_suspicious_session_cookie',
      'account_warning',
      6,
      '192.0.2.77',
    ),
  ];

  // A backup tool's service account holding a delegated admin role by its IAM uniqueId.
  roleAssignments.push({
    kind: 'admin#directory#roleAssignment',
    etag: '"a"',
    roleAssignmentId: String((assignmentId += 1031)),
    roleId: USER_MGMT_ROLE_ID,
    assignedTo: SERVICE_ACCOUNT_ID,
    assigneeType: 'user',
    scopeType: 'CUSTOMER',
  });

  const ms = (daysAgo: number) => String(now.getTime() - daysAgo * 86_400_000);
  // asps.list items (https://developers.google.com/workspace/admin/directory/reference/rest/v1/asps): Unix ms.
  const asps = {
    [userId('ivan.petrov')]: [
      {
        kind: 'admin#directory#asp',
        etag: '"p"',
        codeId: 7,
        name: 'Thunderbird on home PC',
        creationTime: ms(210),
        lastTimeUsed: ms(3),
        userKey: userId('ivan.petrov'),
      },
    ],
  };

  const ouId = (path: string) => `03ph8a2z${String(ORG_UNITS.indexOf(path)).padStart(8, '0')}`;
  // orgunits.list (https://developers.google.com/workspace/admin/directory/reference/rest/v1/orgunits): ids with the "id:" prefix.
  const orgUnits = ORG_UNITS.map((path) => ({
    kind: 'admin#directory#orgUnit',
    etag: '"o"',
    name: path === '/' ? 'Lumen Ledger' : path.slice(1),
    orgUnitPath: path,
    orgUnitId: `id:${ouId(path)}`,
    ...(path === '/' ? {} : { parentOrgUnitPath: '/', parentOrgUnitId: `id:${ouId('/')}` }),
  }));

  // mobiledevices.list FULL projection fields (https://developers.google.com/workspace/admin/directory/reference/rest/v1/mobiledevices).
  const device = (owner: string, id: string, fields: Json, lastSyncDaysAgo = 1): Json => ({
    kind: 'admin#directory#mobiledevice',
    etag: '"m"',
    resourceId: id,
    deviceId: `${id}-device`,
    email: [emailOf(owner)],
    name: [PEOPLE.find((p) => p.local === owner)!.name],
    status: 'APPROVED',
    firstSync: iso(now, 300, 10),
    lastSync: iso(now, lastSyncDaysAgo, 10),
    deviceCompromisedStatus: 'No compromise detected',
    encryptionStatus: 'Encrypted',
    devicePasswordStatus: 'On',
    ...fields,
  });
  const mobileDevices = [
    device('alice.nguyen', 'AFiQxQ8v1', { model: 'iPhone 15', os: 'iOS 18.1', type: 'IOS_SYNC' }),
    device('ben.okafor', 'AFiQxQ8v2', {
      model: 'Pixel 6',
      os: 'Android 13',
      type: 'ANDROID',
      encryptionStatus: 'Not Encrypted',
      devicePasswordStatus: 'Off',
    }),
    device('jonas.weber', 'AFiQxQ8v3', {
      model: 'Galaxy S21',
      os: 'Android 12',
      type: 'ANDROID',
      deviceCompromisedStatus: 'Compromise detected',
    }),
    device(
      'gus.moreau',
      'AFiQxQ8v4',
      { model: 'iPhone 12', os: 'iOS 16.0', type: 'IOS_SYNC', status: 'WIPED' },
      64,
    ),
  ];

  // Cloud Identity inbound SSO (https://cloud.google.com/identity/docs/reference/rest/v1/inboundSamlSsoProfiles,
  // https://cloud.google.com/identity/docs/reference/rest/v1/inboundSsoAssignments).
  const ssoProfiles = [
    {
      name: OKTA_PROFILE,
      customer: `customers/${CUSTOMER_ID}`,
      displayName: 'Okta (Support)',
      idpConfig: {
        entityId: 'http://www.okta.com/exk9lumenledger',
        singleSignOnServiceUri: 'https://lumenledger.okta.com/app/google/exk9lumenledger/sso/saml',
      },
      spConfig: {
        entityId: `https://accounts.google.com/samlrp/${OKTA_PROFILE.split('/')[1]}`,
        assertionConsumerServiceUri: `https://accounts.google.com/samlrp/acs?rpid=${OKTA_PROFILE.split('/')[1]}`,
      },
    },
  ];
  const ssoAssignments = [
    {
      name: 'inboundSsoAssignments/0Q9ab7xx2lumen',
      customer: `customers/${CUSTOMER_ID}`,
      targetOrgUnit: `orgUnits/${ouId('/Support')}`,
      ssoMode: 'SAML_SSO',
      samlSsoInfo: { inboundSamlSsoProfile: OKTA_PROFILE },
    },
    // Finance also signs in through Okta, by group (rank 1): Felix and Alice are super admins and stay on
    // Google sign-in.
    {
      name: 'inboundSsoAssignments/0Q9ab7xx3lumen',
      customer: `customers/${CUSTOMER_ID}`,
      targetGroup: `groups/${groups[GROUPS.findIndex((g) => g.local === 'finance')]!.id}`,
      rank: 1,
      ssoMode: 'SAML_SSO',
      samlSsoInfo: { inboundSamlSsoProfile: OKTA_PROFILE },
    },
  ];

  // Cloud Identity policies (https://cloud.google.com/identity/docs/reference/rest/v1/policies) with the
  // settings of https://cloud.google.com/identity/docs/concepts/supported-policy-api-settings.
  let policyId = 0;
  const policy = (type: string, value: Json, orgUnit = '/', policyType = 'ADMIN'): Json => ({
    name: `policies/ahv4hg7qc24kvaghb7zihwf4r${String(++policyId).padStart(3, '0')}`,
    customer: `customers/${CUSTOMER_ID}`,
    policyQuery: {
      query: `entity.org_units.exists(org_unit, org_unit.org_unit_id == orgUnitId('${ouId(orgUnit)}'))`,
      orgUnit: `orgUnits/${ouId(orgUnit)}`,
      sortOrder: 1,
    },
    setting: { type: `settings/${type}`, value },
    type: policyType,
  });
  const policies = [
    policy('security.password', {
      allowedStrength: 'STRONG',
      minimumLength: 8,
      maximumLength: 100,
      enforceRequirementsAtLogin: false,
      allowReuse: false,
      expirationDuration: '0s',
    }),
    policy(
      'security.password',
      {
        allowedStrength: 'STRONG',
        minimumLength: 14,
        maximumLength: 100,
        enforceRequirementsAtLogin: true,
        allowReuse: false,
        expirationDuration: '0s',
      },
      '/Leadership',
    ),
    policy('security.session_controls', { webSessionDuration: '1209600s' }, '/', 'SYSTEM'),
    policy('security.less_secure_apps', { allowLessSecureApps: false }),
    policy('drive_and_docs.external_sharing', {
      externalSharingMode: 'ALLOWLISTED_DOMAINS',
      allowReceivingExternalFiles: true,
      warnForSharingOutsideAllowlistedDomains: true,
    }),
    policy(
      'drive_and_docs.external_sharing',
      {
        externalSharingMode: 'ALLOWED',
        allowReceivingExternalFiles: true,
        warnForExternalSharing: true,
        allowNonGoogleInvites: true,
      },
      '/Sales',
    ),
    // A setting soc2 does not judge, which the setting-type filter leaves out.
    policy('security.login_challenges', { enableEmployeeIdChallenge: false }),
  ];

  return {
    users,
    roles,
    roleAssignments,
    tokens,
    groups,
    members,
    domains,
    loginActivities,
    asps,
    orgUnits,
    mobileDevices,
    ssoAssignments,
    ssoProfiles,
    policies,
  };
}

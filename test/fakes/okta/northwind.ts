import type { FakeOrg, Json } from './server.js';

/**
 * Northwind Analytics' Okta org: every okta.* check has a seeded defect and a clean look-alike, named in
 * `expected` below. Resources are shaped as Okta documents them (see server.ts for the pages).
 */

export const DOMAIN = 'northwind.example';
const DAY = 86_400_000;

let sequence = 0;
/** An Okta-style id: 20 characters, `00u` for users, `0oa` for apps, `00p` for policies, `0pr` for rules. */
const id = (prefix: string) => `${prefix}${String(++sequence).padStart(17, '0')}`;

function user(
  now: Date,
  login: string,
  status: string,
  fields: { lastLoginDays?: number | null; createdDays?: number; email?: string },
) {
  const created = new Date(now.getTime() - (fields.createdDays ?? 700) * DAY).toISOString();
  const lastLogin =
    fields.lastLoginDays === null || fields.lastLoginDays === undefined
      ? null
      : new Date(now.getTime() - fields.lastLoginDays * DAY).toISOString();
  const address = `${login}@${DOMAIN}`;
  return {
    id: id('00u'),
    status,
    created,
    activated: status === 'STAGED' ? null : created,
    statusChanged: created,
    lastLogin,
    lastUpdated: created,
    passwordChanged: created,
    type: { id: 'oty1' },
    profile: {
      firstName: login.split('.')[0],
      lastName: login.split('.')[1] ?? 'Service',
      login: address,
      email: fields.email ?? address,
      secondEmail: null,
      mobilePhone: null,
    },
    credentials: { provider: { type: 'OKTA', name: 'OKTA' } },
    _links: { self: { href: `https://northwind.okta.com/api/v1/users/${login}` } },
  };
}

const factor = (factorType: string, status = 'ACTIVE', provider = 'OKTA') => ({
  id: id('ufs'),
  factorType,
  provider,
  vendorName: provider,
  status,
  created: '2025-01-10T10:00:00.000Z',
  lastUpdated: '2025-01-10T10:00:00.000Z',
  profile: {},
  _links: {},
});

const role = (type: string, label: string, assignmentType = 'USER', status = 'ACTIVE') => ({
  id: id('ra1'),
  label,
  type,
  status,
  created: '2024-05-01T10:00:00.000Z',
  lastUpdated: '2024-05-01T10:00:00.000Z',
  assignmentType,
  _links: { assignee: { href: 'https://northwind.okta.com/api/v1/users/x' } },
});

const signOnRule = (name: string, priority: number, signon: Json, status = 'ACTIVE') => ({
  id: id('0pr'),
  status,
  name,
  priority,
  created: '2024-01-01T00:00:00.000Z',
  lastUpdated: '2024-01-01T00:00:00.000Z',
  system: false,
  type: 'SIGN_ON',
  conditions: {
    people: { users: { exclude: [] } },
    network: { connection: 'ANYWHERE' },
    authContext: { authType: 'ANY' },
  },
  actions: {
    signon: {
      factorPromptMode: 'ALWAYS',
      rememberDeviceByDefault: false,
      session: { usePersistentCookie: false, maxSessionIdleMinutes: 120, maxSessionLifetimeMinutes: 0 },
      ...signon,
    },
  },
});

const appRule = (name: string, priority: number, appSignOn: Json, status = 'ACTIVE') => ({
  id: id('rul'),
  status,
  name,
  priority,
  system: name === 'Catch-all Rule',
  type: 'ACCESS_POLICY',
  conditions: { people: { users: { exclude: [] } }, network: { connection: 'ANYWHERE' } },
  actions: { appSignOn },
});
const assurance = (factorMode: '1FA' | '2FA') => ({
  access: 'ALLOW',
  verificationMethod: { type: 'ASSURANCE', factorMode, reauthenticateIn: 'PT2H', constraints: [] },
});

const policy = (
  type: string,
  name: string,
  priority: number,
  fields: Json,
  rules: Json[],
  status = 'ACTIVE',
) => ({
  id: id('00p'),
  status,
  name,
  description: name,
  priority,
  system: name === 'Default Policy',
  conditions: { people: { groups: { include: ['00g1'] } } },
  created: '2024-01-01T00:00:00.000Z',
  lastUpdated: '2024-01-01T00:00:00.000Z',
  _links: {},
  type,
  ...fields,
  rules,
});

const passwordSettings = (minLength: number, common: boolean, maxAttempts: number, historyCount: number) => ({
  password: {
    complexity: {
      minLength,
      minLowerCase: 1,
      minUpperCase: 1,
      minNumber: 1,
      minSymbol: 0,
      excludeUsername: true,
      dictionary: { common: { exclude: common } },
      excludeAttributes: [],
    },
    age: { maxAgeDays: 0, expireWarnDays: 0, minAgeMinutes: 0, historyCount },
    lockout: { maxAttempts, autoUnlockMinutes: 0, showLockoutFailures: false },
  },
  recovery: { factors: { okta_email: { status: 'ACTIVE' } } },
  delegation: { options: { skipUnlock: false } },
});

const app = (label: string, status = 'ACTIVE') => ({
  id: id('0oa'),
  name: label.toLowerCase().replaceAll(' ', '_'),
  label,
  status,
  signOnMode: 'SAML_2_0',
  created: '2024-01-01T00:00:00.000Z',
  lastUpdated: '2024-01-01T00:00:00.000Z',
  accessibility: { selfService: false },
  visibility: { autoSubmitToolbar: false, hide: { iOS: false, web: false } },
  _links: {},
});

const appUser = (userId: string, scope = 'USER') => ({
  id: userId,
  scope,
  status: 'PROVISIONED',
  syncState: 'SYNCHRONIZED',
  created: '2024-02-01T00:00:00.000Z',
  credentials: { userName: userId },
  profile: {},
  _links: {},
});

export interface Northwind {
  org: FakeOrg;
  /** The HR roster (CSV) the offboarding and orphan checks join with. */
  roster: string;
}

export function northwindOrg(now: Date): Northwind {
  sequence = 0;
  const u = {
    alice: user(now, 'alice.ng', 'ACTIVE', { lastLoginDays: 2 }),
    bob: user(now, 'bob.stone', 'ACTIVE', { lastLoginDays: 5 }),
    carol: user(now, 'carol.diaz', 'ACTIVE', { lastLoginDays: 10 }),
    dave: user(now, 'dave.kim', 'ACTIVE', { lastLoginDays: 1 }),
    erin: user(now, 'erin.moss', 'ACTIVE', { lastLoginDays: 200 }),
    frank: user(now, 'frank.ode', 'ACTIVE', { lastLoginDays: 80 }),
    gina: user(now, 'gina.ruiz', 'ACTIVE', { lastLoginDays: null, createdDays: 120 }),
    hank: user(now, 'hank.lee', 'ACTIVE', { lastLoginDays: null, createdDays: 3 }),
    ivan: user(now, 'ivan.petrov', 'SUSPENDED', { lastLoginDays: 300 }),
    judy: user(now, 'judy.hart', 'DEPROVISIONED', { lastLoginDays: 90 }),
    kim: user(now, 'kim.yu', 'DEPROVISIONED', { lastLoginDays: 100 }),
    leo: user(now, 'leo.grant', 'ACTIVE', { lastLoginDays: 1 }),
    mia: user(now, 'mia.chen', 'ACTIVE', { lastLoginDays: 4, email: `mia@${DOMAIN}` }),
    nora: user(now, 'nora.bell', 'LOCKED_OUT', { lastLoginDays: 3 }),
    oscar: user(now, 'oscar.wu', 'STAGED', { createdDays: 2 }),
    backup: user(now, 'svc-backup', 'ACTIVE', { lastLoginDays: 1 }),
    agency: user(now, 'pat.contractor', 'ACTIVE', { lastLoginDays: 6 }),
  };
  const push = () => [factor('push'), factor('email')];
  const factors: Record<string, Json[]> = {
    [u.alice.id]: push(),
    // Defect: only a security question and email.
    [u.bob.id]: [factor('question'), factor('email')],
    // Look-alike: a pending SMS next to an active TOTP.
    [u.carol.id]: [factor('token:software:totp', 'ACTIVE', 'GOOGLE'), factor('sms', 'PENDING_ACTIVATION')],
    // Defect: a super admin whose only second factor was never activated.
    [u.dave.id]: [factor('webauthn', 'PENDING_ACTIVATION', 'FIDO'), factor('email')],
    [u.erin.id]: push(),
    [u.frank.id]: push(),
    [u.gina.id]: push(),
    [u.hank.id]: push(),
    [u.leo.id]: push(),
    [u.mia.id]: push(),
    [u.nora.id]: push(),
    [u.backup.id]: [factor('token:software:totp')],
    [u.agency.id]: push(),
  };
  const roles: Record<string, Json[]> = {
    [u.alice.id]: [role('SUPER_ADMIN', 'Super Administrator')],
    [u.carol.id]: [role('SUPER_ADMIN', 'Super Administrator', 'GROUP')],
    [u.dave.id]: [role('SUPER_ADMIN', 'Super Administrator'), role('APP_ADMIN', 'Application Administrator')],
    // Look-alikes: a suspended super admin and an org admin are not counted as super admins.
    [u.ivan.id]: [role('SUPER_ADMIN', 'Super Administrator')],
    [u.gina.id]: [role('ORG_ADMIN', 'Organizational Administrator')],
  };
  const policies = [
    policy('OKTA_SIGN_ON', 'Office Network', 1, {}, [
      // Defect: password only from the office network.
      signOnRule('Office network without MFA', 1, { access: 'ALLOW', requireFactor: false }),
      // Look-alikes: a deny rule and an inactive rule need no factor.
      signOnRule('Block anonymizers', 2, { access: 'DENY', requireFactor: false }),
      signOnRule('Old exception', 3, { access: 'ALLOW', requireFactor: false }, 'INACTIVE'),
    ]),
    policy('OKTA_SIGN_ON', 'Default Policy', 2, {}, [
      signOnRule('Default Rule', 1, { access: 'ALLOW', requireFactor: true, factorLifetime: 15 }),
    ]),
    // App authentication policies (Identity Engine).
    policy('ACCESS_POLICY', 'Okta Dashboard', 1, {}, [appRule('Catch-all Rule', 99, assurance('2FA'))]),
    // Look-alike: a chain of two steps is two factors.
    policy('ACCESS_POLICY', 'Admin Console', 2, {}, [
      appRule('Chained', 1, {
        access: 'ALLOW',
        verificationMethod: {
          type: 'AUTH_METHOD_CHAIN',
          chains: [
            {
              authenticationMethods: [{ key: 'okta_password', method: 'password' }],
              next: [{ authenticationMethods: [{ key: 'okta_verify', method: 'push' }] }],
            },
          ],
        },
      }),
    ]),
    policy('ACCESS_POLICY', 'Legacy Intranet', 3, {}, [
      // Defect: one factor is enough for this app, so the office rule's password-only sessions get in.
      appRule('Intranet password only', 1, assurance('1FA')),
      // Look-alikes: a deny rule and an inactive rule.
      appRule('Block outside', 2, { access: 'DENY' }),
      appRule('Old 1FA rule', 3, assurance('1FA'), 'INACTIVE'),
    ]),
    policy(
      'MFA_ENROLL',
      'Default Policy',
      1,
      {
        settings: {
          type: 'AUTHENTICATORS',
          authenticators: [
            { key: 'okta_verify', enroll: { self: 'REQUIRED' } },
            { key: 'okta_email', enroll: { self: 'REQUIRED' } },
            { key: 'okta_password', enroll: { self: 'REQUIRED' } },
            { key: 'phone_number', enroll: { self: 'NOT_ALLOWED' } },
          ],
        },
      },
      [
        {
          id: id('0pr'),
          name: 'Default Rule',
          status: 'ACTIVE',
          priority: 1,
          system: true,
          type: 'MFA_ENROLL',
          conditions: { people: { users: { exclude: [] } } },
          actions: { enroll: { self: 'CHALLENGE' } },
        },
      ],
    ),
    // Defect: contractors must only enroll email.
    policy(
      'MFA_ENROLL',
      'Contractors',
      0,
      {
        settings: {
          type: 'FACTORS',
          factors: {
            okta_email: { enroll: { self: 'REQUIRED' }, consent: { type: 'NONE' } },
            okta_otp: { enroll: { self: 'OPTIONAL' }, consent: { type: 'NONE' } },
          },
        },
      },
      [
        {
          id: id('0pr'),
          name: 'Contractors rule',
          status: 'ACTIVE',
          priority: 1,
          system: false,
          type: 'MFA_ENROLL',
          conditions: {},
          actions: { enroll: { self: 'LOGIN' } },
        },
      ],
    ),
    policy(
      'PASSWORD',
      'Default Policy',
      3,
      {
        settings: passwordSettings(14, true, 5, 5),
        conditions: { people: { groups: { include: ['00g1'] } }, authProvider: { provider: 'OKTA' } },
      },
      [],
    ),
    // Defect: short, common passwords and no lockout.
    policy(
      'PASSWORD',
      'Legacy Staff',
      1,
      {
        settings: passwordSettings(8, false, 0, 0),
        conditions: { people: { groups: { include: ['00g2'] } }, authProvider: { provider: 'OKTA' } },
      },
      [],
    ),
    // Look-alikes: Active Directory users' passwords are AD's, and an inactive policy applies to no one.
    policy(
      'PASSWORD',
      'AD users',
      2,
      {
        settings: passwordSettings(6, false, 0, 0),
        conditions: {
          people: { groups: { include: ['00g3'] } },
          authProvider: { provider: 'ACTIVE_DIRECTORY', include: ['0oaad'] },
        },
      },
      [],
    ),
    policy(
      'PASSWORD',
      'Old policy',
      4,
      { settings: passwordSettings(4, false, 0, 0), conditions: { authProvider: { provider: 'OKTA' } } },
      [],
      'INACTIVE',
    ),
  ];
  const payroll = app('Payroll');
  const wiki = app('Wiki');
  const crm = app('Legacy CRM', 'INACTIVE');
  const apps = [payroll, wiki, crm, app('Status Page')];
  const appUsers: Record<string, Json[]> = {
    // Defect: a deprovisioned user still assigned.
    [payroll.id]: [appUser(u.alice.id), appUser(u.judy.id), appUser(u.carol.id, 'GROUP')],
    [wiki.id]: [
      appUser(u.alice.id),
      appUser(u.bob.id),
      appUser(u.carol.id, 'GROUP'),
      appUser(u.mia.id, 'GROUP'),
    ],
    // Look-alike: an inactive app's leftover assignment signs nobody in.
    [crm.id]: [appUser(u.kim.id)],
  };
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY).toISOString().slice(0, 10);
  const person = (login: string, status: string, endDays?: number, email = `${login}@${DOMAIN}`) =>
    `${email},${login},${status},2021-01-04,${endDays === undefined ? '' : daysAgo(endDays)}`;
  const roster = [
    'email,name,status,start_date,end_date',
    ...[
      'alice.ng',
      'bob.stone',
      'carol.diaz',
      'dave.kim',
      'erin.moss',
      'frank.ode',
      'gina.ruiz',
      'hank.lee',
      'nora.bell',
      'oscar.wu',
    ].map((l) => person(l, 'active')),
    // Look-alikes: suspended and deprovisioned leavers.
    person('ivan.petrov', 'terminated', 60),
    person('judy.hart', 'terminated', 90),
    person('kim.yu', 'terminated', 100),
    // Defect: left a month ago, Okta user still active.
    person('leo.grant', 'terminated', 30),
    // Look-alike: the roster knows Mia by her primary email, not her login.
    person('mia.chen', 'active', undefined, `mia@${DOMAIN}`),
    '',
  ].join('\n');
  return {
    org: { users: Object.values(u), factors, roles, policies, apps, appUsers },
    roster,
  };
}

/** The logins of the org's users, for assertions. */
export const login = (name: string) => `${name}@${DOMAIN}`;

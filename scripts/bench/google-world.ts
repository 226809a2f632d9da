import { RISKY_LOGIN_EVENTS } from '../../src/collectors/google/collectors.js';
import type { FakeTenant, Json } from '../../test/fakes/google/server.js';

/** The synthetic Google Workspace tenant: 20,000 users at scale 1. */
export interface GoogleSizes {
  users: number;
  suspended: number;
  roles: number;
  roleAssignments: number;
  usersWithTokens: number;
  groups: number;
  emptyGroups: number;
  membersPerGroup: number;
  /** Login audit events per risky event name, inside the 30-day window. */
  loginEventsPerName: number;
}

export const DOMAIN = 'bench.example';
const CUSTOMER_ID = 'C0bench01';

export function googleSizes(scale: number): GoogleSizes {
  const n = (full: number) => Math.max(1, Math.round(full * scale));
  const groups = n(200);
  return {
    users: n(20_000),
    suspended: n(400),
    roles: 10,
    roleAssignments: 30,
    usersWithTokens: n(2000),
    groups,
    emptyGroups: Math.floor(groups / 10),
    membersPerGroup: 50,
    loginEventsPerName: 20,
  };
}

export const RISKY: readonly string[] = RISKY_LOGIN_EVENTS;

/** Dates relative to the wall clock: the login collector asks for the last 30 days of it. */
export function googleTenant(sizes: GoogleSizes, now = new Date()): FakeTenant {
  const iso = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString();
  const id = (u: number) => String(100000000000000000000n + BigInt(u));
  const email = (u: number) => `user${u}@${DOMAIN}`;
  const users: Json[] = Array.from({ length: sizes.users }, (_, u) => ({
    kind: 'admin#directory#user',
    id: id(u),
    etag: '"u"',
    primaryEmail: email(u),
    name: { givenName: 'User', familyName: String(u), fullName: `User ${u}` },
    isAdmin: u < 5,
    isDelegatedAdmin: u >= 5 && u < 25,
    lastLoginTime: u % 50 === 0 ? '1970-01-01T00:00:00.000Z' : iso(u % 200),
    creationTime: iso(400 + (u % 600)),
    agreedToTerms: true,
    suspended: u >= sizes.users - sizes.suspended,
    archived: false,
    changePasswordAtNextLogin: false,
    ipWhitelisted: false,
    emails: [{ address: email(u), primary: true }],
    customerId: CUSTOMER_ID,
    orgUnitPath: `/Dept${u % 12}`,
    isMailboxSetup: true,
    isEnrolledIn2Sv: u % 9 !== 0,
    isEnforcedIn2Sv: u % 11 !== 0,
    includeInGlobalAddressList: true,
  }));
  const roles: Json[] = Array.from({ length: sizes.roles }, (_, r) => ({
    kind: 'admin#directory#role',
    roleId: String(91447453409035700 + r),
    roleName: r === 0 ? '_SEED_ADMIN_ROLE' : `_ROLE_${r}`,
    isSystemRole: true,
    isSuperAdminRole: r === 0,
  }));
  const roleAssignments: Json[] = Array.from({ length: sizes.roleAssignments }, (_, k) => ({
    kind: 'admin#directory#roleAssignment',
    roleAssignmentId: String(9170516996784128 + k),
    roleId: roles[k < 5 ? 0 : 1 + (k % (sizes.roles - 1))]!.roleId,
    assignedTo: id(k < 5 ? k : k % sizes.users),
    assigneeType: 'user',
    scopeType: 'CUSTOMER',
  }));
  const tokens: Record<string, Json[]> = {};
  for (let k = 0; k < sizes.usersWithTokens; k++) {
    const u = (k * 10) % sizes.users;
    tokens[id(u)] = [
      {
        kind: 'admin#directory#token',
        clientId: `client-${k % 40}.apps.googleusercontent.com`,
        displayText: `App ${k % 40}`,
        anonymous: false,
        nativeApp: false,
        userKey: id(u),
        scopes: k % 40 === 0 ? ['https://www.googleapis.com/auth/drive'] : ['openid', 'email'],
      },
    ];
  }
  const groups: Json[] = Array.from({ length: sizes.groups }, (_, g) => ({
    kind: 'admin#directory#group',
    id: `03ep43zb${String(g).padStart(8, '0')}`,
    email: `group${g}@${DOMAIN}`,
    name: `Group ${g}`,
    directMembersCount: String(g < sizes.emptyGroups ? 0 : sizes.membersPerGroup),
  }));
  const members: Record<string, Json[]> = {};
  groups.forEach((group, g) => {
    members[String(group.id)] =
      g < sizes.emptyGroups
        ? []
        : Array.from({ length: sizes.membersPerGroup }, (_, m) => {
            const external = g % 17 === 0 && m === 0;
            const u = (g * sizes.membersPerGroup + m) % sizes.users;
            return {
              kind: 'admin#directory#member',
              id: external ? '115551212000000000001' : id(u),
              email: external ? 'someone@gmail.com' : email(u),
              role: m === 0 ? 'OWNER' : 'MEMBER',
              type: 'USER',
              status: 'ACTIVE',
            };
          });
  });
  const domains: Json[] = [
    { kind: 'admin#directory#domain', domainName: DOMAIN, isPrimary: true, verified: true },
  ];
  const loginActivities: Json[] = RISKY.flatMap((name, n) =>
    Array.from({ length: sizes.loginEventsPerName }, (_, k) => ({
      kind: 'admin#reports#activity',
      id: {
        time: iso((k % 25) + 0.5),
        uniqueQualifier: String(n * 1000 + k),
        applicationName: 'login',
        customerId: CUSTOMER_ID,
      },
      actor: { email: email((n * 31 + k) % sizes.users), callerType: 'USER' },
      ipAddress: '198.51.100.23',
      events: [{ type: 'account_warning', name }],
    })),
  );
  return { users, roles, roleAssignments, tokens, groups, members, domains, loginActivities };
}

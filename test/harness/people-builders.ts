import type { PolicyDoc, PolicyFolder, Risk, Vendor } from '../../src/collectors/docs/data.js';
import type { Person, Roster } from '../../src/collectors/hr/data.js';

/** Builders for hr and docs check tests; dates are relative to DEFAULT_NOW (2026-06-30). */
export const ACCOUNT = '111122223333';

export function person(overrides: Partial<Person> & { email: string }): Person {
  return {
    name: overrides.email.split('@')[0]!,
    status: 'active',
    employmentType: 'employee',
    startDate: '2024-01-15',
    securityTrainingDate: '2026-02-01',
    policyAckDate: '2026-02-01',
    backgroundCheckDate: '2024-01-05',
    line: 2,
    ...overrides,
  };
}

export function roster(...people: Person[]): Roster {
  return { file: 'roster.csv', format: 'csv', sha256: '0'.repeat(64), people };
}

export function iamRow(user: string, access: { password?: boolean; keys?: number } = {}) {
  const flag = (b: boolean) => (b ? 'true' : 'false');
  return {
    user,
    arn: `arn:aws:iam::${ACCOUNT}:user/${user}`,
    password_enabled: flag(Boolean(access.password)),
    access_key_1_active: flag((access.keys ?? 0) >= 1),
    access_key_2_active: flag((access.keys ?? 0) >= 2),
  };
}

export function credentialReport(...rows: ReturnType<typeof iamRow>[]) {
  return [{ accountId: ACCOUNT, status: 'ok', value: { rows: [{ user: '<root_account>' }, ...rows] } }];
}

export function authorizationDetails(...users: { name: string; tags?: Record<string, string> }[]) {
  return [
    {
      accountId: ACCOUNT,
      status: 'ok',
      value: {
        users: users.map((u) => ({ groups: [], attachedPolicies: [], inlinePolicies: [], tags: {}, ...u })),
        groups: [],
        roles: [],
        policies: [],
      },
    },
  ];
}

export function githubMembers(...logins: string[]) {
  return logins.map((login, i) => ({
    login,
    id: 1000 + i,
    role: login.endsWith('-admin') ? 'admin' : 'member',
  }));
}

export function googleUser(
  email: string,
  state: { suspended?: boolean; archived?: boolean; aliases?: string[] } = {},
) {
  return {
    id: email,
    primaryEmail: email,
    isAdmin: false,
    isDelegatedAdmin: false,
    suspended: Boolean(state.suspended),
    archived: Boolean(state.archived),
    isEnrolledIn2Sv: true,
    isEnforcedIn2Sv: true,
    lastLoginTime: '2026-06-01T00:00:00.000Z',
    creationTime: '2024-01-15T00:00:00.000Z',
    orgUnitPath: '/',
    ...(state.aliases ? { aliases: state.aliases } : {}),
  };
}

export function policy(id: string, overrides: Partial<PolicyDoc> = {}): PolicyDoc {
  return {
    id,
    file: `/co/policies/${id}.md`,
    sha256: 'a'.repeat(64),
    title: `${id} policy`,
    version: '1.0',
    owner: 'CTO',
    approvedBy: 'CEO',
    approvedAt: '2026-01-10',
    reviewEvery: '12 months',
    reviewDueAt: '2027-01-10',
    criteria: ['CC5.3'],
    ...overrides,
  };
}

export function policyFolder(...policies: PolicyDoc[]): PolicyFolder {
  return { dir: '/co/policies', exists: true, policies };
}

export function risk(id: string, overrides: Partial<Risk> = {}): Risk {
  return {
    id,
    title: `Risk ${id}`,
    owner: 'CTO',
    likelihood: 3,
    impact: 4,
    treatment: 'mitigate',
    status: 'open',
    line: 5,
    ...overrides,
  };
}

export function vendor(name: string, overrides: Partial<Vendor> = {}): Vendor {
  return {
    name,
    criticality: 'critical',
    soc2: { type: 'type2', periodEnd: '2026-03-31' },
    line: 3,
    ...overrides,
  };
}

import { afterEach, describe, expect, it } from 'vitest';
import { allChecks } from '../../checks/index.js';
import type { GoogleConfig } from '../../src/collectors/google/settings.js';
import { providers } from '../../src/collectors/index.js';
import type { Catalog } from '../../src/core/catalog.js';
import { defaultConfig, type Config } from '../../src/core/config.js';
import { loadCriteria } from '../../src/core/criteria.js';
import type { CheckResult } from '../../src/engine/result.js';
import { runScan } from '../../src/engine/scan.js';
import { RISKY_LOGIN_EVENTS, USER_FIELDS } from '../../src/collectors/google/collectors.js';
import { DOMAIN, lumenLedgerTenant } from '../fakes/google/lumen-ledger.js';
import { startFakeGoogle, type FakeGoogle, type FakeOptions } from '../fakes/google/server.js';
import { testControl } from '../fixtures/engine.js';

/** One control holding every Google check, so the test does not depend on the built-in catalog. */
const catalog: Catalog = {
  criteria: loadCriteria(),
  files: [],
  controls: [
    testControl({
      id: 'TEST-GOOGLE',
      title: 'Google Workspace identity',
      description: 'All Google Workspace checks',
      owner: 'IT',
      frequency: 'continuous',
      criteria: [{ id: 'CC6.1', rationale: 'logical access' }],
      checks: allChecks.filter((c) => c.provider === 'google').map((c) => c.id),
      evidence: [],
      source: { file: 'test', line: 1 },
    }),
  ],
};

const PAGE = { users: 10, groups: 2, members: 3, mobiledevices: 3 } as const;
const tenant = lumenLedgerTenant(new Date());

/**
 * The fewest requests a full scan can make with the fake's page caps: every page of users, groups and
 * each non-empty group's members, one roles and one roleAssignments page plus the member pages of each
 * group holding a role, one tokens.list per active user, one domains.list, and one login query per
 * risky event name.
 */
function minimumRequests(): number {
  const pages = (n: number, size: number) => Math.max(1, Math.ceil(n / size));
  const membersOf = (groupId: unknown) => tenant.members[String(groupId)]!.length;
  const active = tenant.users.filter((u) => !u.suspended && !u.archived).length;
  const members = tenant.groups
    .map((g) => membersOf(g.id))
    .filter((n) => n > 0)
    .reduce((sum, n) => sum + pages(n, PAGE.members), 0);
  const roleGroups = [
    ...new Set(tenant.roleAssignments.filter((a) => a.assigneeType === 'group').map((a) => a.assignedTo)),
  ].reduce<number>((sum, id) => sum + pages(membersOf(id), PAGE.members), 0);
  const users = pages(tenant.users.length, PAGE.users);
  const groups = pages(tenant.groups.length, PAGE.groups);
  // orgunits.list, mobiledevices pages, inboundSsoAssignments + inboundSamlSsoProfiles, policies.list
  const ssoGroups = tenant
    .ssoAssignments!.filter((a) => a.targetGroup)
    .reduce(
      (sum, a) => sum + pages(membersOf(String(a.targetGroup).replace('groups/', '')), PAGE.members),
      0,
    );
  const cloudIdentityAndDevices =
    1 + pages(tenant.mobileDevices!.length, PAGE.mobiledevices) + 2 + ssoGroups + 1;
  return (
    users +
    1 +
    1 +
    roleGroups +
    active * 2 +
    groups +
    members +
    1 +
    RISKY_LOGIN_EVENTS.length +
    cloudIdentityAndDevices
  );
}

let fake: FakeGoogle | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function scan(options: FakeOptions, google: GoogleConfig = {}, env: NodeJS.ProcessEnv = {}) {
  fake = await startFakeGoogle(tenant, { maxPageSize: PAGE, ...options });
  const config: Config = {
    ...defaultConfig(),
    organization: 'Lumen Ledger, Inc.',
    providers: {
      google: {
        domain: DOMAIN,
        rootUrl: fake.rootUrl,
        retry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 4 },
        ...google,
      },
    },
  };
  const outcome = await runScan({
    config,
    catalog,
    checks: allChecks,
    providers,
    env: { GOOGLE_OAUTH_ACCESS_TOKEN: 'test-token', ...env },
  });
  const check = (id: string): CheckResult => outcome.result.checks.find((c) => c.id === id)!;
  const failing = (id: string) =>
    check(id)
      .findings.filter((f) => f.status === 'fail')
      .map((f) => f.resource)
      .sort();
  return { ...outcome, check, failing, fake };
}

describe('Google Workspace end to end (local Admin SDK fake)', () => {
  it('collects every page through the real client and evaluates every check', async () => {
    const { result, snapshot, check, failing, fake } = await scan({});

    expect(failing('google.users-2sv-enrolled')).toEqual([
      'hana.sato@lumenledger.example',
      'lena.fischer@lumenledger.example',
    ]);
    expect(failing('google.users-2sv-enforced')).toEqual([
      'hana.sato@lumenledger.example',
      'ivan.petrov@lumenledger.example',
      'jonas.weber@lumenledger.example',
    ]);
    expect(check('google.super-admin-count').findings[0]!.message).toMatch(/^5 super admins, more than/);
    expect(check('google.admins-2sv').status).toBe('pass');
    expect(check('google.admins-2sv').findings.map((f) => f.resource)).toContain(
      'rosa.alvarez@lumenledger.example',
    );
    expect(failing('google.suspended-admins')).toEqual(['gus.moreau@lumenledger.example']);
    expect(check('google.suspended-admins').findings[0]!.message).toMatch(/_GROUPS_ADMIN_ROLE/);
    expect(failing('google.inactive-users')).toEqual(['kai.larsen@lumenledger.example']);
    expect(failing('google.never-signed-in')).toEqual(['lena.fischer@lumenledger.example']);
    expect(failing('google.third-party-app-scopes')).toEqual([
      'app:Mailmeteor (681523309921-mailmeteor2h7f4k9d1s6a3j8p0l5q.apps.googleusercontent.com)',
      'app:PDF Magic Converter (540198872356-pdfmagic9v3kq1m2r8t6g4b7n0s5l.apps.googleusercontent.com)',
      'ben.okafor@lumenledger.example',
      'olivia.brown@lumenledger.example',
      'xena.park@lumenledger.example',
    ]);
    expect(failing('google.external-group-members')).toEqual(['finance@lumenledger.example']);
    expect(failing('google.suspicious-logins')).toEqual([
      'ben.okafor@lumenledger.example',
      'xena.park@lumenledger.example',
    ]);
    // Support signs in through Okta: Olivia's missing 2SV is the identity provider's business.
    const olivia = check('google.users-2sv-enrolled').findings.find((f) => f.resource.startsWith('olivia.'));
    expect(olivia).toMatchObject({
      status: 'pass',
      message: expect.stringMatching(
        /^Covered by SSO: signs in through Okta \(Support\) \(org unit \/Support\)/,
      ),
    });
    expect(
      check('google.admins-2sv').findings.find((f) => f.resource.startsWith('olivia.'))?.message,
    ).toMatch(/^Covered by SSO/);
    expect(failing('google.app-passwords')).toEqual(['ivan.petrov@lumenledger.example']);
    expect(failing('google.mobile-devices')).toEqual([
      'device:ben.okafor@lumenledger.example/Pixel 6 (AFiQxQ8v2)',
      'device:jonas.weber@lumenledger.example/Galaxy S21 (AFiQxQ8v3)',
    ]);
    expect(failing('google.service-account-admins')).toEqual(['service-account:104918273645019283746']);
    expect(failing('google.password-policy')).toEqual(['policy:security.password:/']);
    expect(failing('google.session-length')).toEqual(['policy:security.session_controls:/']);
    expect(check('google.less-secure-apps').status).toBe('pass');
    expect(failing('google.drive-external-sharing')).toEqual([
      'policy:drive_and_docs.external_sharing:/Sales',
    ]);
    expect(result.scan.complete).toBe(true);

    // Every user came back across pages, with the 1970 "never" turned into null.
    const users = snapshot.data['google.users'];
    expect(users?.status).toBe('ok');
    const userList = (users as { value: { primaryEmail: string; lastLoginTime: string | null }[] }).value;
    expect(userList).toHaveLength(25);
    expect(userList.find((u) => u.primaryEmail.startsWith('lena.'))!.lastLoginTime).toBeNull();
    expect(snapshot.data['google.domains']).toMatchObject({
      value: { domains: ['lumen-ledger.example', 'lumenledger.example'], source: 'directory' },
    });

    // Requests: exactly the minimum the page sizes allow, with the largest page sizes asked for.
    expect(fake.requests).toHaveLength(minimumRequests());
    const userPages = fake.requests.filter((r) => r.area === 'users');
    expect(userPages).toHaveLength(3);
    // Partial response with nextPageToken kept: without it the fake, like Google, drops the token.
    expect(userPages.every((r) => r.query.maxResults === '500' && r.query.fields === USER_FIELDS)).toBe(true);
    expect(userPages.every((r) => r.query.projection === undefined)).toBe(true);
    expect(userList.find((u) => u.primaryEmail.startsWith('priya.'))).toMatchObject({
      aliases: ['priya.raman@lumen-ledger.example', 'priya.shah@lumenledger.example'],
    });
    expect(userPages.every((r) => r.query.customer === 'my_customer')).toBe(true);
    expect(userPages.filter((r) => r.query.pageToken)).toHaveLength(2);
    expect(fake.requests.filter((r) => r.area === 'groups').every((r) => r.query.maxResults === '200')).toBe(
      true,
    );
    // Nested membership is asked for the group holding an admin role (1 page) and the SSO group (2 pages).
    const derived = fake.requests.filter((r) => r.area === 'members' && r.query.includeDerivedMembership);
    const groupOf = (email: string) => String(tenant.groups.find((g) => g.email === email)!.id);
    expect(derived.map((r) => r.path.split('/')[5]).sort()).toEqual(
      [
        groupOf(`helpdesk-admins@${DOMAIN}`),
        groupOf(`finance@${DOMAIN}`),
        groupOf(`finance@${DOMAIN}`),
      ].sort(),
    );
    expect(derived.every((r) => r.query.includeDerivedMembership === 'true')).toBe(true);
    expect(minimumRequests()).toBe(88);
    expect(
      fake.requests
        .filter((r) => r.area === 'mobiledevices')
        .every((r) => r.query.fields?.startsWith('nextPageToken,')),
    ).toBe(true);
    expect(fake.requests.filter((r) => r.area === 'asps')).toHaveLength(24);
    // The policy list is narrowed to the judged settings with Google's CEL filter.
    const policies = fake.requests.find((r) => r.area === 'policies')!;
    expect(policies.query.filter).toBe(
      `customer == "customers/my_customer" && setting.type.matches('^settings/(security\\\\.password|security\\\\.session_controls|security\\\\.less_secure_apps|drive_and_docs\\\\.external_sharing)$')`,
    );
    const policyData = snapshot.data['google.policies'] as { value: { setting: string }[] };
    expect(policyData.value.map((p) => p.setting)).not.toContain('security.login_challenges');
    const tokenCalls = fake.requests.filter((r) => r.area === 'tokens').map((r) => r.path);
    expect(tokenCalls).toHaveLength(24);
    expect(tokenCalls.join()).not.toContain(String(tenant.users.find((u) => u.suspended)!.id));
    const logins = fake.requests.filter((r) => r.area === 'reports');
    expect(logins.every((r) => r.query.maxResults === '1000' && r.query.startTime)).toBe(true);
    expect(result.providers.find((p) => p.id === 'google')!.stats).toMatchObject({
      requests: minimumRequests(),
      retries: 0,
      auth: 'access-token',
    });
  });

  it("needs one page per list at the API's maximum page sizes", async () => {
    const { fake, result } = await scan({ maxPageSize: {} });
    // 1 users + 1 roles + 1 role assignments + 1 role group's members + 24 tokens + 24 asps + 1 groups
    // + 6 non-empty groups' members + 1 domains + 11 login queries + 1 orgunits + 1 mobile devices
    // + 2 SSO lists + 1 SSO group members + 1 policies
    expect(fake.requests).toHaveLength(77);
    expect(result.scan.complete).toBe(true);
  });

  it('retries 429 rateLimitExceeded, 403 userRateLimitExceeded/quotaExceeded and 503, then succeeds', async () => {
    const { result, fake, failing } = await scan({
      faults: [
        { area: 'users', status: 429, reason: 'rateLimitExceeded' },
        { area: 'tokens', status: 403, reason: 'userRateLimitExceeded', times: 2 },
        { area: 'members', status: 403, reason: 'quotaExceeded' },
        { area: 'roles', status: 503, reason: 'backendError' },
      ],
    });
    expect(result.scan.complete).toBe(true);
    expect(failing('google.users-2sv-enrolled')).toHaveLength(2);
    expect(fake.requests).toHaveLength(minimumRequests() + 5);
    expect(fake.requests.filter((r) => r.status === 429)).toHaveLength(1);
    expect(result.providers.find((p) => p.id === 'google')!.stats).toMatchObject({
      retries: 5,
      throttled: 4,
    });
  });

  it('gives up after the configured attempts and marks the data key as an error', async () => {
    const { result, check, fake } = await scan(
      { faults: [{ area: 'users', status: 429, reason: 'rateLimitExceeded', times: 10 }] },
      { retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 } },
    );
    expect(fake.requests.filter((r) => r.area === 'users')).toHaveLength(3);
    expect(check('google.users-2sv-enrolled').status).toBe('error');
    expect(check('google.users-2sv-enrolled').reason).toMatch(
      /google.users: Directory users.list failed after 3 attempts: 429 rateLimitExceeded: Rate Limit Exceeded/,
    );
    // tokens.list needs the users, so its check fails with the same cause.
    expect(check('google.third-party-app-scopes').status).toBe('error');
    // Keys that do not depend on the users still evaluate.
    expect(check('google.external-group-members').status).toBe('fail');
    expect(result.scan.complete).toBe(false);
  });

  it('skips what a missing scope hides, naming the scope, and never retries a 403 permission answer', async () => {
    const { check, fake, snapshot } = await scan({ denied: ['reports', 'tokens', 'domains'] });
    const logins = check('google.suspicious-logins');
    expect(logins.status).toBe('skipped');
    expect(logins.reason).toMatch(
      /Reports activities.list \(login\) was denied \(403 insufficientPermissions: Request had insufficient authentication scopes.\): grant the read-only scope https:\/\/www.googleapis.com\/auth\/admin.reports.audit.readonly to the GOOGLE_OAUTH_ACCESS_TOKEN/,
    );
    expect(check('google.third-party-app-scopes').reason).toMatch(/admin\.directory\.user\.security/);
    // domains.list denied: the configured domain stands in, so the group check still runs.
    expect(check('google.external-group-members').status).toBe('fail');
    expect(snapshot.data['google.domains']).toMatchObject({ value: { domains: [DOMAIN], source: 'config' } });
    expect(check('google.users-2sv-enrolled').status).toBe('fail');
    // None retried, and once a scope is denied no new request asks for it: at most the calls already in
    // flight (the provider's concurrency, 4) see the 403.
    const denied = fake.requests.filter((r) => r.status === 403);
    expect(denied.filter((r) => r.area === 'domains')).toHaveLength(1);
    expect(denied.filter((r) => r.area === 'tokens').length).toBeLessThanOrEqual(4);
    expect(denied.filter((r) => r.area === 'reports').length).toBeLessThanOrEqual(4);
    expect(fake.requests.filter((r) => r.area === 'tokens')).toEqual(
      denied.filter((r) => r.area === 'tokens'),
    );
  });

  it('reports a group whose members cannot be read as not checked, in every check reading them', async () => {
    const helpdesk = `helpdesk-admins@${DOMAIN}`;
    const groupId = String(tenant.groups.find((g) => g.email === helpdesk)!.id);
    const clean = await scan({});
    const cleanAdmins = clean.check('google.admins-2sv').findings;
    await fake!.close();
    fake = undefined;
    const { check, failing } = await scan({
      faults: [{ area: 'members', key: helpdesk, status: 403, reason: 'forbidden', times: Infinity }],
    });
    const forbidden = {
      kind: 'permission',
      status: 403,
      code: 'forbidden',
      message: 'Not Authorized to access this resource/api',
    };
    // Its members hold the Help Desk role through it: who they are is unknown, so the admin checks say so.
    const admins = check('google.admins-2sv');
    expect(admins.status).toBe('error');
    expect(admins.findings.filter((f) => f.status === 'error')).toEqual([
      {
        resource: `group ${groupId}`,
        status: 'error',
        message: `Who holds _HELP_DESK_ADMIN_ROLE through the group not checked for group ${groupId}: 403 forbidden: Not Authorized to access this resource/api`,
        cause: forbidden,
      },
    ]);
    // The admins known otherwise are judged as before; the group's members are no longer among them.
    const members = ['will.jones', 'olivia.brown'].map((l) => `${l}@${DOMAIN}`);
    expect(cleanAdmins.map((f) => f.resource)).toEqual(expect.arrayContaining(members));
    expect(admins.findings.filter((f) => f.status !== 'error')).toEqual(
      cleanAdmins.filter((f) => !members.includes(f.resource)),
    );
    expect(check('google.suspended-admins').status).toBe('error');
    expect(failing('google.suspended-admins')).toEqual(['gus.moreau@lumenledger.example']);
    const groups = check('google.external-group-members');
    expect(groups.status).toBe('error');
    expect(groups.findings.find((f) => f.resource === helpdesk)).toMatchObject({
      status: 'error',
      cause: forbidden,
    });
    expect(failing('google.external-group-members')).toEqual(['finance@lumenledger.example']);
  });

  it('judges 2SV alone, saying so, when SSO assignments cannot be read, and skips policy checks naming the scope', async () => {
    const { check, failing } = await scan({ denied: ['ssoassignments', 'policies'] });
    expect(failing('google.users-2sv-enrolled')).toEqual([
      'hana.sato@lumenledger.example',
      'lena.fischer@lumenledger.example',
      'olivia.brown@lumenledger.example',
    ]);
    expect(
      check('google.users-2sv-enrolled').findings.find((f) => f.resource.startsWith('olivia.'))?.message,
    ).toMatch(/SSO assignments not read/);
    for (const id of ['google.password-policy', 'google.session-length', 'google.less-secure-apps']) {
      expect(check(id).status).toBe('skipped');
      expect(check(id).reason).toMatch(
        /Cloud Identity policies.list was denied \(403 ACCESS_TOKEN_SCOPE_INSUFFICIENT.*grant the read-only scope https:\/\/www.googleapis.com\/auth\/cloud-identity.policies.readonly/,
      );
    }
  });

  it('names the super admin requirement when the Policy API refuses a delegated admin', async () => {
    const { check } = await scan({
      faults: [{ area: 'policies', status: 403, reason: 'PERMISSION_DENIED', times: Infinity }],
    });
    expect(check('google.password-policy').status).toBe('skipped');
    expect(check('google.password-policy').reason).toMatch(/Policy API answers super admins only/);
  });

  it('reads as many days of login events as google.suspicious-logins looks back', async () => {
    fake = await startFakeGoogle(tenant, {});
    const config: Config = {
      ...defaultConfig(),
      checks: { 'google.suspicious-logins': { days: 90 } },
      providers: { google: { domain: DOMAIN, rootUrl: fake.rootUrl } },
    };
    const started = Date.now();
    const { result } = await runScan({
      config,
      catalog,
      checks: allChecks.filter((c) => c.id === 'google.suspicious-logins'),
      providers,
      env: { GOOGLE_OAUTH_ACCESS_TOKEN: 'test-token' },
    });
    const startTime = Date.parse(fake.requests.find((r) => r.area === 'reports')!.query.startTime!);
    expect(Math.round((started - startTime) / 86_400_000)).toBe(90);
    // Kai's suspicious sign-in 45 days ago is inside the 90 days.
    expect(result.checks[0]!.findings.filter((f) => f.status === 'fail').map((f) => f.resource)).toContain(
      'kai.larsen@lumenledger.example',
    );
  });

  it('falls back to the domains of the users when domains.list is denied and no domain is configured', async () => {
    const { snapshot, failing } = await scan({ denied: ['domains'] }, { domain: undefined });
    expect(snapshot.data['google.domains']).toMatchObject({ value: { domains: [DOMAIN], source: 'users' } });
    expect(failing('google.external-group-members')).toEqual(['finance@lumenledger.example']);
  });

  it('reports a rejected access token as an error with a clear cause, without the token', async () => {
    const { result, check, fake } = await scan({}, {}, { GOOGLE_OAUTH_ACCESS_TOKEN: 'expired-token' });
    const users = check('google.users-2sv-enrolled');
    expect(users.status).toBe('error');
    expect(users.reason).toMatch(
      /Google rejected the credentials \(401 authError: Request had invalid authentication credentials/,
    );
    expect(users.reason).toMatch(/access token has not expired/);
    expect(JSON.stringify(result)).not.toContain('expired-token');
    // A 401 is not retried.
    expect(fake.requests.filter((r) => r.area === 'users')).toHaveLength(1);
  });

  it('paces requests to the per-minute quota, so the quota is never what slows it down (time-scaled)', async () => {
    // A "minute" of 100 ms holding 10 queries: the fake refuses the 11th within any 100 ms.
    const quota = { perWindow: 10, windowMs: 100 };
    const env = { SOC2_GOOGLE_MINUTE_MS: '100' };
    const paced = await scan({ quota }, { queriesPerMinute: 10, concurrency: 16 }, env);
    expect(paced.result.scan.complete).toBe(true);
    expect(paced.fake.quotaRefusals).toBe(0);
    expect(paced.fake.requests.length).toBeGreaterThan(quota.perWindow * 2);
    // Without pacing to the quota, the same scan is refused: the quota test can fail.
    const unpaced = await scan({ quota }, { queriesPerMinute: 100_000, concurrency: 16 }, env);
    expect(unpaced.fake.quotaRefusals).toBeGreaterThan(0);
  });
});

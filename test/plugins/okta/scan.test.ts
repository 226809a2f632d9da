import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { soc2, soc2Async } from '../../harness/cli.js';
import { login, northwindOrg } from '../../fakes/okta/northwind.js';
import { startFakeOkta, type FakeOkta, type FakeOptions } from '../../fakes/okta/server.js';

const TOKEN = '00PlantedOktaApiToken-do-not-leak-7f3c';

interface Finding {
  resource: string;
  status: string;
  message: string;
  cause?: { kind: string; status?: number; code?: string };
}
interface Report {
  checks: { id: string; status: string; reason?: string; findings: Finding[] }[];
  providers: { id: string; status: string; stats?: Record<string, unknown> }[];
}

let fake: FakeOkta | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** Every file under a folder, recursively, as text. */
function allFiles(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = join(entry.parentPath, entry.name);
      return { file, text: readFileSync(file, 'latin1') };
    });
}

async function scan(
  options: FakeOptions,
  extraConfig: string[] = [],
  env: NodeJS.ProcessEnv = { OKTA_API_TOKEN: TOKEN },
) {
  const { org, roster } = northwindOrg(new Date());
  fake = await startFakeOkta(org, { token: TOKEN, pageSize: 2, ...options });
  const dir = mkdtempSync(join(tmpdir(), 'soc2-okta-'));
  writeFileSync(join(dir, 'roster.csv'), roster);
  writeFileSync(
    join(dir, 'soc2.config.yaml'),
    [
      'organization: Northwind Analytics',
      'providers:',
      '  okta:',
      `    orgUrl: ${fake.orgUrl}`,
      ...extraConfig,
      '  hr:',
      '    roster: ./roster.csv',
      'checks:',
      "  okta.orphans: { allow: ['svc-*'] }",
      '',
    ].join('\n'),
  );
  const out = join(dir, 'out');
  const { done } = soc2Async(
    ['scan', '--provider', 'okta', '--quiet', '-o', out, '-f', 'json,md,html,csv,sarif,junit,oscal,ocsf'],
    { cwd: dir, env },
  );
  const run = await done;
  if (!existsSync(join(out, 'report.json'))) throw new Error(`no report (exit ${run.code}): ${run.stderr}`);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
  const check = (id: string) => {
    const found = report.checks.find((c) => c.id === id);
    if (!found) throw new Error(`no check ${id} in the report`);
    return found;
  };
  const verdict = (id: string, resource: string) =>
    check(id).findings.find((f) => f.resource === resource)?.status;
  return { run, report, check, verdict, out, dir, fake: fake! };
}

describe('soc2 scan against the local Okta org (bin/soc2.js, OKTA_API_TOKEN)', () => {
  it('reports every okta check with the verdicts of the seeded defects and their look-alikes', async () => {
    const { run, check, verdict, out, fake, report } = await scan({ rateLimited: { '/api/v1/apps': 1 } });
    expect(run.code, run.stderr).toBe(1);
    expect(
      Object.fromEntries(
        [
          'deprovisioned-app-access',
          'dormant-users',
          'mfa-enrolled',
          'mfa-enrollment',
          'mfa-required',
          'offboarding',
          'orphans',
          'password-policy',
          'super-admins',
        ].map((n) => [n, check(`okta.${n}`).status]),
      ),
    ).toEqual({
      'deprovisioned-app-access': 'fail',
      'dormant-users': 'fail',
      'mfa-enrolled': 'fail',
      'mfa-enrollment': 'fail',
      'mfa-required': 'fail',
      offboarding: 'fail',
      orphans: 'fail',
      'password-policy': 'fail',
      'super-admins': 'fail',
    });

    // MFA enrolled: question+email only fails, a pending SMS next to an active TOTP passes.
    expect(verdict('okta.mfa-enrolled', login('bob.stone'))).toBe('fail');
    expect(verdict('okta.mfa-enrolled', login('carol.diaz'))).toBe('pass');
    expect(verdict('okta.mfa-enrolled', login('dave.kim'))).toBe('fail');
    expect(verdict('okta.mfa-enrolled', login('nora.bell'))).toBe('pass'); // LOCKED_OUT is still judged
    expect(check('okta.mfa-enrolled').findings.map((f) => f.resource)).not.toContain(login('oscar.wu')); // STAGED

    // Sign-on policy: the office rule without MFA fails; a deny rule passes; the inactive rule is not judged.
    expect(verdict('okta.mfa-required', 'okta:policy/Office Network/Office network without MFA')).toBe(
      'fail',
    );
    expect(verdict('okta.mfa-required', 'okta:policy/Office Network/Block anonymizers')).toBe('pass');
    expect(verdict('okta.mfa-required', 'okta:policy/Default Policy/Default Rule')).toBe('pass');
    expect(check('okta.mfa-required').findings).toHaveLength(3);
    // Identity Engine: the office rule's password-only sessions reach the app whose rule allows one factor.
    expect(check('okta.mfa-required').findings[0]!.message).toMatch(
      /allows sign-in without a second factor, and these authentication policy rules allow one factor: Legacy Intranet \/ Intranet password only$/,
    );

    // Enrollment: email-only contractors policy fails; Okta Verify required passes.
    expect(verdict('okta.mfa-enrollment', 'okta:policy/Contractors')).toBe('fail');
    expect(verdict('okta.mfa-enrollment', 'okta:policy/Default Policy')).toBe('pass');

    // Super admins: alice (direct), carol (through a group), dave; suspended ivan and org admin gina not counted.
    const count = check('okta.super-admins').findings.find((f) => f.resource === 'Northwind Analytics')!;
    expect(count).toMatchObject({ status: 'pass' });
    expect(count.message).toMatch(/^3 Okta super admins/);
    expect(verdict('okta.super-admins', login('dave.kim'))).toBe('fail');
    expect(verdict('okta.super-admins', login('carol.diaz'))).toBe('pass');

    // Dormant: 200 days fails, 80 passes, never signed in after 120 days fails, a 3-day-old new hire passes.
    expect(verdict('okta.dormant-users', login('erin.moss'))).toBe('fail');
    expect(verdict('okta.dormant-users', login('frank.ode'))).toBe('pass');
    expect(verdict('okta.dormant-users', login('gina.ruiz'))).toBe('fail');
    expect(verdict('okta.dormant-users', login('hank.lee'))).toBe('pass');
    expect(check('okta.dormant-users').findings.map((f) => f.resource)).not.toContain(login('ivan.petrov'));

    // Password policies.
    expect(verdict('okta.password-policy', 'okta:policy/Legacy Staff')).toBe('fail');
    expect(verdict('okta.password-policy', 'okta:policy/Default Policy')).toBe('pass');
    expect(verdict('okta.password-policy', 'okta:policy/AD users')).toBe('pass');
    expect(check('okta.password-policy').findings.map((f) => f.resource)).not.toContain(
      'okta:policy/Old policy',
    );

    // Deprovisioned judy still on Payroll; the inactive CRM's leftover is not read.
    expect(verdict('okta.deprovisioned-app-access', `okta:app/Payroll/${login('judy.hart')}`)).toBe('fail');
    expect(verdict('okta.deprovisioned-app-access', 'okta:app/Wiki')).toBe('pass');
    expect(check('okta.deprovisioned-app-access').findings.map((f) => f.resource)).not.toContain(
      `okta:app/Legacy CRM/${login('kim.yu')}`,
    );

    // HR joins: leo left a month ago and is active; suspended ivan and deprovisioned judy are offboarded.
    expect(verdict('okta.offboarding', `okta:${login('leo.grant')}`)).toBe('fail');
    expect(verdict('okta.offboarding', `hr:${login('ivan.petrov')}`)).toBe('pass');
    expect(
      check('okta.offboarding').findings.find((f) => f.resource === `hr:${login('ivan.petrov')}`)!.message,
    ).toMatch(/SUSPENDED \(cannot sign in/);
    expect(verdict('okta.offboarding', `hr:${login('judy.hart')}`)).toBe('pass');
    // Orphans: the agency contractor matches nobody; Mia matches on her primary email; svc-backup is allow-listed.
    expect(verdict('okta.orphans', `okta:${login('pat.contractor')}`)).toBe('fail');
    expect(check('okta.orphans').findings.map((f) => f.resource)).not.toContain(`okta:${login('mia.chen')}`);
    expect(verdict('okta.orphans', `okta:${login('svc-backup')}`)).toBe('pass');

    // Paging: users (and the deprovisioned filter), role assignees and app users were read page by page.
    const paths = fake.requests.map((r) => r);
    expect(paths.filter((r) => r.path === '/api/v1/users' && !r.query.filter).length).toBeGreaterThan(5);
    expect(
      paths.some((r) => r.path === '/api/v1/users' && r.query.filter === 'status eq "DEPROVISIONED"'),
    ).toBe(true);
    expect(paths.filter((r) => r.path === '/api/v1/iam/assignees/users').length).toBe(3);
    expect(
      paths.filter((r) => r.path.endsWith('/users') && r.path.startsWith('/api/v1/apps/')).length,
    ).toBeGreaterThan(3);
    // The inactive app's users were never asked for.
    expect(paths.every((r) => !r.path.includes('/apps/0oa') || !r.path.includes('Legacy'))).toBe(true);

    // The 429 was waited out until X-Rate-Limit-Reset, once, and never hammered.
    const appList = fake.requests.filter((r) => r.path === '/api/v1/apps' && !r.query.after);
    expect(appList.map((r) => r.status)).toEqual([429, 200]);
    expect(fake.early).toEqual([]);
    expect(report.providers.find((p) => p.id === 'okta')).toMatchObject({
      status: 'ok',
      stats: { auth: 'api-token', retries: 1, rateLimitWaits: 1 },
    });

    // The token is in no output file and not on stderr; it was sent as SSWS.
    expect(fake.requests.every((r) => r.authorization === `SSWS ${TOKEN}`)).toBe(true);
    expect(run.stderr).not.toContain(TOKEN);
    const leaks = allFiles(out).filter(
      ({ text }) => text.includes(TOKEN) || text.includes(TOKEN.slice(4, 24)),
    );
    expect(leaks.map((l) => l.file)).toEqual([]);
    expect(allFiles(out).length).toBeGreaterThan(10);
  }, 60_000);

  it('a 403 on the policies skips only the policy checks, naming the permission; the rest is judged', async () => {
    const { run, check, report } = await scan({ denied: ['policies'] });
    expect(run.code, run.stderr).toBe(1);
    for (const id of ['okta.mfa-required', 'okta.mfa-enrollment', 'okta.password-policy']) {
      expect(check(id).status).toBe('skipped');
      expect(check(id).reason).toMatch(/403 E0000006.*okta\.policies\.read/);
    }
    expect(check('okta.mfa-enrolled').status).toBe('fail');
    expect(check('okta.deprovisioned-app-access').status).toBe('fail');
    expect(report.providers.find((p) => p.id === 'okta')!.status).toBe('partial');
  }, 60_000);

  it('a Classic Engine org, which has no authentication policies, is judged on its sign-on policies alone', async () => {
    const { run, check, verdict } = await scan({ classicEngine: true });
    expect(run.code, run.stderr).toBe(1);
    expect(verdict('okta.mfa-required', 'okta:policy/Office Network/Office network without MFA')).toBe(
      'fail',
    );
    expect(check('okta.mfa-required').findings[0]!.message).toMatch(
      /allows sign-in without a second factor$/,
    );
    expect(verdict('okta.mfa-required', 'okta:policy/Default Policy/Default Rule')).toBe('pass');
  }, 60_000);

  it("a 403 on one user's factors makes that user not checked and judges the others", async () => {
    const { org } = northwindOrg(new Date());
    const bob = org.users.find((u) => (u.profile as { login: string }).login === login('bob.stone'))!;
    const { run, check, verdict } = await scan({ denied: ['factors'], deniedKeys: [String(bob.id)] });
    expect(run.code, run.stderr).toBe(3);
    expect(check('okta.mfa-enrolled').status).toBe('error');
    const bobs = check('okta.mfa-enrolled').findings.find((f) => f.resource === login('bob.stone'))!;
    expect(bobs).toMatchObject({
      status: 'error',
      cause: { kind: 'permission', status: 403, code: 'E0000006' },
    });
    expect(verdict('okta.mfa-enrolled', login('dave.kim'))).toBe('fail');
    expect(verdict('okta.mfa-enrolled', login('alice.ng'))).toBe('pass');
    expect(check('okta.dormant-users').status).toBe('fail');
  }, 60_000);

  it('a rejected token makes the checks error with the cause and never prints the token', async () => {
    const { run, check } = await scan({}, [], { OKTA_API_TOKEN: `${TOKEN}-wrong` });
    expect(run.code).toBe(3);
    expect(check('okta.mfa-required').status).toBe('error');
    expect(JSON.stringify(check('okta.mfa-required'))).toMatch(/401/);
    expect(run.stderr).not.toContain(TOKEN);
  }, 60_000);
});

describe('soc2 scan against the local Okta org with an OAuth service app (private_key_jwt)', () => {
  it('gets a token per scope; a scope not granted skips only its checks; neither key nor token is written', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const keyFile = join(mkdtempSync(join(tmpdir(), 'soc2-okta-key-')), 'service-app.pem');
    writeFileSync(keyFile, pem);
    const granted = ['okta.users.read', 'okta.factors.read', 'okta.roles.read', 'okta.apps.read'];
    const { run, check, out, fake } = await scan(
      { token: undefined, oauth: { clientId: '0oaServiceApp123', publicKey, scopes: granted } },
      ['    clientId: 0oaServiceApp123', `    privateKey: ${keyFile}`, '    keyId: key-1'],
      {},
    );
    expect(run.code, run.stderr).toBe(1);
    expect(check('okta.mfa-enrolled').status).toBe('fail');
    expect(check('okta.super-admins').status).toBe('fail');
    for (const id of ['okta.mfa-required', 'okta.mfa-enrollment', 'okta.password-policy']) {
      expect(check(id).status).toBe('skipped');
      expect(check(id).reason).toMatch(/invalid_scope.*grant the service app the okta\.policies\.read scope/);
    }
    const tokenRequests = fake.requests.filter((r) => r.path === '/oauth2/v1/token');
    // One token per scope asked for (four granted, one refused), however many requests each serves.
    expect(tokenRequests.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 400]);
    const api = fake.requests.filter((r) => r.path.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(20);
    expect(api.every((r) => r.authorization.startsWith('Bearer eyJ.fake-access-token.'))).toBe(true);
    const secrets = [pem.split('\n')[1]!, api[0]!.authorization.slice('Bearer '.length)];
    const leaks = allFiles(out).filter(({ text }) => secrets.some((secret) => text.includes(secret)));
    expect(leaks.map((l) => l.file)).toEqual([]);
    expect(secrets.some((secret) => run.stderr.includes(secret))).toBe(false);
  }, 60_000);
});

describe('soc2 checks list and config errors', () => {
  it('lists the okta checks', () => {
    const run = soc2(['checks', 'list', '--provider', 'okta']);
    expect(run.code).toBe(0);
    for (const name of [
      'mfa-enrolled',
      'mfa-required',
      'mfa-enrollment',
      'super-admins',
      'dormant-users',
      'password-policy',
      'deprovisioned-app-access',
      'offboarding',
      'orphans',
    ]) {
      expect(run.stdout).toContain(`okta.${name}`);
    }
  });

  it('a providers.okta block without credentials makes the okta checks error, saying what to set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soc2-okta-nocreds-'));
    writeFileSync(
      join(dir, 'soc2.config.yaml'),
      ['providers:', '  okta:', '    orgUrl: https://acme.okta.com', ''].join('\n'),
    );
    const run = soc2(['scan', '--provider', 'okta', '--quiet', '-o', join(dir, 'out')], { cwd: dir });
    expect(run.code).toBe(3);
    const report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8')) as Report;
    const mfa = report.checks.find((c) => c.id === 'okta.mfa-enrolled')!;
    expect(mfa.status).toBe('error');
    expect(JSON.stringify(mfa)).toMatch(/OKTA_API_TOKEN/);
  });

  it('a bad providers.okta block exits 2 naming file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soc2-okta-config-'));
    writeFileSync(
      join(dir, 'soc2.config.yaml'),
      ['providers:', '  okta:', '    orgUrl: acme.okta.com', '    tokn: x', ''].join('\n'),
    );
    const run = soc2(['scan', '--provider', 'okta', '-o', join(dir, 'out')], {
      cwd: dir,
      env: { OKTA_API_TOKEN: TOKEN },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/soc2\.config\.yaml:3:\d+: .*orgUrl/);
    expect(run.stderr).toMatch(/soc2\.config\.yaml:4:\d+: unknown key 'tokn' in providers\.okta/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

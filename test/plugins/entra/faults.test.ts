import { beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_SECRET, lumenLedgerTenant } from '../../fakes/entra/lumen-ledger.js';
import { APP_CERTIFICATE_FILE } from '../../fakes/entra/server.js';
import { entraChecks, scanEntra, trustFakeCa } from './scan.js';

const now = new Date();
const tenant = (change: (t: ReturnType<typeof lumenLedgerTenant>) => void = () => {}) => {
  const t = lumenLedgerTenant(now);
  change(t);
  return t;
};
const statuses = (check: (id: string) => { status: string }) =>
  Object.fromEntries(entraChecks.map((c) => [c.id, check(c.id).status]));

beforeAll(trustFakeCa);

describe('Entra ID partial failures', () => {
  it('a tenant without Entra ID P1 skips the sign-in checks naming the licence and judges the rest', async () => {
    const { check, snapshot } = await scanEntra(tenant((t) => (t.licences = { p1: false, p2: false })));
    const signIns = snapshot.data['entra.signIns'];
    expect(signIns).toMatchObject({ status: 'skipped' });
    expect((signIns as { reason: string }).reason).toMatch(
      /signInActivity .*needs a Microsoft Entra ID P1 \(or P2\) licence in the tenant \(Graph answered 403 Authentication_RequestFromNonPremiumTenantOrB2CTenant\)/,
    );
    for (const id of ['entra.dormant-accounts', 'entra.never-signed-in', 'entra.stale-guests']) {
      expect(check(id).status).toBe('skipped');
      expect(check(id).reason).toMatch(/Entra ID P1/);
    }
    // No conditional access and no security defaults: nothing demands MFA, which is a finding.
    expect(check('entra.mfa-required').status).toBe('fail');
    expect(check('entra.mfa-required').findings[0]!.message).toMatch(
      /security defaults are off and the tenant has no conditional access/,
    );
    // Without P2 the PIM-eligible Global Administrator is not seen, and the count says so.
    const count = check('entra.global-admins').findings.find(
      (f) => f.resource === 'entra:role/global-administrator',
    )!;
    expect(count.message).toMatch(
      /^4 Global Administrators .*PIM eligible assignments not read: .*Entra ID P2/,
    );
    expect(check('entra.mfa-registered').status).toBe('fail');
    expect(check('entra.offboarding').status).toBe('fail');
  });

  it('a missing application permission skips only the checks of the data it guards', async () => {
    const { check, result } = await scanEntra(
      tenant((t) => (t.permissions = t.permissions.filter((p) => p !== 'Policy.Read.All'))),
    );
    for (const id of ['entra.mfa-required', 'entra.legacy-auth-blocked']) {
      expect(check(id).status).toBe('skipped');
      expect(check(id).reason).toMatch(
        /403 Authorization_RequestDenied.*grant the application permission Policy.Read.All/,
      );
    }
    expect(statuses(check)).toMatchObject({
      'entra.mfa-registered': 'fail',
      'entra.dormant-accounts': 'fail',
      'entra.orphans': 'fail',
    });
    expect(result.scan.complete).toBe(true);
  });

  it('members of a role-assignable group that cannot be read are not checked, other admins are', async () => {
    const { check } = await scanEntra(
      tenant((t) => (t.permissions = t.permissions.filter((p) => p !== 'GroupMember.Read.All'))),
    );
    const admins = check('entra.global-admins');
    expect(admins.status).toBe('error');
    const group = admins.findings.find((f) => f.resource === 'entra:group/Tenant Admins')!;
    expect(group).toMatchObject({ status: 'error', cause: { kind: 'permission', status: 403 } });
    expect(group.message).toMatch(/GroupMember.Read.All/);
    expect(admins.findings.filter((f) => f.status === 'fail').map((f) => f.resource)).toContain(
      'entra:erin.kowalski@lumenledger.example',
    );
  });

  it('a server error that outlasts the retries is an error with its cause, never a pass or fail', async () => {
    const { check, snapshot, result, fake } = await scanEntra(tenant(), {
      fail: {
        path: '/reports/authenticationMethods/userRegistrationDetails',
        status: 503,
        code: 'serviceNotAvailable',
        message: 'Service unavailable',
      },
    });
    expect(snapshot.data['entra.registration']).toMatchObject({ status: 'error' });
    for (const id of ['entra.mfa-registered', 'entra.global-admins']) {
      expect(check(id).status).toBe('error');
      expect(check(id).findings.every((f) => f.status !== 'pass' && f.status !== 'fail')).toBe(true);
    }
    expect(check('entra.dormant-accounts').status).toBe('fail');
    expect(result.scan.complete).toBe(false);
    // The first try and two retries (retry.attempts = 3).
    expect(fake.requests.filter((r) => r.path.startsWith('/v1.0/reports/')).length).toBe(3);
  });

  it('a 429 is retried after the Retry-After Graph sends, not after the backoff', async () => {
    const { check, fake, result } = await scanEntra(
      tenant(),
      { throttle: { path: '/users', times: 2, retryAfter: 0 }, maxPageSize: { '/users': 5 } },
      // A backoff this long would time the test out: only Retry-After: 0 lets it finish.
      { retry: { attempts: 3, baseDelayMs: 600_000, maxDelayMs: 600_000 } },
    );
    expect(result.scan.complete).toBe(true);
    expect(check('entra.orphans').status).toBe('fail');
    expect(result.providers.find((p) => p.id === 'entra')?.stats).toMatchObject({ throttled: 2, retries: 2 });
    expect(fake.requests.filter((r) => r.path.startsWith('/v1.0/users?')).length).toBeGreaterThanOrEqual(4);
  });

  it('authenticates with a certificate (signed client assertion) instead of a secret', async () => {
    const { check, fake, result } = await scanEntra(tenant(), {}, { certificate: APP_CERTIFICATE_FILE }, {});
    expect(result.scan.complete).toBe(true);
    expect(fake.tokensIssued).toBe(1);
    expect(check('entra.mfa-registered').status).toBe('fail');
    expect(result.providers.find((p) => p.id === 'entra')?.stats).toMatchObject({ auth: 'certificate' });
  });

  it('uses a ready MSGRAPH_ACCESS_TOKEN without asking for a token', async () => {
    const { check, fake } = await scanEntra(
      tenant(),
      { acceptTokens: ['ready-made-token'] },
      {},
      {
        MSGRAPH_ACCESS_TOKEN: 'ready-made-token',
      },
    );
    expect(fake.tokensIssued).toBe(0);
    expect(check('entra.offboarding').status).toBe('fail');
  });

  it('a rejected client secret makes every check an error with the identity platform answer, never the secret', async () => {
    const wrong = `${CLIENT_SECRET}-rotated`;
    const { check, result } = await scanEntra(tenant(), {}, {}, { AZURE_CLIENT_SECRET: wrong });
    for (const c of entraChecks) expect(check(c.id).status, c.id).toBe('error');
    const text = JSON.stringify(result);
    expect(text).toMatch(/AADSTS7000215: Invalid client secret provided/);
    expect(text).not.toContain(wrong);
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/core/paths.js';
import type { FailureCause, Finding } from '../../src/engine/types.js';
import { DOMAIN, lumenLedgerTenant } from '../fakes/google/lumen-ledger.js';
import { startFakeGoogle, type FakeOptions, type RecordedRequest } from '../fakes/google/server.js';
import { compile } from '../fixtures/schemas.js';
import { soc2Async } from '../harness/cli.js';

/**
 * Some users' tokens.list answering with errors, through the real CLI (bin/soc2.js scan --provider
 * google, @googleapis/admin against the Admin SDK fake): those users are reported as not checked with
 * Google's cause, every other user is judged exactly as in a clean run, and the scan is incomplete.
 */

interface ReportCheck {
  id: string;
  status: string;
  reason?: string;
  findings: Finding[];
}
interface Run {
  code: number | null;
  stderr: string;
  report: { checks: ReportCheck[]; summary: { exitCode: number; findings: Record<string, number> } };
  reportText: string;
  tokens: string;
  requests: RecordedRequest[];
}

const tenant = lumenLedgerTenant(new Date());
const email = (local: string) => `${local}@${DOMAIN}`;
const APPS = 'google.third-party-app-scopes';

async function scan(options: FakeOptions): Promise<Run> {
  const fake = await startFakeGoogle(tenant, options);
  try {
    const dir = mkdtempSync(join(tmpdir(), 'soc2-google-users-'));
    writeFileSync(
      join(dir, 'soc2.config.yaml'),
      [
        'organization: Lumen Ledger, Inc.',
        'providers:',
        '  google:',
        `    domain: ${DOMAIN}`,
        `    rootUrl: ${fake.rootUrl}`,
        '    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 }',
        '',
      ].join('\n'),
    );
    const out = join(dir, 'out');
    const { done } = soc2Async(['scan', '--provider', 'google', '--quiet', '-o', out], {
      cwd: dir,
      env: { GOOGLE_OAUTH_ACCESS_TOKEN: 'test-token' },
    });
    const { code, stderr } = await done;
    const reportText = readFileSync(join(out, 'report.json'), 'utf8');
    return {
      code,
      stderr,
      report: JSON.parse(reportText) as Run['report'],
      reportText,
      tokens: readFileSync(join(out, 'evidence', 'data', 'google.tokens.jsonl'), 'utf8'),
      requests: fake.requests,
    };
  } finally {
    await fake.close();
  }
}

const check = (run: Run, id: string) => run.report.checks.find((c) => c.id === id)!;
const google = (run: Run) => run.report.checks.filter((c) => c.id.startsWith('google.'));

/** Google's answers for the three users, and the causes soc2 must record for them. */
const FAULTED: Record<string, { faults: FakeOptions['faults']; cause: FailureCause }> = {
  // Holds an app with full Drive: in a clean run, a failing user.
  [email('ben.okafor')]: {
    faults: [{ area: 'tokens', key: email('ben.okafor'), status: 403, reason: 'forbidden', times: Infinity }],
    cause: {
      kind: 'permission',
      status: 403,
      code: 'forbidden',
      message: 'Not Authorized to access this resource/api',
    },
  },
  // Holds only narrow scopes: in a clean run, a passing user.
  [email('hana.sato')]: {
    faults: [{ area: 'tokens', key: email('hana.sato'), status: 400, reason: 'badRequest', times: Infinity }],
    cause: { kind: 'invalid', status: 400, code: 'badRequest', message: 'Bad Request' },
  },
  // Holds no grant: in a clean run, no finding at all.
  [email('kai.larsen')]: {
    faults: [
      { area: 'tokens', key: email('kai.larsen'), status: 503, reason: 'backendError' },
      { area: 'tokens', key: email('kai.larsen'), status: 404, reason: 'notFound', times: Infinity },
    ],
    cause: { kind: 'not_found', status: 404, code: 'notFound', message: 'Resource Not Found: userKey' },
  },
};
const faultedUsers = Object.keys(FAULTED);

describe('Google users whose grants cannot be read (bin/soc2.js against the Admin SDK fake)', () => {
  let clean: Run;
  let faulty: Run;
  let allForbidden: Run;
  let scopeMissing: Run;
  beforeAll(async () => {
    [clean, faulty, allForbidden, scopeMissing] = await Promise.all([
      scan({}),
      scan({ faults: Object.values(FAULTED).flatMap((f) => f.faults ?? []) }),
      scan({ faults: [{ area: 'tokens', status: 403, reason: 'forbidden', times: Infinity }] }),
      scan({ denied: ['tokens'] }),
    ]);
  }, 120_000);

  it('the clean run reads every user and judges the three users', () => {
    expect(clean.code).toBe(1);
    expect(google(clean).filter((c) => c.status === 'error')).toEqual([]);
    const findings = check(clean, APPS).findings;
    expect(findings.find((f) => f.resource === email('ben.okafor'))?.status).toBe('fail');
    expect(findings.find((f) => f.resource === email('hana.sato'))?.status).toBe('pass');
    expect(findings.find((f) => f.resource === email('kai.larsen'))).toBeUndefined();
  });

  it("gives each faulted user an error finding with Google's cause", () => {
    const apps = check(faulty, APPS);
    expect(apps.status).toBe('error');
    for (const user of faultedUsers) {
      expect(apps.findings.filter((f) => f.resource === user)).toEqual([
        expect.objectContaining({ status: 'error', cause: FAULTED[user]!.cause }),
      ]);
    }
    expect(apps.findings.filter((f) => f.status === 'error')).toHaveLength(3);
    expect(apps.reason).toMatch(/^3 scope\(s\) not checked: /);
    expect(apps.reason).toContain('403 forbidden: Not Authorized to access this resource/api (ben.okafor@');
    expect(apps.reason).toContain('400 badRequest: Bad Request (hana.sato@');
    expect(apps.reason).toContain('404 notFound: Resource Not Found: userKey (kai.larsen@');
  });

  it('judges every other user exactly as the clean run, user by user, and each app by the users read', () => {
    const users = new Set(tenant.users.map((u) => String(u.primaryEmail)));
    const byResource = (run: Run) => new Map(check(run, APPS).findings.map((f) => [f.resource, f] as const));
    const before = byResource(clean);
    const after = byResource(faulty);
    const others = [...before.keys()].filter((r) => users.has(r) && !faultedUsers.includes(r));
    expect(others.length).toBeGreaterThan(3);
    for (const user of others) expect(after.get(user), user).toEqual(before.get(user));
    expect([...after.keys()].filter((r) => users.has(r)).sort()).toEqual([...others, ...faultedUsers].sort());

    const apps = [...before.keys()].filter((r) => r.startsWith('app:'));
    expect([...after.keys()].filter((r) => r.startsWith('app:')).sort()).toEqual(apps.sort());
    for (const app of apps) {
      const was = before.get(app)!;
      const is = after.get(app)!;
      expect(is.status, app).toBe(was.status);
      const holders = (f: Finding) => (f.details as { users?: string[] } | undefined)?.users;
      if (holders(was))
        expect(holders(is), app).toEqual(holders(was)!.filter((u) => !faultedUsers.includes(u)));
    }
  });

  it('leaves every other Google check exactly as in the clean run', () => {
    const others = (run: Run) => google(run).filter((c) => c.id !== APPS);
    expect(others(faulty)).toEqual(others(clean));
  });

  it('asks for every user once (the 503 once more), and never lets one refusal stop the others', () => {
    const tokenCalls = (run: Run) => run.requests.filter((r) => r.area === 'tokens');
    expect(tokenCalls(clean)).toHaveLength(24);
    expect(tokenCalls(faulty)).toHaveLength(25);
    expect(
      tokenCalls(faulty)
        .map((r) => r.status)
        .sort(),
    ).toEqual([...Array<number>(21).fill(200), 400, 403, 404, 503]);
  });

  it('writes a valid report.json and the per-user evidence, and exits 3 (incomplete)', () => {
    const validate = compile(
      JSON.parse(readFileSync(join(packageRoot, 'schemas', 'report.schema.json'), 'utf8')) as object,
    );
    expect(validate(faulty.report), JSON.stringify(validate.errors)).toBe(true);
    expect(faulty.report.summary.exitCode).toBe(3);
    expect(faulty.report.summary.findings.error).toBe(3);
    expect(faulty.code).toBe(3);
    expect(faulty.stderr).not.toMatch(/\n\s+at /);
    expect(faulty.tokens).toContain('"scope":"kai.larsen@lumenledger.example"');
    expect(faulty.tokens).toContain('"kind":"not_found"');
    expect(faulty.reportText).not.toContain('test-token');
  });

  it('skips the key when every user is refused, naming what the answer says is missing', () => {
    const apps = check(allForbidden, APPS);
    expect(apps.status).toBe('skipped');
    expect(apps.reason).toBe(
      "Directory tokens.list: every one of 24 scope(s) was denied (403 forbidden: Not Authorized to access this resource/api): the scope is not what is missing: the access token's account is not allowed to read this data and needs an admin role with the privilege to read it",
    );
    expect(allForbidden.code).toBe(clean.code);
    const missing = check(scopeMissing, APPS);
    expect(missing.status).toBe('skipped');
    expect(missing.reason).toMatch(
      /every one of 24 scope\(s\) was denied \(403 insufficientPermissions: Request had insufficient authentication scopes\.\): grant the read-only scope https:\/\/www\.googleapis\.com\/auth\/admin\.directory\.user\.security to the GOOGLE_OAUTH_ACCESS_TOKEN$/,
    );
    // A missing scope is asked for at most once per request already in flight (concurrency 4).
    expect(scopeMissing.requests.filter((r) => r.area === 'tokens').length).toBeLessThanOrEqual(4);
    expect(allForbidden.requests.filter((r) => r.area === 'tokens')).toHaveLength(24);
  });
});

import { readEvidenceFile } from '../fixtures/evidence-file.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_READ } from '../../src/collectors/github/per-repo.js';
import { packageRoot } from '../../src/core/paths.js';
import type { ScanResult } from '../../src/engine/result.js';
import type { Finding } from '../../src/engine/types.js';
import { soc2Async, type CliRun } from '../harness/cli.js';
import { compile } from '../fixtures/schemas.js';
import { lumenLedger } from '../fakes/github/lumen-ledger.js';
import { startFakeGithub, type FakeGithub, type Fault } from '../fakes/github/server.js';

const TOKEN = 'ghp_cliFakeToken0123456789abcdefABCDEF012345';
const PROTECTION_DENIED =
  'GET /repos/{owner}/{repo}/branches/{branch}/protection: Resource not accessible by personal access token';
let dir: string;
let runs = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'soc2-gh-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const validReport = compile(
  JSON.parse(readFileSync(join(packageRoot, 'schemas', 'report.schema.json'), 'utf8')) as object,
);

/** `soc2 scan --provider github` against a fake GitHub Enterprise Server with the given faults. */
async function scanCli(
  faults: Fault[] = [],
): Promise<{ run: CliRun; result: ScanResult; fake: FakeGithub; out: string }> {
  const fake = await startFakeGithub(lumenLedger, { token: TOKEN, prefix: '/api/v3', faults });
  try {
    runs += 1;
    const config = join(dir, `soc2-${runs}.config.yaml`);
    writeFileSync(
      config,
      [
        'organization: Lumen Ledger, Inc.',
        'providers:',
        '  github:',
        '    org: lumen-ledger',
        `    baseUrl: ${fake.apiUrl}`,
        // The faults below target per-repository REST endpoints; GraphQL: github-graphql.test.ts.
        '    graphql: false',
        'checks:',
        '  github.public-repos:',
        '    allowedPublic: [docs]',
        '',
      ].join('\n'),
    );
    const out = join(dir, `report-${runs}`);
    const run = await soc2Async(['scan', '--config', config, '--provider', 'github', '--out', out], {
      env: { GITHUB_TOKEN: TOKEN, SOC2_GITHUB_RETRY_BASE_MS: '1' },
    }).done;
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const result = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ScanResult;
    expect(validReport(result), JSON.stringify(validReport.errors)).toBe(true);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).not.toContain(TOKEN);
    return { run, result, fake, out };
  } finally {
    await fake.close();
  }
}

const checkOf = (result: ScanResult, id: string) => result.checks.find((c) => c.id === id)!;

/** Each check's findings by resource: status and message (what a reader compares between runs). */
function byResource(result: ScanResult): Map<string, Map<string, Pick<Finding, 'status' | 'message'>>> {
  return new Map(
    result.checks.map((c) => [
      c.id,
      new Map(c.findings.map((f) => [f.resource, { status: f.status, message: f.message }])),
    ]),
  );
}

describe('soc2 scan --provider github (bin/soc2.js against a local GitHub Enterprise Server API)', () => {
  let clean: Awaited<ReturnType<typeof scanCli>>;
  beforeAll(async () => {
    clean = await scanCli([
      { match: /^GET \/orgs\/lumen-ledger\/members\?role=admin/, status: 429, times: 1, retryAfter: 1 },
    ]);
  });

  it('scans, writes the report, exits 1 for failures and never prints the token', () => {
    const { run, result, fake } = clean;
    expect(run.code, run.stderr).toBe(1);
    expect(result.scan.complete).toBe(true);
    const github = result.providers.find((p) => p.id === 'github')!;
    expect(github.status).toBe('ok');
    expect(github.stats).toMatchObject({ rateLimitRetries: 1, requests: fake.requests.length });
    // Live scan: alert ages are measured against today, so only check what does not age.
    expect(checkOf(result, 'github.branch-protection').status).toBe('fail');
    expect(checkOf(result, 'github.public-repos').status).toBe('pass');
    expect(result.checks.filter((c) => c.status === 'error')).toEqual([]);
  });

  it('one repository denied and others failing with 5xx: those are not checked, every other verdict is unchanged', async () => {
    const { run, result, fake, out } = await scanCli([
      {
        match: /^GET \/repos\/lumen-ledger\/payments-service\/branches\/main\/protection$/,
        status: 403,
        kind: 'denied',
        times: 1000,
      },
      { match: /^GET \/repos\/lumen-ledger\/ledger-web\/rules\/branches\/main/, status: 500, times: 1000 },
      { match: /^GET \/repos\/lumen-ledger\/sdk-js\/collaborators/, status: 500, times: 1000 },
    ]);
    expect(run.code, run.stderr).toBe(3);
    expect(result.scan.complete).toBe(false);
    // Each 500 was retried twice before it counted.
    expect(fake.requests.filter((r) => r.includes('ledger-web/rules/branches'))).toHaveLength(3);
    expect(fake.requests.filter((r) => r.includes('sdk-js/collaborators'))).toHaveLength(3);

    const notChecked = result.checks.flatMap((c) =>
      c.findings.filter((f) => f.status === 'error').map((f) => ({ check: c.id, ...f })),
    );
    expect(notChecked).toMatchObject([
      {
        check: 'github.branch-protection',
        resource: 'lumen-ledger/ledger-web',
        cause: {
          kind: 'unavailable',
          status: 500,
          message: 'GET /repos/{owner}/{repo}/rules/branches/{branch}: Server Error',
        },
      },
      {
        check: 'github.branch-protection',
        resource: 'lumen-ledger/payments-service',
        cause: {
          kind: 'permission',
          status: 403,
          message: `${PROTECTION_DENIED} (needs ${ADMIN_READ})`,
        },
      },
      {
        check: 'github.outside-collaborators',
        resource: 'lumen-ledger/sdk-js',
        cause: { kind: 'unavailable', status: 500 },
      },
    ]);
    expect(checkOf(result, 'github.branch-protection')).toMatchObject({ status: 'error' });
    expect(checkOf(result, 'github.outside-collaborators')).toMatchObject({ status: 'error' });
    expect(result.summary.findings.error).toBe(3);

    // Resource by resource, everything else is what the clean run found.
    const before = byResource(clean.result);
    const after = byResource(result);
    const ofRepo = (resource: string, repo: string) => resource === repo || resource.startsWith(`${repo}@`);
    for (const [id, findings] of before) {
      const unread = notChecked.filter((f) => f.check === id).map((f) => f.resource);
      const expected = [...findings].filter(([resource]) => !unread.some((repo) => ofRepo(resource, repo)));
      const actual = [...after.get(id)!].filter(([, f]) => f.status !== 'error');
      expect(new Map(actual), id).toEqual(new Map(expected));
    }
    // The outside collaborator on another repository is still found.
    expect(
      after.get('github.outside-collaborators')!.get('lumen-ledger/ledger-web:northwind-dev'),
    ).toMatchObject({ status: 'fail' });
    // The evidence holds every repository's entry, the unread ones with their cause.
    const evidence = readEvidenceFile(join(out, 'evidence/data/github.branchProtection.jsonl'));
    const entries = evidence.value as { scope: string; status: string }[];
    expect(evidence.envelope.complete).toBe(false);
    expect(evidence.envelope.notChecked.map((s) => s.scope)).toEqual([
      'lumen-ledger/ledger-web',
      'lumen-ledger/payments-service',
    ]);
    expect(evidence.envelope.source).toMatchObject({ githubOrg: 'lumen-ledger' });
    expect(evidence.envelope.calls.map((c) => c.operation)).toContain(
      'GET /repos/{owner}/{repo}/branches/{branch}/protection',
    );
    expect(entries.filter((e) => e.status === 'error').map((e) => e.scope)).toEqual([
      'lumen-ledger/ledger-web',
      'lumen-ledger/payments-service',
    ]);
    expect(entries).toHaveLength(10);
  });

  it('every repository denied: the key is skipped naming the cause and the permission', async () => {
    const { run, result } = await scanCli([
      {
        match: /^GET \/repos\/lumen-ledger\/[^/]+\/branches\/main\/protection$/,
        status: 403,
        kind: 'denied',
        times: 1000,
      },
    ]);
    const protection = checkOf(result, 'github.branch-protection');
    expect(protection.status).toBe('skipped');
    expect(protection.reason).toBe(
      `branch protection: every one of 10 scope(s) was denied (403: ${PROTECTION_DENIED} (needs ${ADMIN_READ}))`,
    );
    expect(protection.findings).toEqual([]);
    // Nothing else changed, and nothing is incomplete: exit 1 for the failures found.
    for (const check of result.checks.filter((c) => c.id !== 'github.branch-protection')) {
      const before = checkOf(clean.result, check.id);
      expect({ status: check.status, findings: check.findings }, check.id).toEqual({
        status: before.status,
        findings: before.findings,
      });
    }
    expect(run.code, run.stderr).toBe(1);
  });
});

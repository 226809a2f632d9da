import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/engine/result.js';
import { lumenLedger } from '../fakes/github/lumen-ledger.js';
import { scanGithub } from '../fakes/github/scan.js';
import { startFakeGithub, type FakeGithub, type FakeOptions } from '../fakes/github/server.js';

const TOKEN = 'ghp_e2eFakeToken0123456789abcdefABCDEF0123';
const CHECKS = { 'github.public-repos': { allowedPublic: ['docs'] } };

let fake: FakeGithub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(options: Partial<FakeOptions> = {}): Promise<FakeGithub> {
  fake = await startFakeGithub(lumenLedger, { token: TOKEN, prefix: '/api/v3', ...options });
  return fake;
}

const statusOf = (result: ScanResult, id: string) => result.checks.find((c) => c.id === id)?.status;
const failing = (result: ScanResult, id: string) =>
  (result.checks.find((c) => c.id === id)?.findings ?? [])
    .filter((f) => f.status === 'fail')
    .map((f) => f.resource)
    .sort();
const summary = (result: ScanResult) =>
  Object.fromEntries(
    result.checks.map((c) => [
      c.id,
      { status: c.status, findings: c.findings.map((f) => `${f.status} ${f.resource}: ${f.message}`) },
    ]),
  );

describe('GitHub provider end to end (real Octokit against a local GitHub REST API)', () => {
  it('scans the organization through a GitHub Enterprise Server style base URL', async () => {
    const server = await start();
    // The REST path (also what GitHub Enterprise Server falls back to); GraphQL: github-graphql.test.ts.
    const { result, snapshot } = await scanGithub({
      baseUrl: server.apiUrl,
      env: { GITHUB_TOKEN: TOKEN },
      checks: CHECKS,
      graphql: false,
    });

    expect(result.scan.complete).toBe(true);
    expect(statusOf(result, 'github.org-2fa-required')).toBe('fail');
    expect(failing(result, 'github.members-2fa')).toEqual(['gus-o']);
    expect(statusOf(result, 'github.owner-count')).toBe('pass');
    expect(statusOf(result, 'github.base-permission')).toBe('pass');
    expect(statusOf(result, 'github.public-repo-creation')).toBe('pass');
    expect(failing(result, 'github.branch-protection')).toEqual([
      'lumen-ledger/data-pipeline@main',
      'lumen-ledger/mobile-app@main',
      'lumen-ledger/payments-service@main',
    ]);
    const protection = result.checks.find((c) => c.id === 'github.branch-protection')!;
    expect(protection.findings.find((f) => f.resource === 'lumen-ledger/ledger-web@main')).toMatchObject({
      status: 'pass',
      message: "main is protected by ruleset 'protect-main'",
    });
    expect(
      protection.findings.find((f) => f.resource === 'lumen-ledger/payments-service@main')?.message,
    ).toMatch(/administrators included.*'default-branch-baseline' can be bypassed/);
    // Archived repositories are not looked at.
    expect(protection.findings.some((f) => f.resource.includes('legacy-monolith'))).toBe(false);
    expect(failing(result, 'github.secret-scanning')).toEqual([
      'lumen-ledger/data-pipeline',
      'lumen-ledger/ml-risk-models',
    ]);
    expect(failing(result, 'github.dependabot-alerts')).toEqual(['lumen-ledger/ml-risk-models']);
    // OPS-06 deadlines: the critical alert at 74 days (SLA 7) and the medium one at 140 days (SLA 90).
    expect(failing(result, 'github.dependabot-alert-sla')).toEqual([
      'lumen-ledger/data-pipeline Dependabot alert #9',
      'lumen-ledger/payments-service Dependabot alert #14',
    ]);
    expect(statusOf(result, 'github.code-scanning-alert-sla')).toBe('pass');
    expect(statusOf(result, 'github.secret-scanning-alerts')).toBe('pass');
    expect(failing(result, 'github.code-scanning')).toEqual(['lumen-ledger/data-pipeline']);
    expect(failing(result, 'github.outside-collaborators')).toEqual([
      'lumen-ledger/ledger-web:northwind-dev',
    ]);
    expect(failing(result, 'github.deploy-keys')).toEqual([
      'lumen-ledger/infra-terraform: deploy key 71002 (terraform-cloud-apply)',
    ]);
    expect(failing(result, 'github.webhooks')).toEqual([
      'lumen-ledger/internal-tools: webhook 480003 (jenkins.lumenledger.example:8080)',
      'lumen-ledger/internal-tools: webhook 480004 (tracker.lumenledger.example)',
    ]);
    expect(failing(result, 'github.codeowners')).toEqual([
      'lumen-ledger/data-pipeline',
      'lumen-ledger/ml-risk-models',
    ]);
    expect(failing(result, 'github.actions-token')).toEqual(['lumen-ledger/mobile-app']);
    expect(result.checks.find((c) => c.id === 'github.org-webhooks')?.findings).toMatchObject([
      { resource: 'organization webhook 390001 (siem.lumenledger.example)', status: 'pass' },
    ]);
    expect(statusOf(result, 'github.public-repos')).toBe('pass');

    // Every request went to the GHES-style prefix, with page sizes of 100.
    expect(server.requests.every((r) => r.startsWith('GET /'))).toBe(true);
    expect(server.requests).toContain('GET /orgs/lumen-ledger/repos?type=all&per_page=100');
    const stats = result.providers.find((p) => p.id === 'github')?.stats;
    expect(stats?.requests).toBe(server.requests.length);
    // GET /rate_limit, read first, does not count against the limit.
    expect(server.requests[0]).toBe('GET /rate_limit');
    expect(stats?.rateLimitRemaining).toBe(5000 - (server.requests.length - 1));
    expect(stats?.rateLimitRetries).toBe(0);
    // Leaked secret values never enter the snapshot; the token never appears anywhere.
    const serialized = JSON.stringify({ result, snapshot });
    expect(serialized).not.toContain('notARealSecretValue123');
    expect(serialized).not.toContain('hooks.slack.com/services');
    expect(serialized).not.toContain(TOKEN);
    // The fewest requests this data needs with per_page=100 (every list fits one page):
    // 11 organization calls + 7 per active repository + CODEOWNERS probes + code scanning probes (none
    // where security_and_analysis says GitHub does not offer it) + the branch of each default branch
    // without classic protection + one fetch per distinct ruleset. No request is made twice.
    const active = lumenLedger.repos.filter((r) => !r.archived);
    const codeownersProbes = active.reduce((n, r) => {
      const order = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];
      const found = order.findIndex((p) => r.files?.includes(p));
      return n + (found === -1 ? 3 : found + 1);
    }, 0);
    const codeScanningProbes = active.reduce(
      (n, r) =>
        n + (r.codeScanning === 'unavailable' ? 0 : r.codeScanning?.defaultSetup === 'configured' ? 1 : 2),
      0,
    );
    const branchLookups = active.filter((r) => !r.protection).length;
    const minimum = 1 + 11 + 7 * active.length + codeownersProbes + codeScanningProbes + branchLookups + 2;
    expect(server.requests.length).toBe(minimum);
    expect(new Set(server.requests).size).toBe(server.requests.length);
    // Pinned API version on every request (REST API versions); the leaked value is never sent to us
    // (list secret scanning alerts: hide_secret); only outside collaborators are listed per repository
    // (list repository collaborators: affiliation=outside).
    expect(new Set(server.apiVersions)).toEqual(new Set(['2022-11-28']));
    expect(server.requests.filter((r) => r.includes('/secret-scanning/alerts'))).toEqual([
      'GET /orgs/lumen-ledger/secret-scanning/alerts?state=open&per_page=100&hide_secret=true',
    ]);
    const collaboratorCalls = server.requests.filter((r) => r.includes('/collaborators'));
    expect(collaboratorCalls.length).toBe(active.length);
    expect(collaboratorCalls.every((r) => r.includes('affiliation=outside'))).toBe(true);
  });

  it('retries secondary rate limits (403 and 429 with retry-after) to the same result', async () => {
    const clean = await start();
    const baseline = await scanGithub({
      baseUrl: clean.apiUrl,
      env: { GITHUB_TOKEN: TOKEN },
      checks: CHECKS,
    });
    const cleanRequests = clean.requests.length;
    await clean.close();
    fake = undefined;

    const limited = await start({
      faults: [
        { match: /^GET \/orgs\/lumen-ledger\/repos/, status: 403, times: 1, retryAfter: 1 },
        {
          match: /^POST \/api\/graphql/,
          status: 429,
          times: 2,
          retryAfter: 2,
        },
        { match: /^GET \/orgs\/lumen-ledger\/dependabot\/alerts/, status: 403, times: 1, retryAfter: 1 },
      ],
    });
    const again = await scanGithub({ baseUrl: limited.apiUrl, env: { GITHUB_TOKEN: TOKEN }, checks: CHECKS });
    expect(summary(again.result)).toEqual(summary(baseline.result));
    expect(limited.faults.every((f) => f.times === 0)).toBe(true);
    expect(limited.requests.length).toBe(cleanRequests + 4);
    expect(again.result.providers.find((p) => p.id === 'github')?.stats?.rateLimitRetries).toBe(4);
  });

  it('waits out an exhausted primary quota and retries server errors', async () => {
    const server = await start({
      faults: [
        {
          match: /^GET \/orgs\/lumen-ledger\/outside_collaborators/,
          status: 403,
          kind: 'primary',
          times: 1,
          retryAfter: 1,
        },
        { match: /^GET \/repos\/lumen-ledger\/sdk-js\/hooks/, status: 500, times: 2 },
      ],
    });
    const { result } = await scanGithub({
      baseUrl: server.apiUrl,
      env: { GITHUB_TOKEN: TOKEN },
      checks: CHECKS,
    });
    expect(result.scan.complete).toBe(true);
    expect(failing(result, 'github.outside-collaborators')).toEqual([
      'lumen-ledger/ledger-web:northwind-dev',
    ]);
    expect(server.faults.every((f) => f.times === 0)).toBe(true);
    expect(server.requests.filter((r) => r.includes('sdk-js/hooks'))).toHaveLength(3);
    expect(result.providers.find((p) => p.id === 'github')?.stats).toMatchObject({
      rateLimitRetries: 1,
      serverErrorRetries: 2,
    });
  });

  it('gives up on a server that keeps failing after three attempts, naming the status', async () => {
    const server = await start({
      faults: [{ match: /^GET \/repos\/lumen-ledger\/sdk-js\/hooks/, status: 500, times: 100 }],
    });
    const { result } = await scanGithub({
      baseUrl: server.apiUrl,
      env: { GITHUB_TOKEN: TOKEN },
      checks: CHECKS,
    });
    expect(server.requests.filter((r) => r.includes('sdk-js/hooks'))).toHaveLength(3);
    const check = result.checks.find((c) => c.id === 'github.webhooks')!;
    expect(check.status).toBe('error');
    expect(check.reason).toBe(
      '1 scope(s) not checked: 500: GET /repos/{owner}/{repo}/hooks: Server Error (lumen-ledger/sdk-js)',
    );
    expect(check.findings.filter((f) => f.status === 'error')).toMatchObject([
      { resource: 'lumen-ledger/sdk-js', cause: { kind: 'unavailable', status: 500 } },
    ]);
    // The other repositories' webhooks are evaluated as usual.
    expect(failing(result, 'github.webhooks')).toEqual([
      'lumen-ledger/internal-tools: webhook 480003 (jenkins.lumenledger.example:8080)',
      'lumen-ledger/internal-tools: webhook 480004 (tracker.lumenledger.example)',
    ]);
    expect(result.scan.complete).toBe(false);
  });

  it('with --no-wait stops at a spent hourly quota without sending another request', async () => {
    const server = await start({ rateLimit: 12 });
    const { result } = await scanGithub({
      baseUrl: server.apiUrl,
      env: { GITHUB_TOKEN: TOKEN, SOC2_NO_WAIT: '1' },
      checks: CHECKS,
    });
    const errors = result.checks.filter((c) => c.status === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const check of errors)
      expect(check.reason).toMatch(/rate limit is spent until .*not sent \(--no-wait\)/);
    expect(server.afterExhaustion).toEqual({ core: 0, graphql: 0 });
    expect(result.providers.find((p) => p.id === 'github')?.stats).toMatchObject({
      rateLimitRemaining: 0,
      rateLimitRetries: 0,
    });
  });

  it('gives up on a rate limit that does not clear and marks the key as an error', async () => {
    const server = await start({
      faults: [
        { match: /^GET \/orgs\/lumen-ledger\/code-scanning\/alerts/, status: 429, times: 100, retryAfter: 1 },
      ],
    });
    const { result } = await scanGithub({
      baseUrl: server.apiUrl,
      env: { GITHUB_TOKEN: TOKEN },
      checks: CHECKS,
    });
    const check = result.checks.find((c) => c.id === 'github.code-scanning-alert-sla')!;
    expect(check.status).toBe('error');
    expect(check.reason).toMatch(/429 You have exceeded a secondary rate limit/);
    expect(server.requests.filter((r) => r.includes('code-scanning/alerts'))).toHaveLength(4);
    expect(statusOf(result, 'github.dependabot-alert-sla')).toBe('fail');
  });

  it('a configured organization without credentials is incomplete, saying how to fix it, never green', async () => {
    const server = await start();
    const { result } = await scanGithub({ baseUrl: server.apiUrl, env: {}, checks: CHECKS });
    for (const check of result.checks) {
      expect(check.status).toBe('error');
      expect(check.reason).toMatch(/set GITHUB_TOKEN or GH_TOKEN/);
    }
    expect(result.providers).toMatchObject([{ id: 'github', status: 'error' }]);
    expect(result.summary.exitCode).toBe(3);
    expect(server.requests).toHaveLength(0);
  });

  it('reports bad credentials as errors without echoing the token', async () => {
    const server = await start();
    const wrong = 'ghp_wrongToken0123456789abcdefABCDEF01234';
    const { result, snapshot } = await scanGithub({
      baseUrl: server.apiUrl,
      env: { GITHUB_TOKEN: wrong },
      checks: CHECKS,
    });
    expect(result.scan.complete).toBe(false);
    for (const check of result.checks) {
      expect(check.status).toBe('error');
      expect(check.reason).toMatch(/401 Bad credentials/);
    }
    expect(JSON.stringify({ result, snapshot })).not.toContain(wrong);
  });

  it('skips what a non-owner token cannot see, naming the permission', async () => {
    const server = await start({ owner: false });
    const { result } = await scanGithub({ baseUrl: server.apiUrl, env: { GH_TOKEN: TOKEN }, checks: CHECKS });
    const members2fa = result.checks.find((c) => c.id === 'github.members-2fa')!;
    expect(members2fa.status).toBe('skipped');
    expect(members2fa.reason).toMatch(/only for organization owners/);
    expect(result.checks.find((c) => c.id === 'github.org-2fa-required')?.reason).toMatch(
      /organization owners/,
    );
    expect(result.checks.find((c) => c.id === 'github.dependabot-alert-sla')?.reason).toMatch(
      /Dependabot alerts: read/,
    );
    expect(result.checks.find((c) => c.id === 'github.webhooks')?.reason).toMatch(/Webhooks: read/);
    expect(result.checks.find((c) => c.id === 'github.org-webhooks')?.reason).toMatch(/admin:org_hook/);
    expect(statusOf(result, 'github.owner-count')).toBe('pass');
    expect(statusOf(result, 'github.public-repos')).toBe('pass');
    expect(statusOf(result, 'github.codeowners')).toBe('fail');
    for (const id of ['github.branch-protection', 'github.deploy-keys', 'github.dependabot-alerts']) {
      expect(statusOf(result, id), id).toBe('skipped');
      expect(result.checks.find((c) => c.id === id)?.reason, id).toMatch(
        /every one of 10 scope\(s\) was denied \(403: .*Must have admin rights to Repository\..*Administration: read/,
      );
    }
    // security_and_analysis is hidden from a non-admin, so a 403 on a private repository's code
    // scanning cannot tell "GitHub Code Security is off" from "no permission": not checked.
    const codeScanning = result.checks.find((c) => c.id === 'github.code-scanning')!;
    expect(codeScanning.findings.filter((f) => f.status === 'error')).toMatchObject([
      { resource: 'lumen-ledger/ml-risk-models', cause: { kind: 'permission', status: 403 } },
    ]);
    expect(result.checks.filter((c) => c.status === 'error').map((c) => c.id)).toEqual([
      'github.code-scanning',
    ]);
  });

  it('finds the API through GITHUB_API_URL and pages through more than one page', async () => {
    const many = {
      ...lumenLedger,
      members: Array.from({ length: 230 }, (_, i) => ({
        login: `user-${i}`,
        id: 50_000 + i,
        role: (i < 2 ? 'admin' : 'member') as 'admin' | 'member',
        twoFactor: i % 100 !== 7,
      })),
      dependabotAlerts: Array.from({ length: 250 }, (_, i) => ({
        ...lumenLedger.dependabotAlerts![1]!,
        number: 1000 + i,
      })),
    };
    fake = await startFakeGithub(many, { token: TOKEN });
    const { result } = await scanGithub({
      env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: fake.url },
      checks: CHECKS,
    });
    expect(failing(result, 'github.members-2fa')).toEqual(['user-107', 'user-207', 'user-7']);
    expect(result.checks.find((c) => c.id === 'github.members-2fa')!.findings).toHaveLength(230);
    expect(fake.requests.filter((r) => r.startsWith('GET /orgs/lumen-ledger/members?role=all'))).toHaveLength(
      3,
    );
    const alertPages = fake.requests.filter((r) => r.startsWith('GET /orgs/lumen-ledger/dependabot/alerts'));
    expect(alertPages).toHaveLength(3);
    expect(alertPages[1]).toMatch(/after=/);
    expect(result.providers.find((p) => p.id === 'github')?.stats?.apiUrl).toBe(fake.url);
  });

  it('records an empty repository and a plan without branch protection as data, not errors', async () => {
    // What GitHub shows an owner for a private repository without GitHub Secret Protection.
    const security_and_analysis = {
      secret_scanning: { status: 'disabled' as const },
      secret_scanning_push_protection: { status: 'disabled' as const },
      dependabot_security_updates: { status: 'disabled' as const },
    };
    const org = {
      ...lumenLedger,
      settings: { ...lumenLedger.settings, plan: { name: 'free', private_repos: 10000, seats: 20 } },
      repos: [
        ...lumenLedger.repos,
        { name: 'scratch', visibility: 'private' as const, empty: true, security_and_analysis },
        {
          name: 'free-tier',
          visibility: 'private' as const,
          security_and_analysis,
          protectionNeedsUpgrade: true,
          files: ['CODEOWNERS'],
        },
      ],
    };
    fake = await startFakeGithub(org, { token: TOKEN });
    const { result } = await scanGithub({
      baseUrl: fake.url,
      env: { GITHUB_TOKEN: TOKEN },
      checks: CHECKS,
      graphql: false,
    });
    expect(result.scan.complete).toBe(true);
    const protection = result.checks.find((c) => c.id === 'github.branch-protection')!;
    expect(protection.findings.find((f) => f.resource === 'lumen-ledger/scratch@main')).toMatchObject({
      status: 'pass',
      message: expect.stringMatching(/empty repository/),
    });
    expect(protection.findings.find((f) => f.resource === 'lumen-ledger/free-tier@main')).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/Upgrade to GitHub Pro/),
    });
    expect(failing(result, 'github.codeowners')).toContain('lumen-ledger/scratch');
    expect(
      fake.requests.filter((r) => r.startsWith('GET /repos/lumen-ledger/scratch/contents/')),
    ).toHaveLength(3);
  });

  it('authenticates as a GitHub App installation', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const dir = mkdtempSync(join(tmpdir(), 'soc2-gh-app-'));
    try {
      const keyFile = join(dir, 'app.pem');
      writeFileSync(keyFile, privateKey.export({ type: 'pkcs1', format: 'pem' }));
      const installationToken = 'ghs_installationToken0123456789abcdefABCD';
      const server = await start({
        token: installationToken,
        app: {
          appId: 424242,
          installationId: 777,
          publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        },
      });
      const { result, snapshot } = await scanGithub({
        baseUrl: server.apiUrl,
        app: { appId: 424242, privateKey: keyFile, installationId: 777 },
        env: {},
        checks: CHECKS,
      });
      expect(result.scan.complete).toBe(true);
      expect(failing(result, 'github.members-2fa')).toEqual(['gus-o']);
      expect(server.requests[0]).toBe('POST /app/installations/777/access_tokens');
      expect(server.requests.filter((r) => r.startsWith('POST /app/'))).toHaveLength(1);
      expect(result.providers.find((p) => p.id === 'github')?.stats?.auth).toBe('app');
      expect(JSON.stringify({ result, snapshot })).not.toContain(installationToken);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/engine/result.js';
import { lumenLedger } from '../fakes/github/lumen-ledger.js';
import { scanGithub } from '../fakes/github/scan.js';
import { startFakeGithub, type FakeGithub, type FakeOptions, type FakeOrg } from '../fakes/github/server.js';

/**
 * Per-repository settings from GraphQL pages (the fake executes the queries against GitHub's published
 * schema, see test/fakes/github/graphql.ts) give the same verdicts as the REST path.
 */

const TOKEN = 'ghp_e2eFakeToken0123456789abcdefABCDEF0123';
const CHECKS = { 'github.public-repos': { allowedPublic: ['docs'] } };

const fakes: FakeGithub[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function scan(org: FakeOrg, graphql: boolean, options: Partial<FakeOptions> = {}) {
  const fake = await startFakeGithub(org, { token: TOKEN, prefix: '/api/v3', ...options });
  fakes.push(fake);
  const { result, snapshot } = await scanGithub({
    baseUrl: fake.apiUrl,
    env: { GITHUB_TOKEN: TOKEN },
    checks: CHECKS,
    graphql,
  });
  return { result, snapshot, fake };
}

/** Every check's status and findings: what a reader of the report sees. */
const verdicts = (result: ScanResult) =>
  Object.fromEntries(
    result.checks.map((c) => [
      c.id,
      { status: c.status, findings: c.findings.map((f) => `${f.status} ${f.resource}: ${f.message}`).sort() },
    ]),
  );

const perRepoRest = (requests: string[]) =>
  requests.filter((r) =>
    /\/(branches|rules\/branches|collaborators|keys|contents|vulnerability-alerts)\b/.test(r),
  );

/** The demo organization on GitHub Free, with an empty repository and one GitHub Free cannot protect. */
const freePlanOrg: FakeOrg = {
  ...lumenLedger,
  settings: { ...lumenLedger.settings, plan: { name: 'free', private_repos: 10000, seats: 20 } },
  repos: [
    ...lumenLedger.repos,
    { name: 'scratch', visibility: 'private', empty: true },
    { name: 'free-tier', visibility: 'private', protectionNeedsUpgrade: true, files: ['CODEOWNERS'] },
  ],
};

describe('GitHub per-repository settings over GraphQL', () => {
  it('gives the same verdicts as REST on the demo organization, with one query instead of the per-repository REST calls', async () => {
    const rest = await scan(lumenLedger, false);
    const graphql = await scan(lumenLedger, true);
    expect(graphql.result.scan.complete).toBe(true);
    expect(verdicts(graphql.result)).toEqual(verdicts(rest.result));
    // Same data keys, same shapes: checks cannot tell the paths apart.
    for (const key of [
      'github.branchProtection',
      'github.collaborators',
      'github.codeowners',
      'github.vulnerabilityAlerts',
    ])
      expect(graphql.snapshot.data[key], key).toEqual(rest.snapshot.data[key]);

    const queries = graphql.fake.requests.filter((r) => r === 'POST /api/graphql');
    expect(queries).toHaveLength(1);
    // Deploy keys are read over REST only where GraphQL counts some (it has no key ids).
    const withKeys = lumenLedger.repos.filter((r) => !r.archived && (r.keys ?? []).length > 0).length;
    expect(perRepoRest(graphql.fake.requests).filter((r) => r.includes('/keys'))).toHaveLength(withKeys);
    expect(perRepoRest(graphql.fake.requests).filter((r) => !r.includes('/keys'))).toEqual([]);
    expect(graphql.fake.requests.length).toBeLessThan(rest.fake.requests.length / 2);
  });

  it('keeps the REST answers where GraphQL cannot tell: an empty repository and a private one on GitHub Free', async () => {
    const rest = await scan(freePlanOrg, false);
    const graphql = await scan(freePlanOrg, true);
    expect(verdicts(graphql.result)).toEqual(verdicts(rest.result));
    const protection = graphql.result.checks.find((c) => c.id === 'github.branch-protection')!;
    expect(protection.findings.find((f) => f.resource === 'lumen-ledger/free-tier@main')?.message).toMatch(
      /Upgrade to GitHub Pro/,
    );
  });

  it('gives the same verdicts for a token that is not an owner (protection and keys it cannot see stay unread)', async () => {
    const rest = await scan(lumenLedger, false, { owner: false });
    const graphql = await scan(lumenLedger, true, { owner: false });
    expect(verdicts(graphql.result)).toEqual(verdicts(rest.result));
  });

  it('falls back to REST for what an older GitHub Enterprise Server schema lacks (undefinedField)', async () => {
    const rest = await scan(lumenLedger, false);
    const ghes = await scan(lumenLedger, true, {
      graphqlSchemaWithout: ['Ref.rules', 'Repository.hasVulnerabilityAlertsEnabled'],
    });
    expect(ghes.result.scan.complete).toBe(true);
    expect(verdicts(ghes.result)).toEqual(verdicts(rest.result));
    // The first query is refused for the missing fields, the second asks without them.
    expect(ghes.fake.requests.filter((r) => r === 'POST /api/graphql')).toHaveLength(2);
    const active = lumenLedger.repos.filter((r) => !r.archived && !r.empty).length;
    expect(ghes.fake.requests.filter((r) => r.includes('/rules/branches/'))).toHaveLength(active);
    expect(ghes.fake.requests.filter((r) => r.endsWith('/vulnerability-alerts'))).toHaveLength(active);
    expect(ghes.fake.requests.filter((r) => r.includes('/collaborators'))).toEqual([]);
  });

  it('reads every page of a large organization, 33 repositories a query', async () => {
    const many: FakeOrg = {
      ...lumenLedger,
      repos: Array.from({ length: 70 }, (_, i) => ({
        ...lumenLedger.repos[i % lumenLedger.repos.length]!,
        name: `repo-${String(i).padStart(3, '0')}`,
        archived: false,
      })),
    };
    const rest = await scan(many, false);
    const graphql = await scan(many, true);
    expect(verdicts(graphql.result)).toEqual(verdicts(rest.result));
    expect(graphql.fake.requests.filter((r) => r === 'POST /api/graphql')).toHaveLength(3);
  });

  it('retries a GraphQL page that fails with 5xx, and reports the repositories as not checked when it keeps failing', async () => {
    const rest = await scan(lumenLedger, false);
    const flaky = await scan(lumenLedger, true, {
      faults: [{ match: /^POST \/api\/graphql/, status: 500, times: 1 }],
    });
    expect(verdicts(flaky.result)).toEqual(verdicts(rest.result));
    expect(flaky.fake.requests.filter((r) => r === 'POST /api/graphql')).toHaveLength(2);

    const down = await scan(lumenLedger, true, {
      faults: [{ match: /^POST \/api\/graphql/, status: 500, times: 3 }],
    });
    expect(down.result.scan.complete).toBe(false);
    const codeowners = down.snapshot.data['github.codeowners'];
    expect(codeowners?.status).toBe('ok');
    const entries = (codeowners as { value: { status: string; cause?: unknown }[] }).value;
    expect(entries.every((e) => e.status === 'error')).toBe(true);
    expect(entries[0]?.cause).toMatchObject({ kind: 'unavailable', status: 500 });
    // Nothing per repository was asked over REST instead: the scan does not multiply its requests.
    expect(perRepoRest(down.fake.requests).filter((r) => !r.includes('/keys'))).toEqual([]);
  });
});

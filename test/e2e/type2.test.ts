import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { allChecks } from '../../checks/index.js';
import { allPopulations } from '../../checks/populations.js';
import githubProvider from '../../src/collectors/github/provider.js';
import hrProvider from '../../src/collectors/hr/provider.js';
import type { Config } from '../../src/core/config.js';
import { sha256 } from '../../src/core/sha256.js';
import { parseEvidenceJsonl } from '../../src/evidence/envelope.js';
import { runScan } from '../../src/engine/scan.js';
import { withPopulations } from '../../src/evidence/population-file.js';
import { githubCatalog } from '../fakes/github/scan.js';
import { startFakeGithub, type FakeGithub, type FakeOrg } from '../fakes/github/server.js';

const TOKEN = 'ghp_type2FakeToken0123456789abcdefABCDEF01';
const PERIOD = { from: '2026-07-01', to: '2026-09-30' };
const NOW = '2026-10-15T09:00:00.000Z';

const protection = {
  required_status_checks: {
    strict: true,
    contexts: ['ci/test'],
    checks: [{ context: 'ci/test', app_id: 15368 }],
  },
  required_pull_request_reviews: { required_approving_review_count: 1 },
};

/** A small organization with a known period: which pull requests, events and alerts fall in it is stated. */
const org: FakeOrg = {
  login: 'acme',
  id: 4242,
  name: 'Acme',
  settings: { two_factor_requirement_enabled: true, default_repository_permission: 'read' },
  members: [
    { login: 'ana', id: 1, role: 'admin', twoFactor: true },
    { login: 'bo', id: 2, role: 'member', twoFactor: true },
    { login: 'cy', id: 3, role: 'member', twoFactor: true },
    // Terminated 2026-08-31 and never removed.
    { login: 'dee', id: 4, role: 'member', twoFactor: true },
  ],
  outsideCollaborators: [],
  workflowPermissions: 'read',
  repos: [
    {
      name: 'api',
      visibility: 'private',
      protection,
      pulls: [
        // Approved by someone else, required check passed: no deviation.
        pull(11, 'ana', '2026-07-10T12:00:00Z', [{ user: 'bo', state: 'APPROVED' }], 'success'),
        // Approved only by its author.
        pull(12, 'bo', '2026-08-02T12:00:00Z', [{ user: 'bo', state: 'APPROVED' }], 'success'),
        // No approval at all, and the required check failed.
        pull(13, 'cy', '2026-09-20T12:00:00Z', [{ user: 'ana', state: 'COMMENTED' }], 'failure'),
        // An approval withdrawn by a later request for changes.
        pull(14, 'ana', '2026-09-21T12:00:00Z', [
          { user: 'cy', state: 'APPROVED' },
          { user: 'cy', state: 'CHANGES_REQUESTED' },
        ]),
        // Merged before and after the period, and one closed without merging: outside the population.
        pull(10, 'ana', '2026-06-20T12:00:00Z', [{ user: 'bo', state: 'APPROVED' }], 'success'),
        pull(15, 'ana', '2026-10-05T12:00:00Z', [{ user: 'bo', state: 'APPROVED' }], 'success'),
        { ...pull(16, 'bo', null, []), updated_at: '2026-08-01T00:00:00Z' },
      ],
    },
    { name: 'web', visibility: 'private', protection, pulls: [] },
  ],
  auditLog: [
    { action: 'org.add_member', actor: 'ana', user: 'cy', at: '2026-07-06T09:00:00Z' },
    // eve left on 2026-08-01 and lost GitHub access 10 days later (deadline: 1 day).
    { action: 'org.remove_member', actor: 'ana', user: 'eve', at: '2026-08-11T15:00:00Z' },
    // fay left on 2026-09-01 and lost access the same day.
    { action: 'org.remove_member', actor: 'ana', user: 'fay', at: '2026-09-01T17:00:00Z' },
  ],
  dependabotAlerts: [
    // critical, SLA 30 days: fixed after 45 days.
    alert(1, 'fixed', 'critical', '2026-07-01T00:00:00Z', { fixed_at: '2026-08-15T00:00:00Z' }),
    // high, fixed in 10 days.
    alert(2, 'fixed', 'high', '2026-08-01T00:00:00Z', { fixed_at: '2026-08-11T00:00:00Z' }),
    // fixed before the period: outside it.
    alert(3, 'fixed', 'critical', '2026-03-01T00:00:00Z', { fixed_at: '2026-03-05T00:00:00Z' }),
    // low is outside the SLA's severities: listed, never a deviation.
    alert(4, 'open', 'low', '2026-07-02T00:00:00Z', {}),
  ],
  secretScanningAlerts: [],
  codeScanningAlerts: [],
};

function pull(
  number: number,
  author: string,
  mergedAt: string | null,
  reviews: { user: string; state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' }[],
  check?: 'success' | 'failure',
) {
  const updated = mergedAt ?? '2026-08-01T00:00:00Z';
  return {
    number,
    title: `Change ${number}`,
    author,
    state: 'closed' as const,
    created_at: '2026-06-01T00:00:00Z',
    updated_at: updated,
    merged_at: mergedAt,
    merged_by: mergedAt ? author : null,
    head_sha: `${number}`.padEnd(40, 'a'),
    reviews: reviews.map((r, i) => ({ ...r, submitted_at: `2026-06-0${i + 2}T00:00:00Z` })),
    ...(check ? { checkRuns: [{ name: 'ci/test', conclusion: check }] } : {}),
  };
}

function alert(
  number: number,
  state: string,
  severity: string,
  created: string,
  closed: Record<string, string>,
) {
  return {
    number,
    state,
    created_at: created,
    html_url: `https://github.com/acme/api/security/dependabot/${number}`,
    repository: { full_name: 'acme/api' },
    security_advisory: { ghsa_id: `GHSA-${number}`, summary: `advisory ${number}`, severity },
    security_vulnerability: { severity },
    fixed_at: null,
    dismissed_at: null,
    auto_dismissed_at: null,
    ...closed,
  };
}

const ROSTER = [
  'email,name,status,start_date,end_date,github,security_training_date',
  'ana@acme.test,Ana,active,2024-01-01,,ana,2026-01-10',
  'bo@acme.test,Bo,active,2025-01-01,,bo,2026-01-10',
  'cy@acme.test,Cy,active,2026-07-06,,cy,2026-09-20',
  'dee@acme.test,Dee,terminated,2024-01-01,2026-08-31,dee,2026-01-10',
  'eve@acme.test,Eve,terminated,2024-01-01,2026-08-01,eve,2026-01-10',
  'fay@acme.test,Fay,terminated,2024-01-01,2026-09-01,fay,2026-01-10',
].join('\n');

let fake: FakeGithub | undefined;
let dir: string | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function scanPeriod(fixture: FakeOrg = org) {
  fake = await startFakeGithub(fixture, { token: TOKEN });
  dir = mkdtempSync(join(tmpdir(), 'soc2-type2-'));
  writeFileSync(join(dir, 'roster.csv'), ROSTER);
  const config: Config = {
    organization: 'Acme',
    providers: { github: { org: 'acme', baseUrl: fake.apiUrl }, hr: { roster: join(dir, 'roster.csv') } },
    exceptions: [],
    checks: {},
    period: PERIOD,
  };
  const outcome = await runScan({
    config,
    catalog: githubCatalog,
    // Every check is registered (their options give deadlines and SLAs); the catalog plans GitHub's.
    checks: allChecks,
    providers: [githubProvider, hrProvider],
    populations: allPopulations,
    env: { GITHUB_TOKEN: TOKEN, SOC2_GITHUB_RETRY_BASE_MS: '1' },
    clock: () => new Date(NOW),
  });
  const { result, files } = withPopulations(outcome, PERIOD);
  return { result, populationFiles: files };
}

describe('Type II populations over a known period (real Octokit against a local GitHub REST API)', () => {
  it('lists every pull request merged in the period with its approvals, and flags self-approved and unapproved merges', async () => {
    const { result, populationFiles } = await scanPeriod();
    const changes = result.populations!.find((p) => p.id === 'github.changes')!;
    expect(changes).toMatchObject({
      controls: ['CC8.1'],
      period: PERIOD,
      size: 4,
      status: 'ok',
      complete: true,
    });
    const file = populationFiles.find((f) => f.path === 'evidence/populations/github.changes.jsonl')!;
    expect(sha256(file.content as string)).toBe(changes.sha256);
    const { envelope, records } = parseEvidenceJsonl(file.content as string);
    expect(envelope).toMatchObject({ soc2Evidence: 1, key: 'github.changes', records: 4, complete: true });
    expect(records.map((r) => (r as { id: string }).id)).toEqual([
      'acme/api#11',
      'acme/api#12',
      'acme/api#13',
      'acme/api#14',
    ]);
    expect(records[0]).toMatchObject({
      author: 'ana',
      mergedBy: 'ana',
      approvedBy: ['bo'],
      missingChecks: [],
      deviations: [],
    });

    const rules = result
      .deviations!.filter((d) => d.population === 'github.changes')
      .map((d) => `${d.item} ${d.rule}`);
    expect(rules).toEqual([
      'acme/api#12 self-approved',
      'acme/api#13 unapproved',
      'acme/api#13 required-checks-not-passed',
      'acme/api#14 unapproved',
      'acme/api#14 required-checks-not-passed',
    ]);
    // Paging stopped at the first pull request last updated before the period.
    expect(
      fake!.requests.filter((r) => r.startsWith('GET /repos/acme/api/pulls/')).map((r) => r.split('?')[0]),
    ).not.toContain('GET /repos/acme/api/pulls/10');
  });

  it('makes a leaver whose GitHub access was removed 10 days after termination a deviation, though the account is gone at scan time', async () => {
    const { result } = await scanPeriod();
    const people = result.deviations!.filter((d) => d.population === 'hr.leavers-joiners');
    expect(people.map((d) => `${d.item} ${d.rule}`)).toEqual([
      'leaver:eve@acme.test access-removed-late',
      'leaver:dee@acme.test access-not-removed',
    ]);
    expect(people[0]!.details).toContain('removed 2026-08-11 by ana, after the deadline 2026-08-02');
    // The point-in-time check passes eve: she is no member any more.
    const offboarding = result.populations!.find((p) => p.id === 'hr.leavers-joiners')!;
    expect(offboarding).toMatchObject({ size: 4, complete: true });
  });

  it('without the audit log (not Enterprise Cloud) the population is incomplete and says why', async () => {
    const { result } = await scanPeriod({ ...org, auditLog: undefined });
    const offboarding = result.populations!.find((p) => p.id === 'hr.leavers-joiners')!;
    expect(offboarding.complete).toBe(false);
    expect(offboarding.limitations!.join(' ')).toContain('Without the GitHub audit log');
    expect(
      result.deviations!.filter((d) => d.population === 'hr.leavers-joiners').map((d) => d.rule),
    ).toEqual(['access-not-removed']);
  });

  it('makes an alert closed past its SLA a deviation, and lists alerts opened or closed in the period only', async () => {
    const { result, populationFiles } = await scanPeriod();
    const file = populationFiles.find((f) => f.path === 'evidence/populations/github.alerts.jsonl')!;
    const ids = parseEvidenceJsonl(file.content as string).records.map((r) => (r as { id: string }).id);
    // In time order: opened 07-01, 07-02, 08-01.
    expect(ids).toEqual(['dependabot:acme/api#1', 'dependabot:acme/api#4', 'dependabot:acme/api#2']);
    const alerts = result.deviations!.filter((d) => d.population === 'github.alerts');
    expect(alerts).toEqual([
      {
        population: 'github.alerts',
        item: 'dependabot:acme/api#1',
        rule: 'closed-after-sla',
        occurredAt: '2026-08-15T00:00:00Z',
        details: 'critical alert opened 2026-07-01, fixed 2026-08-15: 45 days (SLA 30, due 2026-07-31)',
      },
    ]);
  });

  it('lists each hire in the period with training against the deadline', async () => {
    const { result } = await scanPeriod();
    expect(result.populations!.find((p) => p.id === 'hr.training')).toMatchObject({
      size: 1,
      controls: ['CC1.4', 'CC2.2'],
    });
    // cy started 2026-07-06 and was trained 2026-09-20: 30 days allowed (hr.new-hire-training withinDays).
    expect(result.deviations!.filter((d) => d.population === 'hr.training')).toEqual([
      {
        population: 'hr.training',
        item: 'hire:cy@acme.test',
        rule: 'trained-late',
        occurredAt: '2026-09-20',
        details: 'started 2026-07-06, trained 2026-09-20, due 2026-08-05',
      },
    ]);
  });

  it('builds no population without a period', async () => {
    fake = await startFakeGithub(org, { token: TOKEN });
    const outcome = await runScan({
      config: {
        organization: 'Acme',
        providers: { github: { org: 'acme', baseUrl: fake.apiUrl } },
        exceptions: [],
        checks: {},
      },
      catalog: githubCatalog,
      checks: allChecks.filter((c) => c.provider === 'github'),
      providers: [githubProvider],
      populations: allPopulations,
      env: { GITHUB_TOKEN: TOKEN },
      clock: () => new Date(NOW),
    });
    expect(outcome.populations).toEqual([]);
    expect(withPopulations(outcome, undefined).result.populations).toBeUndefined();
    expect(fake.requests.some((r) => r.includes('/pulls'))).toBe(false);
  });
});

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
import { DOMAIN, lumenLedgerTenant } from '../fakes/google/lumen-ledger.js';
import { startFakeGoogle } from '../fakes/google/server.js';
import { providers as builtInProviders } from '../../src/collectors/index.js';
import { NOW, org, PERIOD, ROSTER } from '../fakes/github/type2-fixture.js';

const TOKEN = 'ghp_type2FakeToken0123456789abcdefABCDEF01';

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
    // Google Workspace is not configured here: its removals were not read, so the population says it is incomplete.
    expect(offboarding).toMatchObject({ size: 4, complete: false });
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
        details: 'critical alert opened 2026-07-01, fixed 2026-08-15: 45 days (SLA 7, due 2026-07-08)',
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

  it('joins Google Workspace suspensions from the Admin audit log: suspended 10 days after termination is a deviation', async () => {
    // Reports API activity for an Admin console event (USER_SETTINGS, SUSPEND_USER with USER_EMAIL):
    // https://developers.google.com/workspace/admin/reports/v1/appendix/activity/admin-user-settings
    const suspend = (email: string, time: string) => ({
      kind: 'admin#reports#activity',
      id: { time, uniqueQualifier: '1', applicationName: 'admin', customerId: 'C01' },
      actor: { email: `it-admin@${DOMAIN}`, profileId: '100' },
      events: [
        { type: 'USER_SETTINGS', name: 'SUSPEND_USER', parameters: [{ name: 'USER_EMAIL', value: email }] },
      ],
    });
    const google = await startFakeGoogle({
      ...lumenLedgerTenant(new Date(NOW)),
      adminActivities: [
        suspend(`gus.moreau@${DOMAIN}`, '2026-08-11T10:00:00.000Z'),
        // Before the period: not asked for (startTime), so not joined.
        suspend(`hana.sato@${DOMAIN}`, '2026-06-01T10:00:00.000Z'),
      ],
    });
    dir = mkdtempSync(join(tmpdir(), 'soc2-type2-'));
    writeFileSync(
      join(dir, 'roster.csv'),
      [
        'email,name,status,start_date,end_date',
        `gus.moreau@${DOMAIN},Gus,terminated,2024-01-01,2026-08-01`,
      ].join('\n'),
    );
    try {
      const outcome = await runScan({
        config: {
          organization: 'Lumen Ledger',
          providers: {
            google: { domain: DOMAIN, rootUrl: google.rootUrl },
            hr: { roster: join(dir, 'roster.csv') },
          },
          exceptions: [],
          checks: {},
          period: PERIOD,
        },
        catalog: githubCatalog,
        checks: allChecks,
        providers: builtInProviders.filter((p) => p.id === 'google' || p.id === 'hr'),
        populations: allPopulations,
        selection: { providers: ['google', 'hr'] },
        env: { GOOGLE_OAUTH_ACCESS_TOKEN: 'test-token' },
        clock: () => new Date(NOW),
      });
      const { result } = withPopulations(outcome, PERIOD);
      expect(result.deviations!.filter((d) => d.population === 'hr.leavers-joiners')).toEqual([
        {
          population: 'hr.leavers-joiners',
          item: `leaver:gus.moreau@${DOMAIN}`,
          rule: 'access-removed-late',
          occurredAt: '2026-08-11T10:00:00.000Z',
          details: `terminated 2026-08-01; Google Workspace account gus.moreau@${DOMAIN} removed 2026-08-11 by it-admin@${DOMAIN}, after the deadline 2026-08-02`,
        },
      ]);
      const reports = google.requests.filter((r) => r.area === 'reports');
      expect(reports.map((r) => r.query.eventName).sort()).toEqual([
        'CREATE_USER',
        'DELETE_USER',
        'SUSPEND_USER',
      ]);
      expect(reports[0]!.query).toMatchObject({
        startTime: '2026-07-01T00:00:00.000Z',
        endTime: '2026-09-30T23:59:59.999Z',
      });
    } finally {
      await google.close();
    }
  });
});

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendHistory, historyTrend, historyTrendText, readHistory } from '../../src/core/history.js';
import { parsePeriod, periodReport } from '../../src/core/period.js';
import { InputError } from '../../src/engine/errors.js';
import { renderPeriodHtml, renderPeriodMarkdown } from '../../src/report/period.js';
import type { Finding } from '../../src/engine/types.js';
import { buildScanResult, fixtureCheck, fixtureControl } from '../fixtures/scan-result.js';
import { expectGolden } from '../fixtures/golden.js';

const goldenDir = join(import.meta.dirname, '..', 'golden', 'history');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'soc2-history-'));
  dirs.push(d);
  return d;
}

const DAY = 86_400_000;
const at = (date: string) => `${date}T09:00:00.000Z`;
const plusDays = (date: string, n: number) =>
  new Date(Date.parse(at(date)) + n * DAY).toISOString().slice(0, 10);

/**
 * A weekly scan from 2025-12-29 to 2026-07-06 with known failure windows:
 * - AC-1 (root MFA) fails from 2026-01-19 until fixed on 2026-02-02 (14 days), again from 2026-05-04
 *   until 2026-05-25 (21 days): MTTR 17.5 days.
 * - CM-1 (branch protection) fails from 2025-12-29 (before the period) until 2026-01-12, and from
 *   2026-06-22 on, still open at the end of the period.
 * - GOV-1 always passes.
 * - No scans between 2026-03-02 and 2026-03-30 (a 28-day gap).
 */
function scanDates(): string[] {
  const out: string[] = [];
  for (let d = '2025-12-29'; d <= '2026-07-06'; d = plusDays(d, 7)) {
    if (d > '2026-03-02' && d < '2026-03-30') continue;
    out.push(d);
  }
  return out;
}

function scanOn(date: string) {
  const inRange = (from: string, to: string) => date >= from && date < to;
  const rootFails = inRange('2026-01-19', '2026-02-02') || inRange('2026-05-04', '2026-05-25');
  const branchFails = inRange('2025-12-29', '2026-01-12') || date >= '2026-06-22';
  const f = (fail: boolean, resource: string): Finding[] => [
    { resource, status: fail ? 'fail' : 'pass', message: fail ? 'bad' : 'good' },
  ];
  return buildScanResult({
    evaluatedAt: at(date),
    checks: [
      fixtureCheck('aws.iam-root-mfa', 'critical', f(rootFails, 'arn:aws:iam::111111111111:root')),
      fixtureCheck('github.branch-protection', 'medium', f(branchFails, 'lumen-ledger/api')),
      fixtureCheck('docs.policy-review', 'low', f(false, 'policies/security.md')),
    ],
    controls: [
      fixtureControl('AC-1', 'controls/access.yaml', 3, ['CC6.1'], ['aws.iam-root-mfa']),
      fixtureControl('CM-1', 'controls/change.yaml', 3, ['CC8.1'], ['github.branch-protection']),
      fixtureControl('GOV-1', 'controls/governance.yaml', 3, ['CC1.1', 'A1.2'], ['docs.policy-review']),
    ],
  });
}

function generatedHistory(): string {
  const dir = tempDir();
  for (const date of scanDates()) appendHistory(dir, scanOn(date));
  return dir;
}

describe('history store', () => {
  it('writes one file per scan named by data time, and rewrites (not duplicates) the same scan', () => {
    const dir = tempDir();
    appendHistory(dir, scanOn('2026-01-05'));
    appendHistory(dir, scanOn('2026-01-05'));
    appendHistory(dir, scanOn('2026-01-12'));
    expect(readdirSync(dir)).toEqual(['2026-01-05T09-00-00.000Z.json', '2026-01-12T09-00-00.000Z.json']);
    const records = readHistory(dir);
    expect(records.map((r) => r.evaluatedAt)).toEqual([at('2026-01-05'), at('2026-01-12')]);
    expect(records[0]!.checks[1]).toEqual({
      id: 'github.branch-protection',
      severity: 'medium',
      status: 'fail',
      failing: ['lumen-ledger/api'],
      passing: [],
      excepted: 0,
    });
  });

  it('rejects files that are not history records with the file named', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.json'), '{"format":"other"}');
    expect(() => readHistory(dir)).toThrow(InputError);
    expect(() => readHistory(join(dir, 'missing'))).toThrow(/history folder not found/);
  });

  it('shows the trend per control and category', () => {
    const records = readHistory(generatedHistory()).slice(0, 6);
    const trend = historyTrend(records);
    expect(trend.controls.map((c) => [c.id, c.statuses.map((s) => s![0]).join('')])).toEqual([
      ['AC-1', 'pppffp'],
      ['CM-1', 'ffpppp'],
      ['GOV-1', 'pppppp'],
    ]);
    // CC1.1 and CC6.1 pass, CC8.1 fails: 2 of 3 security criteria.
    expect(trend.scans[0]!.categories).toEqual({ security: 66.7, availability: 100 });
    expect(historyTrendText(trend)).toContain('AC-1       PPPFFP  4/6 passing  Control AC-1');
  });
});

describe('period report (observations, not opinions)', () => {
  it('parses periods and rejects bad ones', () => {
    expect(parsePeriod('2026-01-01..2026-06-30')).toMatchObject({
      from: '2026-01-01',
      to: '2026-06-30',
      start: Date.parse('2026-01-01T00:00:00.000Z'),
      end: Date.parse('2026-06-30T23:59:59.999Z'),
    });
    expect(() => parsePeriod('2026-01-01-2026-06-30')).toThrow(InputError);
    expect(() => parsePeriod('2026-06-30..2026-01-01')).toThrow(/after/);
  });

  it('lists every scan and each failing resource with its dates, from a generated history', () => {
    const report = periodReport(readHistory(generatedHistory()), parsePeriod('2026-01-01..2026-06-30'));
    // Weekly Mondays in the period: 2026-01-05 .. 2026-06-29 is 26, minus 3 skipped in March.
    expect(report.scans).toHaveLength(23);
    expect(report.scans[0]).toEqual({
      evaluatedAt: at('2026-01-05'),
      finishedAt: expect.any(String),
      mode: 'snapshot',
      replayed: true,
      complete: true,
      outputSha256: null,
    });
    expect(report.gaps).toEqual([{ from: at('2026-03-02'), to: at('2026-03-30'), days: 28 }]);
    const [ac1, cm1, gov1] = report.controls;
    const root = 'arn:aws:iam::111111111111:root';
    expect(ac1).toMatchObject({
      id: 'AC-1',
      observation: 'failed',
      statement: 'Failed in 5 of 23 scans',
      scans: 23,
      completeScans: 23,
      deviations: [
        {
          check: 'aws.iam-root-mfa',
          resource: root,
          firstSeen: at('2026-01-19'),
          lastSeen: at('2026-01-26'),
          scans: 2,
          closed: at('2026-02-02'),
        },
        {
          check: 'aws.iam-root-mfa',
          resource: root,
          firstSeen: at('2026-05-04'),
          lastSeen: at('2026-05-18'),
          scans: 3,
          closed: at('2026-05-25'),
        },
      ],
    });
    expect(ac1!.failedScans).toEqual([
      at('2026-01-19'),
      at('2026-01-26'),
      at('2026-05-04'),
      at('2026-05-11'),
      at('2026-05-18'),
    ]);
    // Only scans inside the period count: the window that began on 2025-12-29 starts at the first scan of the period.
    expect(cm1!.deviations.map((d) => [d.firstSeen, d.lastSeen, d.closed])).toEqual([
      [at('2026-01-05'), at('2026-01-05'), at('2026-01-12')],
      [at('2026-06-22'), at('2026-06-29'), null],
    ]);
    expect(gov1).toMatchObject({
      observation: 'passed',
      statement: 'Passed in every complete scan: 23 of 23; 1 stretch(es) longer than 8 days without one',
      expectedIntervalDays: 8,
      deviations: [],
    });
    expect(gov1!.gaps).toEqual(report.gaps);
    expect(report.summary).toEqual({ controls: 3, passed: 1, failed: 2, not_tested: 0, design_only: 0 });
  });

  it('a scan in which the failing check errored closes nothing; a check never evaluated is not tested, with why', () => {
    const dir = tempDir();
    const control = fixtureControl('AC-1', 'controls/access.yaml', 3, ['CC6.1'], ['aws.a', 'aws.b']);
    const other = fixtureControl('AC-2', 'controls/access.yaml', 9, ['CC6.1'], ['aws.c']);
    const ok = (r: string): Finding[] => [{ resource: r, status: 'pass', message: 'ok' }];
    const bad = (r: string): Finding[] => [{ resource: r, status: 'fail', message: 'bad' }];
    const scans: [string, Finding[] | 'error'][] = [
      ['2026-02-02', bad('x')],
      ['2026-02-09', 'error'],
      ['2026-02-16', ok('x')],
    ];
    for (const [date, a] of scans) {
      appendHistory(
        dir,
        buildScanResult({
          evaluatedAt: at(date),
          checks: [
            fixtureCheck(
              'aws.a',
              'high',
              a === 'error' ? { status: 'error', reason: 'throttled', findings: [] } : a,
            ),
            fixtureCheck('aws.b', 'high', ok('y')),
            fixtureCheck('aws.c', 'high', { status: 'error', reason: 'AccessDenied', findings: [] }),
          ],
          controls: [control, other],
        }),
      );
    }
    const report = periodReport(readHistory(dir), parsePeriod('2026-02-01..2026-02-28'));
    expect(report.controls[0]!.deviations).toEqual([
      {
        check: 'aws.a',
        resource: 'x',
        firstSeen: at('2026-02-02'),
        lastSeen: at('2026-02-02'),
        scans: 1,
        closed: at('2026-02-16'),
      },
    ]);
    expect(report.controls[0]!.notEvaluated).toEqual([{ check: 'aws.a', statuses: { error: 1 }, scans: 1 }]);
    expect(report.controls[1]).toMatchObject({
      observation: 'not_tested',
      statement: 'Not tested: no complete scan (aws.c error in 3 of 3 scans)',
    });
  });

  it('a deviation closes only when a later complete scan shows the resource passing, not when it disappears', () => {
    const dir = tempDir();
    const control = fixtureControl('HR-2', 'controls/hr.yaml', 1, ['CC1.4'], ['hr.training']);
    const findings: Record<string, Finding[]> = {
      '2026-02-02': [{ resource: 'ben', status: 'fail', message: 'training overdue' }],
      // ben is no longer in the population (aged out of a lookback): nothing shows him passing.
      '2026-02-09': [{ resource: 'ana', status: 'pass', message: 'trained' }],
    };
    for (const [date, f] of Object.entries(findings)) {
      appendHistory(
        dir,
        buildScanResult({
          evaluatedAt: at(date),
          checks: [fixtureCheck('hr.training', 'medium', f)],
          controls: [control],
        }),
      );
    }
    const [hr2] = periodReport(readHistory(dir), parsePeriod('2026-02-01..2026-02-28')).controls;
    expect(hr2!.deviations).toEqual([
      {
        check: 'hr.training',
        resource: 'ben',
        firstSeen: at('2026-02-02'),
        lastSeen: at('2026-02-02'),
        scans: 1,
        closed: null,
      },
    ]);
  });

  it('expected intervals come from each control frequency', () => {
    const dir = tempDir();
    const daily = {
      ...fixtureControl('BC-2', 'controls/bc.yaml', 1, ['A1.2'], ['aws.backup']),
      frequency: 'daily' as const,
    };
    const annual = {
      ...fixtureControl('GOV-1', 'controls/gov.yaml', 1, ['CC1.1'], ['docs.policies']),
      frequency: 'annually' as const,
    };
    for (const date of ['2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23']) {
      appendHistory(
        dir,
        buildScanResult({
          evaluatedAt: at(date),
          checks: [fixtureCheck('aws.backup', 'high', []), fixtureCheck('docs.policies', 'low', [])],
          controls: [daily, annual],
        }),
      );
    }
    const [bc2, gov1] = periodReport(readHistory(dir), parsePeriod('2026-02-01..2026-02-28')).controls;
    expect(bc2!.expectedIntervalDays).toBe(1);
    expect(bc2!.gaps.length).toBeGreaterThan(3); // weekly scans cannot show a daily control
    expect(gov1!.expectedIntervalDays).toBe(366);
    expect(gov1!.gaps).toEqual([]);
  });

  it('documents alone are design evidence; only items dated inside the period count, one per quarter', () => {
    const dir = tempDir();
    const control = fixtureControl('ACC-5', 'controls/access.yaml', 1, ['CC6.2'], []);
    const policyOnly = fixtureControl('IR-3', 'controls/ir.yaml', 1, ['CC7.4'], []);
    appendHistory(
      dir,
      buildScanResult({ evaluatedAt: at('2026-06-29'), checks: [], controls: [control, policyOnly] }),
    );
    const file = join(dir, readdirSync(dir)[0]!);
    const record = JSON.parse(readFileSync(file, 'utf8'));
    record.controls[0].evidence = [
      {
        id: 'access-review',
        status: 'satisfied',
        frequency: 'quarterly',
        occurrences: ['2025-12-20', '2026-04-10'],
      },
    ];
    record.controls[1].evidence = [
      { id: 'tabletop', status: 'satisfied', frequency: 'annually', occurrences: ['2025-04-14'] },
    ];
    writeFileSync(file, JSON.stringify(record));
    const [acc5, ir3] = periodReport(readHistory(dir), parsePeriod('2026-01-01..2026-06-30')).controls;
    expect(acc5).toMatchObject({
      observation: 'design_only',
      evidence: [
        {
          id: 'access-review',
          inPeriod: ['2026-04-10'],
          intervalsWithout: [{ from: '2026-01-01', to: '2026-03-31' }],
        },
      ],
    });
    expect(acc5!.statement).toContain('no item for access-review 2026-01-01..2026-03-31');
    expect(ir3).toMatchObject({
      observation: 'not_tested',
      statement: 'Not tested: no manual evidence dated inside the period',
    });
  });

  it('a period report built from replayed scans says so on every scan, and never gives an opinion', () => {
    const dir = tempDir();
    const modes = {
      '2026-04-06': 'snapshot',
      '2026-04-13': 'demo',
      '2026-04-20': 'snapshot',
      '2026-04-27': 'live',
    } as const;
    for (const [date, mode] of Object.entries(modes)) {
      const result = scanOn(date);
      appendHistory(dir, { ...result, scan: { ...result.scan, mode } });
    }
    const report = periodReport(readHistory(dir), parsePeriod('2026-04-01..2026-04-30'));
    expect(report.replayedScans).toBe(3);
    const md = renderPeriodMarkdown(report);
    const html = renderPeriodHtml(report);
    expect(md).toContain('> **REPLAYED DATA: 3 of 4 scans');
    const scanRows = md.split('\n').filter((l) => l.startsWith('| 2026-04-'));
    expect(scanRows.map((row) => row.split(' | ')[1])).toEqual([
      'snapshot (REPLAYED DATA)',
      'demo (REPLAYED DATA)',
      'snapshot (REPLAYED DATA)',
      'live',
    ]);
    expect(html.match(/(snapshot|demo) \(REPLAYED DATA\)/g)).toHaveLength(3);
    for (const text of [md, html, JSON.stringify(report)])
      expect(text).not.toMatch(/operated effectively|operating effectiveness/i);
  });

  it('renders Markdown and HTML (golden)', () => {
    const report = periodReport(readHistory(generatedHistory()), parsePeriod('2026-01-01..2026-06-30'));
    expectGolden(join(goldenDir, 'period-report.md'), renderPeriodMarkdown(report));
    expectGolden(join(goldenDir, 'period-report.html'), renderPeriodHtml(report));
    expectGolden(join(goldenDir, 'period-report.json'), `${JSON.stringify(report, null, 2)}\n`);
  });
});

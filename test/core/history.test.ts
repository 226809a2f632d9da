import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

describe('period report (Type II operating effectiveness)', () => {
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

  it('computes the exact expected report from a generated history', () => {
    const report = periodReport(readHistory(generatedHistory()), parsePeriod('2026-01-01..2026-06-30'));
    // Weekly Mondays in the period: 2026-01-05 .. 2026-06-29 is 26, minus 3 skipped in March.
    expect(report.scans).toBe(23);
    expect(report.firstScan).toBe(at('2026-01-05'));
    expect(report.lastScan).toBe(at('2026-06-29'));
    expect(report.gaps).toEqual([{ from: at('2026-03-02'), to: at('2026-03-30'), days: 28 }]);
    const [ac1, cm1, gov1] = report.controls;
    expect(ac1).toMatchObject({
      id: 'AC-1',
      scans: 23,
      statuses: { pass: 18, fail: 5, partial: 0, manual: 0, not_evaluated: 0 },
      passingShare: 0.7826,
      failureWindows: [
        {
          firstSeen: at('2026-01-19'),
          fixed: at('2026-02-02'),
          daysOpen: 14,
          open: false,
          checks: ['aws.iam-root-mfa'],
        },
        {
          firstSeen: at('2026-05-04'),
          fixed: at('2026-05-25'),
          daysOpen: 21,
          open: false,
          checks: ['aws.iam-root-mfa'],
        },
      ],
      meanTimeToRemediateDays: 17.5,
      conclusion: 'deviations',
    });
    expect(cm1!.failureWindows).toEqual([
      {
        firstSeen: at('2025-12-29'),
        fixed: at('2026-01-12'),
        daysOpen: 14,
        open: false,
        checks: ['github.branch-protection'],
      },
      {
        firstSeen: at('2026-06-22'),
        fixed: null,
        daysOpen: 8.63, // 2026-06-22 09:00 to the end of 2026-06-30
        open: true,
        checks: ['github.branch-protection'],
      },
    ]);
    expect(cm1!.meanTimeToRemediateDays).toBe(14);
    expect(cm1!.statuses.fail).toBe(3);
    expect(gov1).toMatchObject({
      scans: 23,
      passingShare: 1,
      failureWindows: [],
      meanTimeToRemediateDays: null,
      conclusion: 'deviations',
    });
    expect(gov1!.gaps).toEqual(report.gaps);
    expect(report.summary).toEqual({ controls: 3, effective: 0, deviations: 3, notTested: 0 });
  });

  it('a scan in which the failing check errored does not close the window', () => {
    const dir = tempDir();
    const control = fixtureControl('AC-1', 'controls/access.yaml', 3, ['CC6.1'], ['aws.a', 'aws.b']);
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
          ],
          controls: [control],
        }),
      );
    }
    const records = readHistory(dir);
    expect(records[1]!.controls[0]!.status).toBe('partial');
    const report = periodReport(records, parsePeriod('2026-02-01..2026-02-28'));
    expect(report.controls[0]!.failureWindows).toEqual([
      { firstSeen: at('2026-02-02'), fixed: at('2026-02-16'), daysOpen: 14, open: false, checks: ['aws.a'] },
    ]);
  });

  it('a control scanned throughout without failing operated effectively', () => {
    const report = periodReport(readHistory(generatedHistory()), parsePeriod('2026-04-01..2026-04-30'));
    expect(report.scans).toBe(4); // Mondays 6, 13, 20, 27 April
    expect(report.gaps).toEqual([]);
    expect(report.controls.map((c) => [c.id, c.conclusion])).toEqual([
      ['AC-1', 'effective'],
      ['CM-1', 'effective'],
      ['GOV-1', 'effective'],
    ]);
  });

  it('renders Markdown and HTML (golden)', () => {
    const report = periodReport(readHistory(generatedHistory()), parsePeriod('2026-01-01..2026-06-30'));
    expectGolden(join(goldenDir, 'period-report.md'), renderPeriodMarkdown(report));
    expectGolden(join(goldenDir, 'period-report.html'), renderPeriodHtml(report));
    expectGolden(join(goldenDir, 'period-report.json'), `${JSON.stringify(report, null, 2)}\n`);
  });
});

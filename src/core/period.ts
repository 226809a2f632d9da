import { InputError } from '../engine/errors.js';
import type { HistoryRecord } from './history.js';
import type { ControlStatus } from '../engine/types.js';

const DAY = 86_400_000;

export interface Period {
  from: string;
  to: string;
  /** Inclusive bounds in ms: from 00:00:00.000 UTC on the first day to 23:59:59.999 UTC on the last. */
  start: number;
  end: number;
}

/** `2026-01-01..2026-06-30` (both days included, UTC). */
export function parsePeriod(text: string): Period {
  const match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text.trim());
  const start = match ? Date.parse(`${match[1]}T00:00:00.000Z`) : NaN;
  const end = match ? Date.parse(`${match[2]}T23:59:59.999Z`) : NaN;
  if (!match || Number.isNaN(start) || Number.isNaN(end)) {
    throw new InputError(
      `--period: expected FROM..TO with ISO dates, e.g. 2026-01-01..2026-06-30 (got '${text}')`,
    );
  }
  if (end < start) throw new InputError(`--period: ${match[1]} is after ${match[2]}`);
  return { from: match[1]!, to: match[2]!, start, end };
}

export interface FailureWindow {
  /** Data time of the first scan that saw the control failing (may precede the period). */
  firstSeen: string;
  /**
   * Data time of the first later scan that saw it not failing, with every check that failed in the
   * window evaluated and passing; null while still failing.
   */
  fixed: string | null;
  /** Until fixed; a window still open at the end of the period counts until the period's end. */
  daysOpen: number;
  open: boolean;
  /** Checks failing at some scan in the window. */
  checks: string[];
}

export interface MonitoringGap {
  from: string;
  to: string;
  days: number;
}

export interface ControlEffectiveness {
  id: string;
  title: string;
  criteria: string[];
  scans: number;
  statuses: Record<ControlStatus, number>;
  /** Share of the period's scans in which the control passed, 0..1 (rounded to 4 places). */
  passingShare: number;
  failureWindows: FailureWindow[];
  /** Mean days from first seen to fixed over the windows fixed; null if none was fixed. */
  meanTimeToRemediateDays: number | null;
  gaps: MonitoringGap[];
  /** effective: scanned without a failure or gap; deviations: a failure window or a gap; not_tested: no scan. */
  conclusion: 'effective' | 'deviations' | 'not_tested';
}

export interface PeriodReport {
  format: 'soc2-period-report';
  version: 1;
  organization: string;
  period: { from: string; to: string };
  expectedIntervalDays: number;
  scans: number;
  firstScan: string | null;
  lastScan: string | null;
  gaps: MonitoringGap[];
  summary: { controls: number; effective: number; deviations: number; notTested: number };
  controls: ControlEffectiveness[];
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
const days = (from: number, to: number) => round((to - from) / DAY, 2);

/**
 * Stretches of the period longer than `expectedDays` with no scan: from the period's start to the first
 * scan, between scans, and from the last scan to the period's end.
 */
export function monitoringGaps(
  times: readonly number[],
  period: Period,
  expectedDays: number,
): MonitoringGap[] {
  const inside = times.filter((t) => t >= period.start && t <= period.end).sort((a, b) => a - b);
  const points = [period.start, ...inside, period.end + 1];
  const gaps: MonitoringGap[] = [];
  for (let i = 1; i < points.length; i++) {
    const from = points[i - 1]!;
    const to = points[i]!;
    if (to - from > expectedDays * DAY) {
      gaps.push({ from: new Date(from).toISOString(), to: new Date(to).toISOString(), days: days(from, to) });
    }
  }
  return gaps;
}

/**
 * A window closes only at a scan that evaluated the checks that were failing and saw them pass: a
 * check in error or skipped at that scan proves nothing, even if the control's other checks pass.
 */
function resolvedIn(
  record: HistoryRecord,
  controlChecks: readonly string[],
  failing: ReadonlySet<string>,
): boolean {
  return [...failing].every(
    (id) => !controlChecks.includes(id) || record.checks.find((c) => c.id === id)?.status === 'pass',
  );
}

function failureWindows(
  records: readonly HistoryRecord[],
  controlId: string,
  period: Period,
): FailureWindow[] {
  const windows: (FailureWindow & { start: number; end: number })[] = [];
  let current: { start: number; checks: Set<string> } | undefined;
  let lastSeen = 0;
  for (const record of records) {
    const control = record.controls.find((c) => c.id === controlId);
    if (!control) continue;
    const time = Date.parse(record.evaluatedAt);
    if (time > period.end) break;
    lastSeen = time;
    const failingChecks = record.checks
      .filter((c) => control.checks.includes(c.id) && c.status === 'fail')
      .map((c) => c.id);
    if (control.status === 'fail') {
      current ??= { start: time, checks: new Set() };
      for (const id of failingChecks) current.checks.add(id);
    } else if (
      current &&
      control.status !== 'not_evaluated' &&
      resolvedIn(record, control.checks, current.checks)
    ) {
      windows.push({
        firstSeen: new Date(current.start).toISOString(),
        fixed: record.evaluatedAt,
        daysOpen: days(current.start, time),
        open: false,
        checks: [...current.checks].sort(),
        start: current.start,
        end: time,
      });
      current = undefined;
    }
  }
  if (current) {
    const end = Math.max(lastSeen, period.end + 1);
    windows.push({
      firstSeen: new Date(current.start).toISOString(),
      fixed: null,
      daysOpen: days(current.start, end),
      open: true,
      checks: [...current.checks].sort(),
      start: current.start,
      end,
    });
  }
  return windows
    .filter((w) => w.end >= period.start && w.start <= period.end)
    .map(({ start: _s, end: _e, ...w }) => w);
}

/**
 * Operating effectiveness per control over a period, from the history store: how often it was
 * scanned, how often it passed, each failure window with its time to remediate, and gaps in monitoring.
 */
export function periodReport(
  records: readonly HistoryRecord[],
  period: Period,
  options: { expectedIntervalDays?: number } = {},
): PeriodReport {
  const expected = options.expectedIntervalDays ?? 8;
  const sorted = [...records].sort((a, b) => (a.evaluatedAt < b.evaluatedAt ? -1 : 1));
  const inPeriod = sorted.filter((r) => {
    const t = Date.parse(r.evaluatedAt);
    return t >= period.start && t <= period.end;
  });
  const known = sorted.filter((r) => Date.parse(r.evaluatedAt) <= period.end);
  const ids = [...new Set(known.flatMap((r) => r.controls.map((c) => c.id)))].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );
  const controls = ids.map((id): ControlEffectiveness => {
    const seen = inPeriod.flatMap((r) => {
      const c = r.controls.find((x) => x.id === id);
      return c ? [{ record: r, control: c }] : [];
    });
    const latest = known.flatMap((r) => r.controls.filter((c) => c.id === id)).at(-1)!;
    if (seen.length === 0) {
      return {
        id,
        title: latest.title,
        criteria: latest.criteria,
        scans: 0,
        statuses: { pass: 0, fail: 0, partial: 0, manual: 0, not_evaluated: 0 },
        passingShare: 0,
        failureWindows: [],
        meanTimeToRemediateDays: null,
        gaps: monitoringGaps([], period, expected),
        conclusion: 'not_tested',
      };
    }
    const statuses: Record<ControlStatus, number> = {
      pass: 0,
      fail: 0,
      partial: 0,
      manual: 0,
      not_evaluated: 0,
    };
    for (const { control } of seen) statuses[control.status]++;
    const windows = failureWindows(sorted, id, period);
    const fixed = windows.filter((w) => !w.open);
    const gaps = monitoringGaps(
      seen.map((s) => Date.parse(s.record.evaluatedAt)),
      period,
      expected,
    );
    return {
      id,
      title: latest.title,
      criteria: latest.criteria,
      scans: seen.length,
      statuses,
      passingShare: round(statuses.pass / seen.length, 4),
      failureWindows: windows,
      meanTimeToRemediateDays:
        fixed.length === 0 ? null : round(fixed.reduce((n, w) => n + w.daysOpen, 0) / fixed.length, 2),
      gaps,
      conclusion:
        windows.length > 0 || gaps.length > 0 || statuses.pass < seen.length ? 'deviations' : 'effective',
    };
  });
  return {
    format: 'soc2-period-report',
    version: 1,
    organization: inPeriod.at(-1)?.organization ?? sorted.at(-1)?.organization ?? '',
    period: { from: period.from, to: period.to },
    expectedIntervalDays: expected,
    scans: inPeriod.length,
    firstScan: inPeriod[0]?.evaluatedAt ?? null,
    lastScan: inPeriod.at(-1)?.evaluatedAt ?? null,
    gaps: monitoringGaps(
      inPeriod.map((r) => Date.parse(r.evaluatedAt)),
      period,
      expected,
    ),
    summary: {
      controls: controls.length,
      effective: controls.filter((c) => c.conclusion === 'effective').length,
      deviations: controls.filter((c) => c.conclusion === 'deviations').length,
      notTested: controls.filter((c) => c.conclusion === 'not_tested').length,
    },
    controls,
  };
}

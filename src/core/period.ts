import { InputError } from '../engine/errors.js';
import type { HistoryRecord } from './history.js';
import type { Frequency } from './catalog.js';
import type { CheckStatus } from '../engine/types.js';

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

export interface MonitoringGap {
  from: string;
  to: string;
  days: number;
}

/** One failing resource of one check, from the first scan that saw it failing to the scan that saw it pass. */
export interface Deviation {
  check: string;
  resource: string;
  firstSeen: string;
  lastSeen: string;
  /** Scans in the period that saw it failing. */
  scans: number;
  /** Data time of the first later complete scan that showed the resource passing; null: not shown passing. */
  closed: string | null;
}

/**
 * What the scans observed, never an opinion on operating effectiveness:
 * - passed: every complete scan of the control in the period passed;
 * - failed: at least one scan saw a failing resource (each one is listed);
 * - not_tested: no complete scan (checks errored or were skipped, or no scan), or no dated evidence in the period;
 * - design_only: documents dated in the period, but nothing the tool observed (no automated check).
 */
export type Observation = 'passed' | 'failed' | 'not_tested' | 'design_only';

export interface ControlObservations {
  id: string;
  title: string;
  criteria: string[];
  frequency: Frequency | null;
  /** From the control's frequency (the scan cadence for continuous or per-event controls). */
  expectedIntervalDays: number;
  observation: Observation;
  /** The observation in one sentence, with the reason when not tested. */
  statement: string;
  /** Scans in the period that included the control; complete: every check of the control evaluated. */
  scans: number;
  completeScans: number;
  failedScans: string[];
  deviations: Deviation[];
  /** Checks that were not evaluated in some scans, and why (status and count). */
  notEvaluated: { check: string; statuses: Partial<Record<CheckStatus, number>>; scans: number }[];
  /** Stretches longer than the expected interval with no complete scan of the control. */
  gaps: MonitoringGap[];
  /** Manual evidence: the dated items inside the period and the intervals of its frequency with none. */
  evidence: {
    id: string;
    frequency: Frequency;
    inPeriod: string[];
    intervalsWithout: { from: string; to: string }[];
  }[];
}

export interface ScanListing {
  evaluatedAt: string;
  finishedAt: string;
  mode: HistoryRecord['mode'];
  /** The data was replayed (snapshot or demo), not collected from the live systems by that scan. */
  replayed: boolean;
  complete: boolean;
  /** SHA-256 of the scan output's evidence/manifest.json; null when the record predates it. */
  outputSha256: string | null;
}

export interface PeriodReport {
  format: 'soc2-period-report';
  version: 2;
  organization: string;
  period: { from: string; to: string };
  /** The cadence expected of scans (and of continuous controls). */
  expectedIntervalDays: number;
  scans: ScanListing[];
  replayedScans: number;
  gaps: MonitoringGap[];
  summary: { controls: number } & Record<Observation, number>;
  controls: ControlObservations[];
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
const days = (from: number, to: number) => round((to - from) / DAY, 2);

const FREQUENCY_DAYS: Partial<Record<Frequency, number>> = {
  daily: 1,
  weekly: 7,
  monthly: 31,
  quarterly: 92,
  semiannually: 183,
  annually: 366,
};
const FREQUENCY_MONTHS: Partial<Record<Frequency, number>> = {
  monthly: 1,
  quarterly: 3,
  semiannually: 6,
  annually: 12,
};

export function expectedDays(frequency: Frequency | undefined, cadence: number): number {
  return (frequency && FREQUENCY_DAYS[frequency]) ?? cadence;
}

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
 * The calendar intervals of a frequency (months from the period's first day: quarters of a period
 * starting on a quarter's first day) in which no dated item falls. Frequencies without a calendar
 * interval (continuous, daily, weekly, per-event) need one item in the period.
 */
export function intervalsWithout(
  dates: readonly string[],
  frequency: Frequency,
  period: Period,
): { from: string; to: string }[] {
  const months = FREQUENCY_MONTHS[frequency];
  const intervals: { from: string; to: string }[] = [];
  if (!months) intervals.push({ from: period.from, to: period.to });
  else {
    let start = new Date(period.start);
    while (start.getTime() <= period.end) {
      const next = new Date(
        Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, start.getUTCDate()),
      );
      const last = new Date(Math.min(next.getTime() - DAY, period.end));
      intervals.push({ from: start.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) });
      start = next;
    }
  }
  return intervals.filter((i) => !dates.some((d) => d >= i.from && d <= i.to));
}

type Seen = { record: HistoryRecord; control: HistoryRecord['controls'][number] };

const evaluated = (status: CheckStatus | undefined) => status === 'pass' || status === 'fail';

/** Per check and resource: failing from first sight until a later complete scan shows the resource passing. */
function deviationsOf(seen: readonly Seen[], checks: readonly string[]): Deviation[] {
  const out: Deviation[] = [];
  for (const id of checks) {
    const open = new Map<string, Deviation>();
    for (const { record } of seen) {
      const check = record.checks.find((c) => c.id === id);
      if (!check) continue;
      for (const resource of check.failing) {
        const d = open.get(resource);
        if (d) {
          d.lastSeen = record.evaluatedAt;
          d.scans++;
        } else {
          const fresh = {
            check: id,
            resource,
            firstSeen: record.evaluatedAt,
            lastSeen: record.evaluatedAt,
            scans: 1,
            closed: null,
          };
          open.set(resource, fresh);
          out.push(fresh);
        }
      }
      if (!evaluated(check.status)) continue;
      for (const [resource, d] of open) {
        const shownPassing = check.passing
          ? check.passing.includes(resource)
          : !check.failing.includes(resource);
        if (shownPassing) {
          d.closed = record.evaluatedAt;
          open.delete(resource);
        }
      }
    }
  }
  return out;
}

function observe(id: string, seen: readonly Seen[], period: Period, cadence: number): ControlObservations {
  const latest = seen.at(-1)!.control;
  const frequency = latest.frequency ?? null;
  const interval = expectedDays(latest.frequency, cadence);
  const checks = latest.checks;
  const statusOf = (s: Seen, check: string) => s.record.checks.find((c) => c.id === check)?.status;
  const complete = seen.filter(
    (s) => s.control.checks.length > 0 && s.control.checks.every((c) => evaluated(statusOf(s, c))),
  );
  const failedScans = seen
    .filter((s) =>
      s.control.checks.some((c) => (s.record.checks.find((x) => x.id === c)?.failing.length ?? 0) > 0),
    )
    .map((s) => s.record.evaluatedAt);
  const notEvaluated = checks.flatMap((check) => {
    const statuses: Partial<Record<CheckStatus, number>> = {};
    let scans = 0;
    for (const s of seen) {
      const status = statusOf(s, check);
      if (evaluated(status)) continue;
      scans++;
      const key = status ?? 'skipped';
      statuses[key] = (statuses[key] ?? 0) + 1;
    }
    return scans > 0 ? [{ check, statuses, scans }] : [];
  });
  const evidence = (latest.evidence ?? []).map((e) => {
    const dates = [
      ...new Set(seen.flatMap((s) => s.control.evidence?.find((x) => x.id === e.id)?.occurrences ?? [])),
    ]
      .filter((d) => d >= period.from && d <= period.to)
      .sort();
    return {
      id: e.id,
      frequency: e.frequency,
      inPeriod: dates,
      intervalsWithout: intervalsWithout(dates, e.frequency, period),
    };
  });
  const base = {
    id,
    title: latest.title,
    criteria: latest.criteria,
    frequency,
    expectedIntervalDays: interval,
    scans: seen.length,
    completeScans: complete.length,
    failedScans,
    deviations: deviationsOf(seen, checks),
    notEvaluated,
    gaps:
      checks.length > 0
        ? monitoringGaps(
            complete.map((s) => Date.parse(s.record.evaluatedAt)),
            period,
            interval,
          )
        : [],
    evidence,
  };
  const why = notEvaluated
    .map(
      (n) =>
        `${n.check} ${Object.entries(n.statuses)
          .map(([k, v]) => `${k} in ${v}`)
          .join(', ')} of ${seen.length} scans`,
    )
    .join('; ');
  if (failedScans.length > 0) {
    return {
      ...base,
      observation: 'failed',
      statement: `Failed in ${failedScans.length} of ${seen.length} scans`,
    };
  }
  if (checks.length > 0 && complete.length > 0) {
    const partly =
      complete.length < seen.length ? ` (${seen.length - complete.length} incomplete: ${why})` : '';
    return {
      ...base,
      observation: 'passed',
      statement: `Passed in every complete scan: ${complete.length} of ${seen.length}${partly}${
        base.gaps.length > 0
          ? `; ${base.gaps.length} stretch(es) longer than ${interval} days without one`
          : ''
      }`,
    };
  }
  if (checks.length > 0) {
    return { ...base, observation: 'not_tested', statement: `Not tested: no complete scan (${why})` };
  }
  const dated = evidence.filter((e) => e.inPeriod.length > 0);
  if (dated.length === 0) {
    return {
      ...base,
      observation: 'not_tested',
      statement:
        evidence.length === 0
          ? 'Not tested: no automated check and no manual evidence requested'
          : 'Not tested: no manual evidence dated inside the period',
    };
  }
  const missing = evidence.flatMap((e) => e.intervalsWithout.map((i) => `${e.id} ${i.from}..${i.to}`));
  return {
    ...base,
    observation: 'design_only',
    statement: `Design evidence only: documents dated in the period, nothing observed by the tool${missing.length > 0 ? `; no item for ${missing.join(', ')}` : ''}`,
  };
}

/**
 * What the history store's scans observed per control over a period: which scans (mode, completeness,
 * output hash), which controls passed in every complete scan, which failed (each failing resource with
 * its dates), which were not tested and why, and which have only documents. Only scans and evidence
 * dated inside the period count.
 */
export function periodReport(
  records: readonly HistoryRecord[],
  period: Period,
  options: { expectedIntervalDays?: number } = {},
): PeriodReport {
  const cadence = options.expectedIntervalDays ?? 8;
  const inPeriod = [...records]
    .sort((a, b) => (a.evaluatedAt < b.evaluatedAt ? -1 : 1))
    .filter((r) => {
      const t = Date.parse(r.evaluatedAt);
      return t >= period.start && t <= period.end;
    });
  const ids = [...new Set(records.flatMap((r) => r.controls.map((c) => c.id)))].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );
  const controls = ids.map((id): ControlObservations => {
    const seen = inPeriod.flatMap((record) => {
      const control = record.controls.find((x) => x.id === id);
      return control ? [{ record, control }] : [];
    });
    if (seen.length > 0) return observe(id, seen, period, cadence);
    const latest = records.flatMap((r) => r.controls.filter((c) => c.id === id)).at(-1)!;
    return {
      id,
      title: latest.title,
      criteria: latest.criteria,
      frequency: latest.frequency ?? null,
      expectedIntervalDays: expectedDays(latest.frequency, cadence),
      observation: 'not_tested',
      statement: 'Not tested: no scan in the period included this control',
      scans: 0,
      completeScans: 0,
      failedScans: [],
      deviations: [],
      notEvaluated: [],
      gaps: [],
      evidence: [],
    };
  });
  const scans = inPeriod.map((r): ScanListing => ({
    evaluatedAt: r.evaluatedAt,
    finishedAt: r.finishedAt,
    mode: r.mode,
    replayed: r.mode !== 'live',
    complete: r.complete,
    outputSha256: r.outputSha256 ?? null,
  }));
  const count = (o: Observation) => controls.filter((c) => c.observation === o).length;
  return {
    format: 'soc2-period-report',
    version: 2,
    organization: inPeriod.at(-1)?.organization ?? records.at(-1)?.organization ?? '',
    period: { from: period.from, to: period.to },
    expectedIntervalDays: cadence,
    scans,
    replayedScans: scans.filter((s) => s.replayed).length,
    gaps: monitoringGaps(
      inPeriod.map((r) => Date.parse(r.evaluatedAt)),
      period,
      cadence,
    ),
    summary: {
      controls: controls.length,
      passed: count('passed'),
      failed: count('failed'),
      not_tested: count('not_tested'),
      design_only: count('design_only'),
    },
    controls,
  };
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORY_TITLES, type Category } from '../engine/criteria.js';
import { InputError } from '../engine/errors.js';
import type { ManualEvidenceStatus, ScanResult } from '../engine/result.js';
import type { Frequency } from './catalog.js';
import type { CheckStatus, ControlStatus, Severity } from '../engine/types.js';
import { writeFileAtomic } from '../evidence/output-dir.js';
import type { Manifest } from '../evidence/manifest.js';
import { MANIFEST_PATH } from '../evidence/scan-output.js';
import { sha256 } from './sha256.js';

/**
 * One scan in the history store: the compact results a Type II period report needs (status per
 * control, check and criterion, and the failing resources), not the findings' full text.
 */
export interface HistoryRecord {
  format: 'soc2-history';
  version: 1;
  tool: { name: string; version: string };
  organization: string;
  /** The data's collection time: the moment the scan observed the controls. */
  evaluatedAt: string;
  finishedAt: string;
  mode: ScanResult['scan']['mode'];
  complete: boolean;
  /** SHA-256 of the scan output's evidence/manifest.json, which hashes every file of that output. */
  outputSha256?: string;
  /** From the manifest's provenance: the effective config, the catalog and the check options. */
  configSha256?: string;
  catalogSha256?: string;
  checkOptionsSha256?: string;
  readiness: number;
  controls: {
    id: string;
    title: string;
    status: ControlStatus;
    criteria: string[];
    checks: string[];
    frequency?: Frequency;
    /** Manual evidence as resolved at the scan: each request's status and the dated items behind it. */
    evidence?: { id: string; status: ManualEvidenceStatus; frequency: Frequency; occurrences: string[] }[];
  }[];
  checks: {
    id: string;
    severity: Severity;
    status: CheckStatus;
    failing: string[];
    /** Resources seen passing: a deviation closes only when a later complete scan shows its resource here. */
    passing?: string[];
    excepted: number;
  }[];
  criteria: { id: string; category: Category; status: ControlStatus }[];
  /** A scan with --period: its populations and their deviations, for the period report. */
  populations?: ScanResult['populations'];
  deviations?: ScanResult['deviations'];
}

/** What ties a history record to its scan output: the manifest's hash and the provenance hashes. */
export function outputCustody(
  outDir: string,
): Pick<HistoryRecord, 'outputSha256' | 'configSha256' | 'catalogSha256' | 'checkOptionsSha256'> {
  const file = join(outDir, ...MANIFEST_PATH.split('/'));
  if (!existsSync(file)) return {};
  const bytes = readFileSync(file);
  const provenance = (JSON.parse(bytes.toString('utf8')) as Partial<Manifest>).provenance;
  return {
    outputSha256: sha256(bytes),
    ...(provenance
      ? {
          configSha256: provenance.config.sha256,
          catalogSha256: provenance.catalog.sha256,
          checkOptionsSha256: provenance.checkOptions.sha256,
        }
      : {}),
  };
}

export function historyRecord(
  result: ScanResult,
  custody: ReturnType<typeof outputCustody> = {},
): HistoryRecord {
  return {
    format: 'soc2-history',
    version: 1,
    tool: result.tool,
    organization: result.organization,
    evaluatedAt: result.scan.evaluatedAt,
    finishedAt: result.scan.finishedAt,
    mode: result.scan.mode,
    complete: result.scan.complete,
    ...custody,
    readiness: result.summary.readiness,
    controls: result.controls.map((c) => ({
      id: c.id,
      title: c.title,
      status: c.status,
      criteria: c.criteria,
      checks: c.checks,
      frequency: c.frequency,
      evidence: c.evidence.map((e) => ({
        id: e.id,
        status: e.status,
        frequency: e.frequency,
        occurrences: (e.occurrences ?? []).map((o) => o.performedAt),
      })),
    })),
    checks: result.checks.map((c) => ({
      id: c.id,
      severity: c.severity,
      status: c.status,
      failing: c.findings.filter((f) => f.status === 'fail' && !f.exception).map((f) => f.resource),
      passing: c.findings.filter((f) => f.status === 'pass').map((f) => f.resource),
      excepted: c.counts.excepted,
    })),
    criteria: result.criteria.map((c) => ({ id: c.id, category: c.category, status: c.status })),
    ...(result.populations ? { populations: result.populations, deviations: result.deviations ?? [] } : {}),
  };
}

/** `2026-01-05T09:00:00.000Z` -> `2026-01-05T09-00-00.000Z.json`: sorts by time, valid on every filesystem. */
export function historyFileName(evaluatedAt: string): string {
  return `${evaluatedAt.replace(/:/g, '-')}.json`;
}

/**
 * Adds a scan to the store: one JSON file per scan, named by its data collection time, written
 * atomically (temp file + rename). Scanning the same data twice replaces the record, never duplicates it.
 */
export function appendHistory(dir: string, result: ScanResult, outDir?: string): string {
  const file = join(dir, historyFileName(result.scan.evaluatedAt));
  const custody = outDir ? outputCustody(outDir) : {};
  writeFileAtomic(file, `${JSON.stringify(historyRecord(result, custody), null, 2)}\n`);
  return file;
}

/**
 * The store's records with this scan's in place, oldest first, as the store holds them once the scan is
 * appended (a record with the same data collection time is replaced).
 */
export function historyWith(records: readonly HistoryRecord[], result: ScanResult): HistoryRecord[] {
  const current = historyRecord(result);
  return [...records.filter((r) => r.evaluatedAt !== current.evaluatedAt), current].sort(byEvaluatedAt);
}

const byEvaluatedAt = (a: HistoryRecord, b: HistoryRecord) =>
  a.evaluatedAt < b.evaluatedAt ? -1 : a.evaluatedAt > b.evaluatedAt ? 1 : 0;

/** Every record in the store, oldest first. Files that are not history records are bad input. */
export function readHistory(dir: string): HistoryRecord[] {
  if (!existsSync(dir)) throw new InputError([{ file: dir, message: 'history folder not found' }]);
  const records: HistoryRecord[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json') || name.startsWith('.')) continue;
    const file = join(dir, name);
    let parsed: Partial<HistoryRecord> | null;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<HistoryRecord> | null;
    } catch (error) {
      throw new InputError([{ file, message: `not valid JSON: ${(error as Error).message}` }]);
    }
    if (!parsed || parsed.format !== 'soc2-history' || parsed.version !== 1) {
      throw new InputError([
        { file, message: 'not a soc2 history record (expected "format": "soc2-history")' },
      ]);
    }
    if (typeof parsed.evaluatedAt !== 'string' || Number.isNaN(Date.parse(parsed.evaluatedAt))) {
      throw new InputError([{ file, message: 'evaluatedAt must be an ISO date-time' }]);
    }
    records.push(parsed as HistoryRecord);
  }
  return records.sort(byEvaluatedAt);
}

const STATUS_MARK: Record<ControlStatus, string> = {
  pass: 'P',
  fail: 'F',
  partial: '~',
  manual: 'M',
  not_evaluated: '-',
};

export interface HistoryTrend {
  scans: { evaluatedAt: string; readiness: number; categories: Partial<Record<Category, number>> }[];
  controls: {
    id: string;
    title: string;
    statuses: (ControlStatus | null)[];
    passing: number;
    scans: number;
  }[];
}

/** Readiness per scan and category (share of criteria passing), and each control's status per scan. */
export function historyTrend(records: readonly HistoryRecord[]): HistoryTrend {
  const scans = records.map((r) => {
    const categories: Partial<Record<Category, number>> = {};
    for (const category of [...new Set(r.criteria.map((c) => c.category))]) {
      const mine = r.criteria.filter((c) => c.category === category);
      const points = mine.reduce(
        (n, c) => n + (c.status === 'pass' ? 1 : c.status === 'partial' ? 0.5 : 0),
        0,
      );
      categories[category] = Math.round((points / mine.length) * 1000) / 10;
    }
    return { evaluatedAt: r.evaluatedAt, readiness: r.readiness, categories };
  });
  const ids = [...new Set(records.flatMap((r) => r.controls.map((c) => c.id)))].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );
  const controls = ids.map((id) => {
    const statuses = records.map((r) => r.controls.find((c) => c.id === id)?.status ?? null);
    const title =
      [...records].reverse().flatMap((r) => r.controls.filter((c) => c.id === id))[0]?.title ?? id;
    const present = statuses.filter((s): s is ControlStatus => s !== null);
    return {
      id,
      title,
      statuses,
      passing: present.filter((s) => s === 'pass').length,
      scans: present.length,
    };
  });
  return { scans, controls };
}

export function historyTrendText(trend: HistoryTrend): string {
  if (trend.scans.length === 0) return 'soc2 history: no scans recorded yet\n';
  const categories = [...new Set(trend.scans.flatMap((s) => Object.keys(s.categories)))] as Category[];
  const out = [
    `${trend.scans.length} scan(s), ${trend.scans[0]!.evaluatedAt} .. ${trend.scans.at(-1)!.evaluatedAt}`,
    '',
    ['Scan (data as of)       ', 'Readiness', ...categories.map((c) => CATEGORY_TITLES[c])].join('  '),
    ...trend.scans.map((s) =>
      [
        s.evaluatedAt.slice(0, 19).replace('T', ' ').padEnd(24),
        `${s.readiness}%`.padStart(9),
        ...categories.map((c) =>
          (s.categories[c] === undefined ? '-' : `${s.categories[c]}%`).padStart(CATEGORY_TITLES[c].length),
        ),
      ].join('  '),
    ),
    '',
    'Controls (oldest scan first; P pass, F fail, ~ partial, M manual, - not evaluated, . not in scan)',
    ...trend.controls.map(
      (c) =>
        `  ${c.id.padEnd(10)} ${c.statuses.map((s) => (s === null ? '.' : STATUS_MARK[s])).join('')}  ${c.passing}/${c.scans} passing  ${c.title}`,
    ),
  ];
  return `${out.join('\n')}\n`;
}

import { join } from 'node:path';
import { InputError } from '../../engine/errors.js';
import { historyTrend, historyTrendText, readHistory } from '../../core/history.js';
import { parsePeriod, periodReport } from '../../core/period.js';
import { writeFileAtomic } from '../../evidence/output-dir.js';
import { periodRenderers } from '../../report/period.js';
import { loadSetup } from '../setup.js';

export interface HistoryFlags {
  history?: string;
  config?: string;
  json?: boolean;
}

async function historyDir(flags: { history?: string; config?: string }): Promise<string> {
  const dir = flags.history ?? (await loadSetup(flags.config)).config.history;
  if (!dir) throw new InputError('no history folder: pass --history DIR or set history: in the config');
  return dir;
}

export async function historyCommand(flags: HistoryFlags): Promise<number> {
  const trend = historyTrend(readHistory(await historyDir(flags)));
  process.stdout.write(flags.json ? `${JSON.stringify(trend, null, 2)}\n` : historyTrendText(trend));
  return 0;
}

export interface ReportFlags {
  period: string;
  history?: string;
  config?: string;
  format?: string[];
  out: string;
  interval: string;
  quiet?: boolean;
}

export async function reportCommand(flags: ReportFlags): Promise<number> {
  const period = parsePeriod(flags.period);
  const interval = Number(flags.interval);
  if (!Number.isFinite(interval) || interval <= 0)
    throw new InputError(`--expected-interval: expected a positive number of days (got '${flags.interval}')`);
  const formats = flags.format ?? ['md', 'html', 'json'];
  const unknown = formats.filter((f) => !periodRenderers[f]);
  if (unknown.length > 0)
    throw new InputError(
      `--format: unknown format ${unknown.map((f) => `'${f}'`).join(', ')} (one of md, html, json)`,
    );
  const report = periodReport(readHistory(await historyDir(flags)), period, {
    expectedIntervalDays: interval,
  });
  const written: string[] = [];
  for (const format of formats) {
    const { file, render } = periodRenderers[format]!;
    writeFileAtomic(join(flags.out, file), render(report));
    written.push(join(flags.out, file));
  }
  if (!flags.quiet) {
    process.stderr.write(
      `soc2: ${report.scans.length} scan(s) in ${report.period.from}..${report.period.to}${report.replayedScans > 0 ? ` (${report.replayedScans} replayed)` : ''}; controls: ${report.summary.passed} passed in every complete scan, ${report.summary.failed} failed in some scans, ${report.summary.not_tested} not tested, ${report.summary.design_only} design evidence only; ${report.gaps.length} gap(s) in monitoring\nWrote ${written.join(', ')}\n`,
    );
  }
  return 0;
}

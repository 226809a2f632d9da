import type { HistoryRecord } from '../core/history.js';
import { InputError } from '../engine/errors.js';
import type { FindingResult, ScanResult } from '../engine/result.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderOcsf } from './ocsf.js';
import { renderOscal } from './oscal.js';
import { renderSarif } from './sarif.js';

/** What a reporter may show besides the scan result, read by the CLI: reporters never read the disk. */
export interface ReportContext {
  /** The scan history with this scan in it, oldest first (`--history`): the HTML and Markdown trend. */
  history?: readonly HistoryRecord[];
  /**
   * Every finding of a check, where the result lists only some (`omittedFindings`): read back from the
   * scan's scratch files by the full listings (CSV, OCSF).
   */
  findings?: (checkId: string) => Iterable<FindingResult>;
}

export interface Reporter {
  /** The name used with --format. */
  format: string;
  /** File name inside the output folder. */
  file: string;
  description: string;
  /** The file's text, whole or in pieces (see textOf). */
  render(result: ScanResult, context?: ReportContext): string | Iterable<string>;
}

export const reporters: Reporter[] = [
  {
    format: 'json',
    file: 'report.json',
    description: 'machine-readable result (schemas/report.schema.json)',
    render: renderJson,
  },
  { format: 'md', file: 'report.md', description: 'Markdown gap report', render: renderMarkdown },
  { format: 'html', file: 'report.html', description: 'self-contained HTML gap report', render: renderHtml },
  { format: 'csv', file: 'findings.csv', description: 'one row per finding (RFC 4180)', render: renderCsv },
  {
    format: 'sarif',
    file: 'report.sarif',
    description: 'SARIF 2.1.0 for GitHub code scanning',
    render: (result) => renderSarif(result),
  },
  {
    format: 'junit',
    file: 'junit.xml',
    description: 'JUnit XML, one test case per check',
    render: renderJunit,
  },
  {
    format: 'oscal',
    file: 'oscal-assessment-results.json',
    description: 'NIST OSCAL 1.0.6 assessment results',
    render: renderOscal,
  },
  {
    format: 'ocsf',
    file: 'findings.ocsf.jsonl',
    description: 'OCSF 1.3.0 Compliance Finding events (JSON Lines)',
    render: renderOcsf,
  },
];

/** A rendered report as one string (tests, small outputs); files are written piece by piece. */
export function textOf(rendered: string | Iterable<string>): string {
  return typeof rendered === 'string' ? rendered : [...rendered].join('');
}

export const DEFAULT_FORMATS = ['json', 'md', 'html'];

export function reporterFor(format: string): Reporter | undefined {
  return reporters.find((r) => r.format === format);
}

export interface ReportOptions {
  /** Code-scanning category of the SARIF run (`--sarif-category`, `output.sarifCategory`); see SarifOptions. */
  sarifCategory?: string;
}

/**
 * The reporters a scan writes: report.json always (it marks the folder as soc2's and feeds export, diff
 * and history), then the formats asked for. An unknown format is bad input naming where it came from.
 */
export function scanReporters(
  formats: readonly string[],
  from: string,
  options: ReportOptions = {},
): Reporter[] {
  const unknown = formats.filter((f) => !reporterFor(f));
  if (unknown.length > 0)
    throw new InputError(
      `${from}: unknown format ${unknown.map((f) => `'${f}'`).join(', ')} (one of ${reporters.map((r) => r.format).join(', ')})`,
    );
  return [...new Set(['json', ...formats])].map((f) => {
    const reporter = reporterFor(f)!;
    return f === 'sarif' && options.sarifCategory !== undefined
      ? { ...reporter, render: (result) => renderSarif(result, { category: options.sarifCategory }) }
      : reporter;
  });
}

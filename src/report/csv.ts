import { everyFinding } from './every-finding.js';
import type { ReportContext } from './index.js';
import type { ScanResult } from '../engine/result.js';
import { causeText } from './labels.js';

const HEADER = [
  'check_id',
  'check_title',
  'provider',
  'severity',
  'controls',
  'criteria',
  'resource',
  'status',
  'message',
  'excepted',
  'exception_reason',
  'exception_approved_by',
  'exception_expires',
  'baseline',
  'cause',
  'exception_approved_at',
  'check_status',
];

/**
 * Spreadsheet apps run cells that start with = + - @ (or a tab/CR before them) as formulas; resource
 * names and messages come from the scanned systems, so such cells get a leading apostrophe (OWASP).
 */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: quote fields holding a comma, quote, CR or LF; double embedded quotes. */
export function csvField(value: string): string {
  const guarded = guardFormula(value);
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

function row(values: string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/**
 * One row per finding; a scope that could not be read has status `error` and its cause. A check that ended in error or was skipped has no findings; it gets one row
 * with that status and the reason as the message, so the sheet shows what was not evaluated.
 */
export function* renderCsv(result: ScanResult, context: ReportContext = {}): Generator<string> {
  yield row(HEADER);
  for (const check of result.checks) {
    const base = [
      check.id,
      check.title,
      check.provider,
      check.severity,
      check.controls.join(' '),
      check.criteria.join(' '),
    ];
    if (check.findings.length === 0) {
      yield row([
        ...base,
        '',
        check.status,
        check.reason ?? '',
        'false',
        '',
        '',
        '',
        '',
        '',
        '',
        check.status,
      ]);
      continue;
    }
    for (const f of everyFinding(check, context)) {
      yield row([
        ...base,
        f.resource,
        f.status,
        f.message,
        f.exception ? 'true' : 'false',
        f.exception?.reason ?? '',
        f.exception?.approved_by ?? '',
        f.exception?.expires ?? '',
        f.baseline ?? '',
        f.cause ? causeText(f) : '',
        f.exception?.approved_at ?? '',
        check.status,
      ]);
    }
  }
}

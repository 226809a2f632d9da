import { parseCsv } from '../../core/csv.js';
import type { CredentialReportRow } from './data.js';

export function parseCredentialReport(text: string): CredentialReportRow[] {
  const [header, ...rows] = parseCsv(text).records.map((record) => record.fields);
  if (!header || !header.includes('user') || !header.includes('arn')) {
    throw new Error('credential report is not the expected CSV (no user/arn header)');
  }
  return rows.map((cells) => {
    const row: Record<string, string> = {};
    header.forEach((column, i) => (row[column] = cells[i] ?? ''));
    return row as CredentialReportRow;
  });
}

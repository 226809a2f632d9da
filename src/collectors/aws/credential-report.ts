import type { CredentialReportRow } from './data.js';

/** Parses the credential report CSV (RFC 4180 quoting, although AWS does not quote in practice). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

export function parseCredentialReport(text: string): CredentialReportRow[] {
  const [header, ...rows] = parseCsv(text);
  if (!header || !header.includes('user') || !header.includes('arn')) {
    throw new Error('credential report is not the expected CSV (no user/arn header)');
  }
  return rows.map((cells) => {
    const row: Record<string, string> = {};
    header.forEach((column, i) => (row[column] = cells[i] ?? ''));
    return row as CredentialReportRow;
  });
}

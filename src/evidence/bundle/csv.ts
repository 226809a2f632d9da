/**
 * One RFC 4180 field. Cells a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) are prefixed with an apostrophe, as OWASP recommends against CSV injection.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows joined with CRLF, as RFC 4180 specifies, ending with a line break. */
export function csvTable(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

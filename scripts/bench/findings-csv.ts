import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { csvRecords, type CsvProblem } from '../../src/core/csv.js';

/**
 * The verdicts of findings.csv (src/report/csv.ts: one row per finding) that concern some accounts:
 * `check_id`, `resource`, `status` of every finding whose resource names one of them (ARNs,
 * `aws-account/<id>/...`, bucket names carrying the account id). Rows without a resource (a check
 * skipped or in error as a whole) concern no account and are left out.
 */
export function verdictsFor(csv: string, accounts: readonly string[]): Set<string> {
  const problems: CsvProblem[] = [];
  const rows = csvRecords(csv, problems);
  const header = rows.next();
  if (header.done) return new Set();
  const column = (name: string) => {
    const at = header.value.fields.indexOf(name);
    if (at < 0) throw new Error(`findings.csv has no '${name}' column`);
    return at;
  };
  const [check, resource, status] = [column('check_id'), column('resource'), column('status')];
  const verdicts = new Set<string>();
  for (const { fields } of rows) {
    const name = fields[resource] ?? '';
    if (name && accounts.some((id) => name.includes(id)))
      verdicts.add(`${fields[check]} | ${name} | ${fields[status]}`);
  }
  if (problems.length) throw new Error(`findings.csv line ${problems[0]!.line}: ${problems[0]!.message}`);
  return verdicts;
}

/** Lines of a file, one at a time (a large findings.csv is never one string). */
const linesOf = (file: string) => createInterface({ input: createReadStream(file), crlfDelay: Infinity });

/**
 * The checks findings.csv shows in error (`check_status` error): with the check's reason when it failed
 * as a whole, else how many of its findings are scopes that could not be read. Rows are read line by
 * line; a row whose message holds a line break is not seen.
 */
export async function checksInErrorOfFile(file: string): Promise<string[]> {
  let header: string[] | undefined;
  const reasons = new Map<string, string>();
  const scopes = new Map<string, number>();
  for await (const line of linesOf(file)) {
    if (header && !line.includes('error')) continue;
    const fields = [...csvRecords(line, [])][0]?.fields ?? [];
    if (!header) {
      header = fields;
      continue;
    }
    const at = (name: string) => fields[header!.indexOf(name)] ?? '';
    if (at('check_status') !== 'error') continue;
    const id = at('check_id');
    if (!at('resource')) reasons.set(id, at('message'));
    else scopes.set(id, (scopes.get(id) ?? 0) + (at('status') === 'error' ? 1 : 0));
  }
  return [...new Set([...reasons.keys(), ...scopes.keys()])]
    .sort()
    .map((id) => `${id}: ${reasons.get(id) ?? `${scopes.get(id)} scopes not read`}`);
}

/**
 * verdictsFor over a findings.csv file too large for one string (a full-scale scan): only its header
 * and the lines that name one of the accounts are kept (a finding's row is one line unless its message
 * holds a line break).
 */
export async function verdictsOfFile(file: string, accounts: readonly string[]): Promise<Set<string>> {
  const kept: string[] = [];
  for await (const line of linesOf(file))
    if (!kept.length || accounts.some((id) => line.includes(id))) kept.push(line);
  return verdictsFor(kept.join('\r\n'), accounts);
}

export interface VerdictDifference {
  /** Verdicts of the full scan the small scan does not have, and the other way round. */
  onlyFull: string[];
  onlySmall: string[];
  compared: number;
}

export function compareVerdicts(full: Set<string>, small: Set<string>): VerdictDifference {
  return {
    onlyFull: [...full].filter((v) => !small.has(v)).sort(),
    onlySmall: [...small].filter((v) => !full.has(v)).sort(),
    compared: new Set([...full, ...small]).size,
  };
}

/** "verdicts: same (N findings)" or the differences, at most `shown` of each side. */
export function verdictLine(diff: VerdictDifference, shown = 10): string {
  if (!diff.onlyFull.length && !diff.onlySmall.length) return `verdicts: same (${diff.compared} findings)`;
  const list = (label: string, items: string[]) =>
    items.length
      ? [`  ${label} (${items.length}):`, ...items.slice(0, shown).map((v) => `    ${v}`)].concat(
          items.length > shown ? [`    ... ${items.length - shown} more`] : [],
        )
      : [];
  return [
    `verdicts: DIFFERENT (${diff.onlyFull.length + diff.onlySmall.length} of ${diff.compared} findings)`,
    ...list('only in the full scan', diff.onlyFull),
    ...list('only in the small scan', diff.onlySmall),
  ].join('\n');
}

import { InputError, type Problem } from '../../engine/errors.js';
import { parseYaml } from '../../core/yaml-source.js';
import {
  DATE_FIELDS,
  EMPLOYMENT_WORDS,
  REQUIRED_FIELDS,
  ROSTER_FIELDS,
  STATUS_WORDS,
  type RosterField,
} from './columns.js';
import { csvRecords, type CsvProblem } from '../../core/csv.js';
import type { Person, Roster } from './data.js';
import { sha256 } from '../../core/sha256.js';

export type DateFormat = 'YYYY-MM-DD' | 'MM/DD/YYYY' | 'DD/MM/YYYY';

export interface RosterOptions {
  format?: 'csv' | 'json';
  /** Our field name -> the export's header (or headers, joined with a space, e.g. first + last name). */
  columns?: Partial<Record<string, string | string[]>>;
  dateFormat?: DateFormat;
}

interface Cell {
  value: string;
  line: number;
  column?: number;
}

/** One record of the export: its cells by lower-cased header. */
interface RawRecord {
  line: number;
  cells: Map<string, Cell>;
}

export function rosterFormat(file: string, explicit?: 'csv' | 'json'): 'csv' | 'json' {
  if (explicit) return explicit;
  return /\.json$/i.test(file) ? 'json' : 'csv';
}

/** Parses and validates a roster; every problem in the file is reported at once as an InputError. */
export function parseRoster(text: string, file: string, options: RosterOptions = {}): Roster {
  const format = rosterFormat(file, options.format);
  const headerMap = new Map<RosterField, string[]>(
    ROSTER_FIELDS.map((field) => {
      const mapped = options.columns?.[field];
      const list = mapped === undefined ? [field] : Array.isArray(mapped) ? mapped : [mapped];
      return [field, list.map((h) => h.trim().toLowerCase())];
    }),
  );
  const headersFor = (field: RosterField): string[] => headerMap.get(field)!;
  const problems: Problem[] = [];
  const { records, headers } =
    format === 'csv' ? readCsvRecords(text, file, problems) : readJsonRecords(text, file, problems);

  if (headers) {
    const headerProblems: Problem[] = [];
    for (const field of REQUIRED_FIELDS) {
      const missing = headersFor(field).filter((h) => !headers.has(h));
      if (missing.length > 0) {
        headerProblems.push({
          file,
          line: 1,
          message: `missing required column ${missing.map((h) => `'${h}'`).join(', ')}${describeMapping(field, options)}`,
        });
      }
    }
    if (headerProblems.length > 0) throw new InputError([...problems, ...headerProblems]);
  }

  const people: Person[] = [];
  const seen = new Map<string, Map<string, number>>([
    ['email', new Map()],
    ['github', new Map()],
    ['aws_user', new Map()],
  ]);
  let index = 0;
  for (const record of records) {
    const rowLabel = format === 'csv' ? `row ${++index}` : `record ${++index}`;
    const at = (field: RosterField, message: string, cell?: Cell) =>
      problems.push({
        file,
        line: cell?.line ?? record.line,
        ...(cell?.column !== undefined ? { column: cell.column } : {}),
        message: `${rowLabel}, column '${field}'${describeMapping(field, options)}: ${message}`,
      });
    const read = (field: RosterField): { text: string | undefined; cell?: Cell } => {
      let first: Cell | undefined;
      let text = '';
      for (const header of headersFor(field)) {
        const cell = record.cells.get(header);
        if (!cell) continue;
        first ??= cell;
        const value = cell.value.trim();
        if (value) text = text ? `${text} ${value}` : value;
      }
      return { text: text === '' ? undefined : text, cell: first };
    };

    const fields = {} as Record<RosterField, string | undefined>;
    for (const field of ROSTER_FIELDS) {
      const { text, cell } = read(field);
      if (REQUIRED_FIELDS.includes(field) && text === undefined) {
        at(field, 'is empty (required)', cell);
        continue;
      }
      if (text !== undefined && DATE_FIELDS.includes(field)) {
        const date = parseDate(text, options.dateFormat ?? 'YYYY-MM-DD');
        if (!date) {
          at(field, `'${text}' is not a valid date (expected ${options.dateFormat ?? 'YYYY-MM-DD'})`, cell);
          continue;
        }
        fields[field] = date;
        continue;
      }
      fields[field] = text;
    }

    const email = fields.email?.toLowerCase();
    if (email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      at('email', `'${fields.email}' is not an email address`, read('email').cell);
    }
    const statusText = fields.status?.toLowerCase();
    const status = statusText === undefined ? undefined : STATUS_WORDS[statusText];
    if (statusText !== undefined && !status) {
      at(
        'status',
        `unknown status '${fields.status}' (expected active, terminated or leave)`,
        read('status').cell,
      );
    }
    const typeText = fields.employment_type?.toLowerCase();
    const employmentType = typeText === undefined ? 'employee' : EMPLOYMENT_WORDS[typeText];
    if (!employmentType) {
      at(
        'employment_type',
        `unknown employment type '${fields.employment_type}' (expected employee or contractor)`,
        read('employment_type').cell,
      );
    }
    if (fields.start_date && fields.end_date && fields.end_date < fields.start_date) {
      at(
        'end_date',
        `end date ${fields.end_date} is before start date ${fields.start_date}`,
        read('end_date').cell,
      );
    }

    const identifiers: [string, string | undefined][] = [
      ['email', email],
      ['github', fields.github?.toLowerCase()],
      ['aws_user', fields.aws_user],
    ];
    for (const [field, value] of identifiers) {
      if (value === undefined) continue;
      const firstLine = seen.get(field)!.get(value.toLowerCase());
      if (firstLine !== undefined) {
        at(
          field as RosterField,
          `duplicate ${field} '${value}' (first on line ${firstLine})`,
          read(field as RosterField).cell,
        );
      } else {
        seen.get(field)!.set(value.toLowerCase(), record.line);
      }
    }

    if (email && fields.name && status && employmentType) {
      people.push(
        compact({
          email,
          name: fields.name,
          status,
          startDate: fields.start_date,
          endDate: fields.end_date,
          github: fields.github?.replace(/^@/, '').toLowerCase(),
          awsUser: fields.aws_user,
          manager: fields.manager,
          department: fields.department,
          employmentType,
          backgroundCheckDate: fields.background_check_date,
          securityTrainingDate: fields.security_training_date,
          policyAckDate: fields.policy_ack_date,
          line: record.line,
        }),
      );
    }
  }

  if (problems.length > 0) throw new InputError(problems);
  return { file, format, sha256: sha256(text), people };
}

function describeMapping(field: RosterField, options: RosterOptions): string {
  const mapped = options.columns?.[field];
  if (mapped === undefined) return '';
  return ` (mapped from ${(Array.isArray(mapped) ? mapped : [mapped]).map((h) => `'${h}'`).join(' + ')})`;
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The header now and the rows as they are read: a row's cells exist only while it is turned into a
 * person, so a large roster never holds every row twice over.
 */
function readCsvRecords(
  text: string,
  file: string,
  problems: Problem[],
): { records: Iterable<RawRecord>; headers: Set<string> } {
  const csvProblems: CsvProblem[] = [];
  const rows = csvRecords(text, csvProblems);
  const flush = () => {
    for (const p of csvProblems.splice(0)) problems.push({ file, line: p.line, message: p.message });
  };
  const header = rows.next();
  flush();
  if (header.done) {
    problems.push({ file, line: 1, message: 'the roster is empty (expected a header row)' });
    throw new InputError(problems);
  }
  const names = header.value.fields.map((h) => h.trim().toLowerCase());
  function* records(): Generator<RawRecord> {
    for (const row of rows) {
      flush();
      if (row.fields.length !== names.length) {
        problems.push({
          file,
          line: row.line,
          message: `has ${row.fields.length} fields, the header has ${names.length}`,
        });
      }
      const cells = new Map<string, Cell>();
      names.forEach((name, i) => {
        if (!cells.has(name)) cells.set(name, { value: row.fields[i] ?? '', line: row.line, column: i + 1 });
      });
      yield { line: row.line, cells };
    }
    flush();
  }
  return { records: records(), headers: new Set(names) };
}

function readJsonRecords(
  text: string,
  file: string,
  problems: Problem[],
): { records: Iterable<RawRecord>; headers: undefined } {
  let source;
  try {
    JSON.parse(text);
    source = parseYaml(text, file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError([{ file, message: `not valid JSON: ${(error as Error).message}` }]);
  }
  const value = source.value as unknown;
  let list: unknown;
  let base = '';
  if (Array.isArray(value)) list = value;
  else if (value && typeof value === 'object') {
    const key = ['people', 'employees', 'users', 'data'].find((k) =>
      Array.isArray((value as Record<string, unknown>)[k]),
    );
    if (key) {
      list = (value as Record<string, unknown>)[key];
      base = `/${key}`;
    }
  }
  if (!Array.isArray(list)) {
    throw new InputError([
      { file, line: 1, message: 'expected a JSON array of people (or an object with a "people" array)' },
    ]);
  }
  const records: RawRecord[] = [];
  list.forEach((item, index) => {
    const line = source.locate(`${base}/${index}`)?.line ?? 1;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      problems.push({ file, line, message: `record ${index + 1} is not an object` });
      return;
    }
    const cells = new Map<string, Cell>();
    for (const [key, raw] of Object.entries(item as Record<string, unknown>)) {
      if (raw !== null && typeof raw === 'object') continue;
      const pos = source.locate(`${base}/${index}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      cells.set(key.trim().toLowerCase(), {
        value: raw === null || raw === undefined ? '' : String(raw),
        line: pos?.line ?? line,
        ...(pos ? { column: pos.column } : {}),
      });
    }
    records.push({ line, cells });
  });
  return { records, headers: undefined };
}

/** A calendar date in the given layout (ISO also accepts a full timestamp) -> YYYY-MM-DD, or undefined. */
export function parseDate(text: string, format: DateFormat): string | undefined {
  let y: number, m: number, d: number;
  const t = text.trim();
  if (format === 'YYYY-MM-DD') {
    const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
    if (!match) return undefined;
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
    if (!match) return undefined;
    const [a, b] = [Number(match[1]), Number(match[2])];
    y = Number(match[3]);
    [m, d] = format === 'MM/DD/YYYY' ? [a, b] : [b, a];
  }
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

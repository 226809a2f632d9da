import { describe, expect, it } from 'vitest';
import { csvRecords, parseCsv } from '../../src/core/csv.js';
import { parseDate, parseRoster } from '../../src/collectors/hr/roster.js';
import { InputError } from '../../src/engine/errors.js';

const HEADER = 'email,name,status,start_date,end_date,github,aws_user,employment_type';

function problemsOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parseCsv (RFC 4180)', () => {
  it.each([
    [
      'plain',
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
      [1, 2],
    ],
    [
      'CRLF and no final newline',
      'a,b\r\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
      [1, 2],
    ],
    [
      'quoted comma and escaped quote',
      'a,b\n"x, y","say ""hi"""\n',
      [
        ['a', 'b'],
        ['x, y', 'say "hi"'],
      ],
      [1, 2],
    ],
    [
      'quoted newline keeps the record line',
      'a,b\n"line1\nline2",2\nz,3\n',
      [
        ['a', 'b'],
        ['line1\nline2', '2'],
        ['z', '3'],
      ],
      [1, 2, 4],
    ],
    [
      'BOM and blank lines',
      '\uFEFFa,b\n\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
      [1, 3],
    ],
    [
      'empty fields',
      'a,b,c\n,,\n',
      [
        ['a', 'b', 'c'],
        ['', '', ''],
      ],
      [1, 2],
    ],
  ])('%s', (_name, text, fields, lines) => {
    const { records, problems } = parseCsv(text);
    expect(problems).toEqual([]);
    expect(records.map((r) => r.fields)).toEqual(fields);
    expect(records.map((r) => r.line)).toEqual(lines);
  });

  it.each([
    [
      'quoted last field without a final newline',
      'a,b\n1,"x"',
      [
        ['a', 'b'],
        ['1', 'x'],
      ],
    ],
    [
      'CR-only line ends',
      'a,b\r1,2\r',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'empty quoted field',
      'a,b\n"",2\n',
      [
        ['a', 'b'],
        ['', '2'],
      ],
    ],
  ])('%s', (_name, text, fields) => {
    const { records, problems } = parseCsv(text);
    expect(problems).toEqual([]);
    expect(records.map((r) => r.fields)).toEqual(fields);
  });

  it('reports text after a closing quote', () => {
    const { records, problems } = parseCsv('a,b\n"x"y,2\n');
    expect(problems).toEqual([{ line: 2, message: 'unexpected character after a closing quote' }]);
    expect(records[1]!.fields).toEqual(['x', '2']);
  });

  it('reports an unclosed quote with its line', () => {
    expect(parseCsv('a,b\n1,"oops\n').problems).toEqual([{ line: 2, message: 'quoted field is not closed' }]);
  });
});

describe('parseDate', () => {
  it.each([
    ['2026-02-28', 'YYYY-MM-DD', '2026-02-28'],
    ['2026-02-30', 'YYYY-MM-DD', undefined],
    ['2026-02-28T10:00:00Z', 'YYYY-MM-DD', '2026-02-28'],
    ['02/28/2026', 'MM/DD/YYYY', '2026-02-28'],
    ['28/02/2026', 'DD/MM/YYYY', '2026-02-28'],
    ['28.02.2026', 'DD/MM/YYYY', '2026-02-28'],
    ['13/01/2026', 'MM/DD/YYYY', undefined],
    ['yesterday', 'YYYY-MM-DD', undefined],
  ] as const)('%s as %s', (text, format, expected) => {
    expect(parseDate(text, format)).toBe(expected);
  });
});

describe('parseRoster', () => {
  it('normalizes a CSV export', () => {
    const roster = parseRoster(
      `${HEADER}\nAlice@Co.example,Alice N,Active,2024-01-02,,@Alice-NG,alice.nguyen,Full-Time\nbob@co.example,Bob,terminated,2023-01-01,2026-01-31,,,Contractor\n`,
      'roster.csv',
    );
    expect(roster.format).toBe('csv');
    expect(roster.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(roster.people).toEqual([
      {
        email: 'alice@co.example',
        name: 'Alice N',
        status: 'active',
        startDate: '2024-01-02',
        github: 'alice-ng',
        awsUser: 'alice.nguyen',
        employmentType: 'employee',
        line: 2,
      },
      {
        email: 'bob@co.example',
        name: 'Bob',
        status: 'terminated',
        startDate: '2023-01-01',
        endDate: '2026-01-31',
        employmentType: 'contractor',
        line: 3,
      },
    ]);
  });

  it('maps export headers through providers.hr.columns (BambooHR-style, first + last name)', () => {
    const csv =
      'Work Email,First Name,Last Name,Status,Hire Date,Termination Date\nann@co.example,Ann,Lee,Active,03/15/2025,\n';
    const roster = parseRoster(csv, 'bamboo.csv', {
      columns: {
        email: 'Work Email',
        name: ['First Name', 'Last Name'],
        status: 'Status',
        start_date: 'Hire Date',
        end_date: 'Termination Date',
      },
      dateFormat: 'MM/DD/YYYY',
    });
    expect(roster.people[0]).toMatchObject({
      email: 'ann@co.example',
      name: 'Ann Lee',
      startDate: '2025-03-15',
    });
  });

  it('reports every bad row at once with file, line, column and the mapped header', () => {
    const csv = [
      'Work Email,Name,Status,Hire Date',
      'a@co.example,A,active,2026-13-01',
      'b@co.example,B,retired,2026-01-01',
      'A@co.example,A2,active,2026-01-01',
      'not-an-email,C,active,',
      ',D,active,',
    ].join('\n');
    const problems = problemsOf(() =>
      parseRoster(csv, 'hr.csv', { columns: { email: 'Work Email', start_date: 'Hire Date' } }),
    );
    expect(problems).toEqual([
      {
        file: 'hr.csv',
        line: 2,
        column: 4,
        message:
          "row 1, column 'start_date' (mapped from 'Hire Date'): '2026-13-01' is not a valid date (expected YYYY-MM-DD)",
      },
      {
        file: 'hr.csv',
        line: 3,
        column: 3,
        message: "row 2, column 'status': unknown status 'retired' (expected active, terminated or leave)",
      },
      {
        file: 'hr.csv',
        line: 4,
        column: 1,
        message:
          "row 3, column 'email' (mapped from 'Work Email'): duplicate email 'a@co.example' (first on line 2)",
      },
      {
        file: 'hr.csv',
        line: 5,
        column: 1,
        message: "row 4, column 'email' (mapped from 'Work Email'): 'not-an-email' is not an email address",
      },
      {
        file: 'hr.csv',
        line: 6,
        column: 1,
        message: "row 5, column 'email' (mapped from 'Work Email'): is empty (required)",
      },
    ]);
  });

  it('names a missing required column on the header line', () => {
    const problems = problemsOf(() => parseRoster('email,full name,status\n', 'hr.csv'));
    expect(problems).toEqual([{ file: 'hr.csv', line: 1, message: "missing required column 'name'" }]);
  });

  it('flags duplicate github logins and rows with the wrong number of fields, in line order', () => {
    const csv = `${HEADER}\na@co.example,A,active,,,dev1,,\nb@co.example,B,active,,,DEV1,,\nc@co.example,C,active\n`;
    const messages = problemsOf(() => parseRoster(csv, 'hr.csv')).map((p) => `${p.line}: ${p.message}`);
    expect(messages).toEqual([
      "3: row 2, column 'github': duplicate github 'dev1' (first on line 2)",
      '4: has 3 fields, the header has 8',
    ]);
  });

  it('rejects unknown employment types and end dates before start dates', () => {
    const csv = `${HEADER}\na@co.example,A,terminated,2026-02-01,2026-01-01,,,intern-ish\n`;
    const messages = problemsOf(() => parseRoster(csv, 'hr.csv')).map((p) => p.message);
    expect(messages).toEqual([
      "row 1, column 'employment_type': unknown employment type 'intern-ish' (expected employee or contractor)",
      "row 1, column 'end_date': end date 2026-01-01 is before start date 2026-02-01",
    ]);
  });

  it('reads a JSON export (array or {people: [...]}) with line numbers', () => {
    const json = JSON.stringify(
      {
        people: [
          { email: 'a@co.example', name: 'A', status: 'active', github: 'a-gh' },
          { email: 'b@co.example', name: 'B', status: 'leave' },
        ],
      },
      null,
      2,
    );
    const roster = parseRoster(json, 'roster.json');
    expect(roster.format).toBe('json');
    expect(roster.people.map((p) => [p.email, p.status, p.line])).toEqual([
      ['a@co.example', 'active', 3],
      ['b@co.example', 'leave', 9],
    ]);
  });

  it('reports bad JSON records with the line of the bad value', () => {
    const json =
      '[\n  {"email": "a@co.example", "name": "A", "status": "active"},\n  {"email": "b@co.example", "name": "B",\n   "status": "gone", "start_date": "soon"}\n]\n';
    expect(problemsOf(() => parseRoster(json, 'r.json'))).toEqual([
      {
        file: 'r.json',
        line: 4,
        column: 36,
        message: "record 2, column 'start_date': 'soon' is not a valid date (expected YYYY-MM-DD)",
      },
      {
        file: 'r.json',
        line: 4,
        column: 14,
        message: "record 2, column 'status': unknown status 'gone' (expected active, terminated or leave)",
      },
    ]);
  });

  it.each([
    ['not JSON', '{oops', /not valid JSON/],
    ['not a list', '{"count": 3}', /expected a JSON array/],
  ])('JSON: %s', (_name, text, message) => {
    const [problem] = problemsOf(() => parseRoster(text, 'r.json'));
    expect(problem!.file).toBe('r.json');
    expect(problem!.message).toMatch(message);
  });

  it('an empty CSV file is an error', () => {
    expect(problemsOf(() => parseRoster('', 'hr.csv'))[0]!.message).toMatch(/empty/);
  });
});

describe('csvRecords', () => {
  it('reads one record at a time: a problem further down is not met before its record is reached', () => {
    const problems: { line: number; message: string }[] = [];
    const records = csvRecords('a,b\n1,2\n3,"unclosed\n', problems);
    expect(records.next().value).toEqual({ line: 1, fields: ['a', 'b'] });
    expect(records.next().value).toEqual({ line: 2, fields: ['1', '2'] });
    expect(problems).toEqual([]);
    expect([...records]).toEqual([{ line: 3, fields: ['3', 'unclosed\n'] }]);
    expect(problems).toEqual([{ line: 3, message: 'quoted field is not closed' }]);
  });
});

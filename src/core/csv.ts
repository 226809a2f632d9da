export interface CsvRecord {
  /** 1-based line on which the record starts (a quoted field may span lines). */
  line: number;
  fields: string[];
}

export interface CsvProblem {
  line: number;
  message: string;
}

/** Every record of a CSV text at once; see csvRecords. */
export function parseCsv(text: string): { records: CsvRecord[]; problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  return { records: [...csvRecords(text, problems)], problems };
}

/**
 * RFC 4180, one record at a time, so a large file never has all its records in memory at once:
 * comma-separated, fields optionally quoted with `"`, `""` escapes a quote inside quotes, CRLF or LF
 * line ends, quoted fields may contain commas and line breaks. A leading BOM is ignored. Problems are
 * appended to `problems` as they are met.
 */
export function* csvRecords(text: string, problems: CsvProblem[]): Generator<CsvRecord> {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const length = input.length;
  const isEnd = (at: number) => {
    const c = input.charCodeAt(at);
    return c === COMMA || c === LF || c === CR;
  };
  let line = 1;
  let i = 0;
  while (i < length) {
    const recordLine = line;
    const fields: string[] = [];
    for (;;) {
      if (input.charCodeAt(i) === QUOTE) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const quote = input.indexOf('"', from);
          if (quote === -1) {
            problems.push({ line: recordLine, message: 'quoted field is not closed' });
            value += input.slice(from);
            i = length;
            break;
          }
          value += input.slice(from, quote);
          if (input.charCodeAt(quote + 1) === QUOTE) {
            value += '"';
            from = quote + 2;
            continue;
          }
          i = quote + 1;
          break;
        }
        line += countNewlines(value);
        if (i < length && !isEnd(i)) {
          problems.push({ line, message: 'unexpected character after a closing quote' });
          while (i < length && !isEnd(i)) i++;
        }
        fields.push(value);
      } else {
        let end = i;
        while (end < length && !isEnd(end)) end++;
        fields.push(input.slice(i, end));
        i = end;
      }
      if (i < length && input.charCodeAt(i) === COMMA) {
        i++;
        continue;
      }
      break;
    }
    if (i < length) {
      i += input.charCodeAt(i) === CR && input.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
    }
    if (!(fields.length === 1 && fields[0] === '')) yield { line: recordLine, fields };
  }
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

function countNewlines(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) n++;
  return n;
}

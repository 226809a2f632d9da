import { readFileSync } from 'node:fs';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { InputError, type Problem } from '../engine/errors.js';

/** A parsed YAML (or JSON) file that can say where any value in it came from. */
export interface YamlSource {
  file: string;
  value: unknown;
  /** Line and column (1-based) of the value at a JSON pointer such as `/providers/aws/regions/0`. */
  locate(pointer: string, key?: string): { line: number; column: number } | undefined;
}

export function readYamlFile(file: string): YamlSource {
  return parseYaml(readYamlText(file), file);
}

/** A file's text, or bad input naming the file when it cannot be read. */
export function readYamlText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError([
      { file, message: code === 'ENOENT' ? 'file not found' : `cannot read file (${code})` },
    ]);
  }
}

export function parseYaml(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((error): Problem => {
        const pos = lineCounter.linePos(error.pos[0]);
        return { file, line: pos.line, column: pos.col, message: firstLine(error.message) };
      }),
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // The yaml library refuses alias bombs ("billion laughs") and similar: bad input, not a crash.
    throw new InputError([
      { file, message: `cannot be read as YAML: ${firstLine((error as Error).message)}` },
    ]);
  }
  return { file, value, locate: (pointer, key) => locate(doc, lineCounter, pointer, key) };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function locate(doc: Document, lineCounter: LineCounter, pointer: string, key?: string) {
  const path: (string | number)[] = pointerSegments(pointer).map((part) =>
    /^\d+$/.test(part) ? Number(part) : part,
  );
  let node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
    if (pair && isScalar(pair.key)) node = pair.key;
  }
  // Walk up until a node with a source range is found (a missing key points at its parent).
  while (
    !(node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) &&
    path.length > 0
  ) {
    path.pop();
    node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  }
  if (!(node && typeof node === 'object' && 'range' in node && Array.isArray(node.range))) return undefined;
  const pos = lineCounter.linePos(node.range[0] as number);
  return { line: pos.line, column: pos.col };
}

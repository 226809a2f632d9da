/**
 * The text of `JSON.stringify(value, null, 2)` in pieces, so a large report or evidence file is
 * written without ever holding its whole text (V8 strings stop at about 512 MB). Containers are
 * walked one element at a time; anything with a toJSON method is handed to JSON.stringify whole.
 */
export function* jsonChunks(value: unknown): Generator<string> {
  yield* chunksOf(value, '');
}

/** A JSON file's text in pieces: jsonChunks, then a final line break. */
export function* jsonDocument(value: unknown): Generator<string> {
  yield* chunksOf(value, '');
  yield '\n';
}

function* chunksOf(value: unknown, indent: string): Generator<string> {
  if (value === null || typeof value !== 'object' || hasToJson(value)) {
    yield serializeLeaf(value, indent) ?? 'null';
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    for (let i = 0; i < value.length; i++) {
      yield i === 0 ? `[\n${inner}` : `,\n${inner}`;
      const item: unknown = value[i];
      if (isJsonAbsent(item)) yield 'null';
      else yield* chunksOf(item, inner);
    }
    yield `\n${indent}]`;
    return;
  }
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (isJsonAbsent(item)) continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* chunksOf(item, inner);
  }
  yield first ? '{}' : `\n${indent}}`;
}

/** What JSON.stringify drops from an object and writes as null in an array. */
function isJsonAbsent(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/** A primitive (or a toJSON object) as it appears `indent` deep in the document. */
function serializeLeaf(value: unknown, indent: string): string | undefined {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  // Strings inside JSON text never hold a raw line break, so every one is structure to indent.
  return indent === '' || text === undefined ? text : text.replaceAll('\n', `\n${indent}`);
}

/** Pieces of text joined into batches of about `size` characters: fewer, larger writes. */
export function* inBatches(pieces: Iterable<string>, size = 64 * 1024): Generator<string> {
  let batch = '';
  for (const piece of pieces) {
    batch += piece;
    if (batch.length >= size) {
      yield batch;
      batch = '';
    }
  }
  if (batch !== '') yield batch;
}

/** Values as JSON Lines: one line of text per value. */
export function* jsonLines(values: Iterable<unknown>): Generator<string> {
  for (const value of values) yield `${JSON.stringify(value)}\n`;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemasDir } from '../../core/paths.js';

const cache = new Map<string, object>();

/** A JSON Schema shipped in schemas/, parsed once. */
export function loadSchema(name: string): object {
  let schema = cache.get(name);
  if (!schema) {
    schema = JSON.parse(readFileSync(join(schemasDir, name), 'utf8')) as object;
    cache.set(name, schema);
  }
  return schema;
}

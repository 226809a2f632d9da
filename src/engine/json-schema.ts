import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, Options, ValidateFunction } from 'ajv';
import type { YamlSource } from '../core/yaml-source.js';
import type { Problem } from './errors.js';

const require = createRequire(import.meta.url);

/**
 * The validator every schema is compiled with, at run time or ahead of time by the build. Ajv itself
 * is loaded on first use: with the build's validators, most runs never need it.
 */
export function newAjv(extra: Options = {}): Ajv {
  const { Ajv } = require('ajv') as typeof import('ajv');
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, ...extra });
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/);
  // A file or folder path in a provider's config block: any string; resolved from the config's folder.
  ajv.addFormat('path', true);
  return ajv;
}

// Made on first use: with the build's validators, most runs compile nothing.
let ajv: Ajv | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

export function compileSchema(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    ajv ??= newAjv();
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Ajv's errors as problems, each at the file, line and column of the offending value. */
export function describeErrors(errors: ErrorObject[], source: YamlSource, basePointer = ''): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const error of pruneUnionNoise(errors)) {
    const pointer = basePointer + error.instancePath;
    const key =
      error.keyword === 'additionalProperties' ? String(error.params.additionalProperty) : undefined;
    const pos = source.locate(pointer, key);
    const message = describeError(error, pointer);
    const id = `${pos?.line}:${pos?.column}:${message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    problems.push({ file: source.file, line: pos?.line, column: pos?.column, message });
  }
  return problems;
}

/** anyOf/oneOf failures repeat every branch's complaint; keep the summary and the most specific. */
function pruneUnionNoise(errors: ErrorObject[]): ErrorObject[] {
  const unionPaths = new Set(
    errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.schemaPath),
  );
  if (unionPaths.size === 0) return errors;
  return errors.filter((e) => {
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') return true;
    return ![...unionPaths].some((p) => e.schemaPath.startsWith(p.replace(/\/(anyOf|oneOf)$/, '/$1/')));
  });
}

function describeError(error: ErrorObject, pointer: string): string {
  const where = pointer ? pointer.slice(1).replace(/\//g, '.') : 'top level';
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown key '${String(error.params.additionalProperty)}' in ${where}`;
    case 'required':
      return `${where} is missing required key '${String(error.params.missingProperty)}'`;
    case 'enum':
      return `${where} must be one of: ${(error.params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'type':
      return `${where} must be ${String(error.params.type)}`;
    case 'anyOf':
    case 'oneOf':
      return `${where} does not match any allowed form`;
    case 'pattern':
      return `${where} must match ${String(error.params.pattern)}`;
    default:
      return `${where} ${error.message ?? 'is invalid'}`;
  }
}

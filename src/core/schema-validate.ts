import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { InputError, type Problem } from './errors.js';
import type { YamlSource } from './yaml-source.js';

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/);
const compiled = new WeakMap<object, ValidateFunction>();

export function compileSchema(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Validates a parsed file against a schema; every problem names the file, line and column. */
export function validateSource(source: YamlSource, schema: object, basePointer = ''): Problem[] {
  const validate = compileSchema(schema);
  if (validate(source.value)) return [];
  return describeErrors(validate.errors ?? [], source, basePointer);
}

export function assertValid(source: YamlSource, schema: object): void {
  const problems = validateSource(source, schema);
  if (problems.length > 0) throw new InputError(problems);
}

export function describeErrors(errors: ErrorObject[], source: YamlSource, basePointer = ''): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const error of pruneUnionNoise(errors)) {
    const pointer = basePointer + error.instancePath;
    const key =
      error.keyword === 'additionalProperties'
        ? String(error.params.additionalProperty)
        : error.keyword === 'required'
          ? undefined
          : undefined;
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

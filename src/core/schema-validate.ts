import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import type { Ajv, ErrorObject, Options, ValidateFunction } from 'ajv';
import type { Problem } from '../engine/errors.js';
import { packageRoot } from './paths.js';
import { sha256 } from './sha256.js';
import type { YamlSource } from './yaml-source.js';

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

/** The schemas soc2 validates its inputs against, relative to the package; the build compiles them. */
export const SHIPPED_SCHEMAS = [
  'schemas/config.schema.json',
  'controls/control.schema.json',
  'schemas/policy.schema.json',
  'schemas/evidence-index.schema.json',
  'schemas/risks.schema.json',
  'schemas/vendors.schema.json',
];

/**
 * Where `npm run build` puts the validator it compiled ahead of time for a shipped schema file, or for
 * a schema object by name (a built-in provider's config schema is `provider-<id>`).
 */
export function precompiledPath(schemaFileOrName: string): string {
  return join(packageRoot, 'dist', 'validators', `${basename(schemaFileOrName, '.json')}.cjs`);
}

const byFile = new Map<string, { validate: ValidateFunction; precompiled: boolean }>();

/** The build's validator at `artifact`, if it was compiled from a schema with this SHA-256. */
function precompiled(artifact: string, schemaSha256: string): ValidateFunction | undefined {
  if (!existsSync(artifact)) return undefined;
  const ahead = require(artifact) as ValidateFunction & { schemaSha256?: string };
  return ahead.schemaSha256 === schemaSha256 ? ahead : undefined;
}

/**
 * The validator of a schema given as an object (a provider's config schema): the build's, when it was
 * compiled from this very schema under this name, otherwise compiled now (a plugin's, say).
 */
export function objectValidator(name: string, schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate =
      precompiled(precompiledPath(name), sha256(JSON.stringify(schema))) ??
      (ajv ??= newAjv()).compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/**
 * The validator of a schema file shipped with soc2: the one the build compiled ahead of time when it
 * was made from this very file (same SHA-256), which spares every run compiling it; otherwise compiled
 * now.
 */
export function schemaFileValidator(schemaFile: string): {
  validate: ValidateFunction;
  precompiled: boolean;
} {
  let found = byFile.get(schemaFile);
  if (!found) {
    const text = readFileSync(schemaFile, 'utf8');
    const ahead = precompiled(precompiledPath(schemaFile), sha256(text));
    found = ahead
      ? { validate: ahead, precompiled: true }
      : { validate: newAjv().compile(JSON.parse(text) as object), precompiled: false };
    byFile.set(schemaFile, found);
  }
  return found;
}

/** Validates a parsed file against a schema file; every problem names the file, line and column. */
export function validateSource(source: YamlSource, schemaFile: string, basePointer = ''): Problem[] {
  const { validate } = schemaFileValidator(schemaFile);
  if (validate(source.value)) return [];
  return describeErrors(validate.errors ?? [], source, basePointer);
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

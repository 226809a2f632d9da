import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import type { Problem } from '../engine/errors.js';
import { compileSchema, describeErrors, newAjv } from '../engine/json-schema.js';
import { packageRoot } from './paths.js';
import { sha256 } from './sha256.js';
import type { YamlSource } from './yaml-source.js';

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

const require = createRequire(import.meta.url);
const byFile = new Map<string, { validate: ValidateFunction; precompiled: boolean }>();
const byObject = new WeakMap<object, ValidateFunction>();

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
  let validate = byObject.get(schema);
  if (!validate) {
    validate = precompiled(precompiledPath(name), sha256(JSON.stringify(schema))) ?? compileSchema(schema);
    byObject.set(schema, validate);
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

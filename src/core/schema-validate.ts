import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import type { Problem } from '../engine/errors.js';
import { describeErrors, newAjv } from '../engine/json-schema.js';
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

/** Where `npm run build` puts the validator it compiled ahead of time for a shipped schema file. */
export function precompiledPath(schemaFile: string): string {
  return join(packageRoot, 'dist', 'validators', `${basename(schemaFile, '.json')}.cjs`);
}

const require = createRequire(import.meta.url);
const byFile = new Map<string, { validate: ValidateFunction; precompiled: boolean }>();

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
    const artifact = precompiledPath(schemaFile);
    const ahead = existsSync(artifact)
      ? (require(artifact) as ValidateFunction & { schemaSha256?: string })
      : undefined;
    found =
      ahead?.schemaSha256 === sha256(text)
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

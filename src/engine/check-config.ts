import type { Config } from '../core/config.js';
import type { AnyCheck } from './check.js';
import { InputError, type Problem } from './errors.js';
import { compileSchema, describeErrors } from './json-schema.js';

/**
 * Each check's options: its defaults with the config's `checks:` overrides. An override must name a check
 * this scan was given and fit that check's option schema; every problem is reported at once, located in
 * the config file.
 */
export function resolveCheckConfig(config: Config, checks: readonly AnyCheck[]): Map<string, object> {
  const byId = new Map(checks.map((check) => [check.id, check]));
  const problems: Problem[] = [];
  const resolved = new Map<string, object>();
  for (const [id, overrides] of Object.entries(config.checks)) {
    const check = byId.get(id);
    const pointer = `/checks/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!check) {
      const pos = config.source?.locate('/checks', id);
      problems.push({
        file: config.file,
        line: pos?.line,
        column: pos?.column,
        message: `unknown check '${id}'`,
      });
      continue;
    }
    if (!check.options) {
      const pos = config.source?.locate(pointer);
      problems.push({
        file: config.file,
        line: pos?.line,
        column: pos?.column,
        message: `check '${id}' has no options`,
      });
      continue;
    }
    const validate = compileSchema(optionsObjectSchema(check));
    if (!validate(overrides) && config.source) {
      problems.push(...describeErrors(validate.errors ?? [], config.source, pointer));
      continue;
    }
    resolved.set(id, { ...check.options.defaults, ...overrides });
  }
  if (problems.length > 0) throw new InputError(problems);
  for (const check of checks) {
    if (!resolved.has(check.id)) resolved.set(check.id, { ...(check.options?.defaults ?? {}) });
  }
  return resolved;
}

const optionSchemas = new WeakMap<AnyCheck, object>();
function optionsObjectSchema(check: AnyCheck): object {
  let schema = optionSchemas.get(check);
  if (!schema) {
    schema = { type: 'object', additionalProperties: false, properties: check.options?.schema ?? {} };
    optionSchemas.set(check, schema);
  }
  return schema;
}

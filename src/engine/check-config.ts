import type { Config } from '../core/config.js';
import type { AnyCheck } from './check.js';
import { InputError, type Problem } from './errors.js';
import { exceptionProblems } from './exceptions.js';
import { compileSchema, describeErrors } from './json-schema.js';

/**
 * What the config says about checks, against the checks this scan was given (built-in or not):
 * `exceptions:` and `checks:` may name only those checks, exceptions must be acceptable as of `today`
 * (src/engine/exceptions.ts), and options must fit the check's schema. Every problem is reported at
 * once, located in the config file. Returns each check's options: its defaults with the config's
 * overrides.
 */
export function resolveCheckConfig(
  config: Config,
  checks: readonly AnyCheck[],
  today = new Date().toISOString().slice(0, 10),
): Map<string, object> {
  const byId = new Map(checks.map((check) => [check.id, check]));
  const problems: Problem[] = [];
  const at = (pointer: string, message: string, key?: string): Problem => {
    const pos = config.source?.locate(pointer, key);
    return { file: config.file, line: pos?.line, column: pos?.column, message };
  };

  problems.push(...exceptionProblems(config, byId, today));

  const resolved = new Map<string, object>();
  for (const [id, overrides] of Object.entries(config.checks)) {
    const check = byId.get(id);
    const pointer = `/checks/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!check) {
      problems.push(at('/checks', `unknown check '${id}'`, id));
      continue;
    }
    if (!check.options) {
      problems.push(at(pointer, `check '${id}' has no options`));
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

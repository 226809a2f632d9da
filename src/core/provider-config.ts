import { resolve } from 'node:path';
import type { ConfigSchema, Provider } from '../engine/collector.js';
import type { Problem } from '../engine/errors.js';
import { describeErrors } from '../engine/json-schema.js';
import { objectValidator } from './schema-validate.js';
import type { YamlSource } from './yaml-source.js';

/**
 * Every `providers.<id>` block must belong to a registered provider and fit that provider's schema;
 * each problem names the file, line and column.
 */
export function providerBlockProblems(source: YamlSource, providers: readonly Provider[]): Problem[] {
  const blocks = (source.value as { providers?: unknown } | null)?.providers;
  if (!blocks || typeof blocks !== 'object' || Array.isArray(blocks)) return [];
  const byId = new Map(providers.map((p) => [p.id, p]));
  const problems: Problem[] = [];
  for (const [id, block] of Object.entries(blocks)) {
    const provider = byId.get(id);
    if (!provider) {
      const pos = source.locate('/providers', id);
      const known = [...byId.keys()].sort().join(', ');
      problems.push({
        file: source.file,
        line: pos?.line,
        column: pos?.column,
        message: `unknown provider '${id}' in providers (registered: ${known}; a plugin's provider needs its plugin under plugins:)`,
      });
      continue;
    }
    if (!provider.configSchema || !block || typeof block !== 'object' || Array.isArray(block)) continue;
    const validate = objectValidator(`provider-${id}`, provider.configSchema);
    if (!validate(block)) problems.push(...describeErrors(validate.errors ?? [], source, `/providers/${id}`));
  }
  return problems;
}

/** A copy of the providers' blocks in which every `"format": "path"` string is resolved from `dir`. */
export function resolveProviderPaths(
  blocks: Record<string, unknown>,
  providers: readonly Provider[],
  dir: string,
): Record<string, object | undefined> {
  const byId = new Map(providers.map((p) => [p.id, p]));
  return Object.fromEntries(
    Object.entries(blocks).map(([id, block]) => {
      const schema = byId.get(id)?.configSchema;
      return [id, schema ? (withPaths(block, schema, dir) as object) : (block as object)];
    }),
  );
}

function withPaths(value: unknown, schema: ConfigSchema, dir: string): unknown {
  if (typeof value === 'string') return schema.format === 'path' ? resolve(dir, value) : value;
  const properties = schema.properties as Record<string, ConfigSchema> | undefined;
  if (!properties || !value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [
      key,
      properties[key] ? withPaths(child, properties[key], dir) : child,
    ]),
  );
}

import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { objectValidator } from '../core/schema-validate.js';
import type { AnyCheck } from '../engine/check.js';
import type { Provider } from '../engine/collector.js';
import type { AnyPopulation } from '../engine/population.js';
import type { AccountSource } from '../../checks/hr/accounts.js';
import { providerOfKey } from '../engine/data-map.js';
import { errorMessage, InputError, type Problem } from '../engine/errors.js';
import { pluginShapeProblems, type Plugin } from './plugin.js';

/** A plugin and where it came from: built in, or a module listed under `plugins:` in the config. */
export interface LoadedPlugin {
  plugin: Plugin;
  origin: 'built-in' | PluginOrigin;
}

export interface PluginOrigin {
  /** As listed in the config: a folder, a module file or an npm package name. */
  entry: string;
  /** The module that was imported. */
  file: string;
}

/** Every registered provider, check and plugin controls folder, built in first, then plugins in order. */
export interface Registry {
  providers: Provider[];
  checks: AnyCheck[];
  populations: AnyPopulation[];
  accountSources: AccountSource[];
  /** Plugin catalogs, merged after the built-in one; their controls may not replace existing ones. */
  controlDirs: { plugin: string; dir: string }[];
}

/** Who registered something, for messages: `the built-in aws plugin` or `plugin ./acme`. */
function describe(loaded: LoadedPlugin): string {
  return loaded.origin === 'built-in'
    ? `the built-in ${loaded.plugin.id} plugin`
    : `plugin ${loaded.origin.entry} (${loaded.origin.file})`;
}

/**
 * Registers the plugins in order, built-in ones through the same path as any other. A wrong shape or
 * an id that is already taken is bad input (exit 2) naming the plugin, its file and the problem.
 */
export function buildRegistry(plugins: readonly LoadedPlugin[]): Registry {
  const problems: Problem[] = [];
  const registry: Registry = {
    providers: [],
    checks: [],
    populations: [],
    accountSources: [],
    controlDirs: [],
  };
  const owners = new Map<string, LoadedPlugin>();
  const claim = (
    what: 'plugin' | 'provider' | 'check' | 'population',
    id: string,
    loaded: LoadedPlugin,
  ): boolean => {
    const owner = owners.get(`${what} ${id}`);
    if (owner) {
      problems.push(problem(loaded, `${what} id '${id}' is already registered by ${describe(owner)}`));
      return false;
    }
    owners.set(`${what} ${id}`, loaded);
    return true;
  };

  const accepted: LoadedPlugin[] = [];
  for (const loaded of plugins) {
    const shape = pluginShapeProblems(loaded.plugin);
    if (shape.length > 0) {
      problems.push(...shape.map((message) => problem(loaded, message)));
      continue;
    }
    if (!claim('plugin', loaded.plugin.id, loaded)) continue;
    accepted.push(loaded);
    for (const provider of loaded.plugin.providers ?? []) {
      if (!claim('provider', provider.id, loaded)) continue;
      const schemaProblem = configSchemaProblem(provider);
      if (schemaProblem) problems.push(problem(loaded, schemaProblem));
      registry.providers.push(provider);
    }
    for (const check of loaded.plugin.checks ?? []) {
      if (claim('check', check.id, loaded)) registry.checks.push(check);
    }
    for (const population of loaded.plugin.populations ?? []) {
      if (claim('population', population.id, loaded)) registry.populations.push(population);
    }
    registry.accountSources.push(...(loaded.plugin.accounts ?? []));
    const dir = controlsDir(loaded);
    if (dir && !isFolder(dir)) problems.push(problem(loaded, `controls folder not found: ${dir}`));
    else if (dir) registry.controlDirs.push({ plugin: loaded.plugin.id, dir });
  }

  // Only now is every provider known: a check may belong to, or read data of, another plugin's provider.
  const providerIds = new Set(registry.providers.map((p) => p.id));
  for (const loaded of accepted) {
    for (const check of loaded.plugin.checks ?? []) {
      if (!providerIds.has(check.provider))
        problems.push(problem(loaded, `check '${check.id}': no provider '${check.provider}' is registered`));
      for (const key of check.requires as readonly string[]) {
        if (!providerIds.has(providerOfKey(key)))
          problems.push(
            problem(
              loaded,
              `check '${check.id}' requires '${key}', but no provider '${providerOfKey(key)}' is registered`,
            ),
          );
      }
    }
  }
  const resolvers = registry.providers.filter((p) => p.manualEvidence);
  if (resolvers.length > 1) {
    const owner = accepted.find((l) => l.plugin.providers?.includes(resolvers[1]!))!;
    problems.push(
      problem(
        owner,
        `provider '${resolvers[1]!.id}' resolves manual evidence, as '${resolvers[0]!.id}' already does; only one may`,
      ),
    );
  }
  if (problems.length > 0) throw new InputError(problems);
  return registry;
}

function problem(loaded: LoadedPlugin, message: string): Problem {
  return loaded.origin === 'built-in'
    ? { message: `built-in plugin ${loaded.plugin.id}: ${message}` }
    : { file: loaded.origin.file, message: `plugin ${loaded.origin.entry}: ${message}` };
}

function configSchemaProblem(provider: Provider): string | undefined {
  if (!provider.configSchema) return undefined;
  try {
    objectValidator(`provider-${provider.id}`, provider.configSchema);
    return undefined;
  } catch (error) {
    return `provider '${provider.id}': configSchema is not a valid JSON Schema: ${errorMessage(error)}`;
  }
}

function controlsDir(loaded: LoadedPlugin): string | undefined {
  const { controls } = loaded.plugin;
  if (controls === undefined) return undefined;
  if (controls instanceof URL) return fileURLToPath(controls);
  if (isAbsolute(controls) || loaded.origin === 'built-in') return controls;
  return resolve(dirname(loaded.origin.file), controls);
}

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

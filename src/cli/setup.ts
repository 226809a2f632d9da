import { dirname } from 'node:path';
import { loadCatalog, type Catalog } from '../core/catalog.js';
import { configFile, listedPlugins, loadConfig, type Config } from '../core/config.js';
import { loadDemo } from '../core/demo.js';
import type { Snapshot } from '../core/snapshot.js';
import { builtInPlugins } from '../registry/builtins.js';
import { loadPlugins } from '../registry/load.js';
import { buildRegistry, type Registry } from '../registry/registry.js';

export interface Setup {
  config: Config;
  registry: Registry;
}

/**
 * The config and everything registered for it: the built-in plugins, then the plugins the config
 * lists (their providers' blocks in the config are validated against their own schemas).
 */
export async function loadSetup(path: string | undefined, cwd = process.cwd()): Promise<Setup> {
  const file = configFile(path, cwd);
  const plugins = file ? await loadPlugins(listedPlugins(file), dirname(file)) : [];
  const registry = buildRegistry([...builtInPlugins, ...plugins]);
  return { config: loadConfig(path, cwd, registry.providers), registry };
}

/**
 * The built-in providers and checks only (bundled plugins included), for the config of soc2's own demo,
 * which is validated against these providers. With `configPath` (`--demo --config FILE`), that config
 * replaces the demo's (e.g. to try a `scope:` or exceptions); the demo's recorded cloud data is still
 * what is scanned.
 */
export async function demoSetup(configPath?: string): Promise<Setup & { snapshot: Snapshot | undefined }> {
  const registry = buildRegistry(builtInPlugins);
  const { config, snapshot } = loadDemo(registry.providers);
  if (configPath === undefined) return { config, registry, snapshot };
  return { ...(await loadSetup(configPath)), snapshot };
}

/** The built-in catalog, the plugins' controls, then the extra folders (config `catalog:`, --catalog). */
export function loadSetupCatalog(setup: Setup, extraDirs: readonly (string | undefined)[]): Catalog {
  return loadCatalog({
    extraDirs: extraDirs.filter((dir): dir is string => Boolean(dir)),
    pluginDirs: setup.registry.controlDirs,
    checks: setup.registry.checks,
  });
}

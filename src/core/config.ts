import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { providers as builtInProviders } from '../collectors/index.js';
import type { Provider } from '../engine/collector.js';
import { InputError } from '../engine/errors.js';
import { schemasDir } from './paths.js';
import { parsePeriod } from './period.js';
import { providerBlockProblems, resolveProviderPaths } from './provider-config.js';
import { validateSource } from './schema-validate.js';
import type { Config } from './config-types.js';
import { readYamlFile } from './yaml-source.js';

export const DEFAULT_CONFIG_FILE = 'soc2.config.yaml';

export type {
  Config,
  ExceptionRule,
  NamePatterns,
  ProviderConfigs,
  ProvidersConfig,
  ScopeConfig,
} from './config-types.js';

export const CONFIG_SCHEMA = join(schemasDir, 'config.schema.json');

export function defaultConfig(): Config {
  return { organization: 'Your Company', providers: {}, plugins: [], exceptions: [], checks: {} };
}

/** The config file to read: the given one, or ./soc2.config.yaml when present; none means defaults. */
export function configFile(path: string | undefined, cwd = process.cwd()): string | undefined {
  const file = resolve(cwd, path ?? DEFAULT_CONFIG_FILE);
  return path === undefined && !existsSync(file) ? undefined : file;
}

/**
 * The plugins a config file lists, with where each is listed, read before the config is validated (the
 * plugins bring the schemas of their providers' blocks). A malformed list is left to validation.
 */
export function listedPlugins(file: string): PluginListing[] {
  const source = readYamlFile(file);
  const plugins = (source.value as { plugins?: unknown } | null)?.plugins;
  if (!Array.isArray(plugins) || !plugins.every((p) => typeof p === 'string' && p.length > 0)) return [];
  return plugins.map((entry: string, index) => {
    const pos = source.locate(`/plugins/${index}`);
    return { entry, listedAt: { file, line: pos?.line, column: pos?.column } };
  });
}

export interface PluginListing {
  /** As written: a folder, a module file or an npm package name. */
  entry: string;
  listedAt: { file: string; line?: number; column?: number };
}

/**
 * Loads and validates the config, each `providers.<id>` block against its provider's schema. With no
 * explicit path, a missing ./soc2.config.yaml means defaults (providers then come only from
 * credentials in the environment). `providers`: every registered provider, built in or from a plugin.
 */
export function loadConfig(
  path: string | undefined,
  cwd = process.cwd(),
  providers: readonly Provider[] = builtInProviders,
): Config {
  const file = configFile(path, cwd);
  if (file === undefined) return defaultConfig();
  const source = readYamlFile(file);
  if (source.value === null || source.value === undefined) {
    return { ...defaultConfig(), file, source };
  }
  const problems = [...validateSource(source, CONFIG_SCHEMA), ...providerBlockProblems(source, providers)];
  if (problems.length > 0)
    throw new InputError(
      problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)),
    );
  const { period, ...raw } = source.value as Omit<Config, 'file' | 'source' | 'period'> & {
    period?: string;
  };
  const dir = dirname(file);
  const at = (p: string | undefined) => (p === undefined ? undefined : resolve(dir, p));
  return {
    ...defaultConfig(),
    ...raw,
    providers: resolveProviderPaths(raw.providers ?? {}, providers, dir),
    plugins: raw.plugins ?? [],
    policies: at(raw.policies),
    evidence: at(raw.evidence),
    risks: at(raw.risks),
    vendors: at(raw.vendors),
    catalog: at(raw.catalog),
    history: at(raw.history),
    output: raw.output ? { ...raw.output, dir: at(raw.output.dir) } : undefined,
    exceptions: raw.exceptions ?? [],
    checks: raw.checks ?? {},
    ...(period ? { period: configPeriod(period, file, source.locate('/period')?.line) } : {}),
    file,
    source,
  };
}

/** The config's `period:` as dates only; a reversed or impossible one is bad input at its line. */
function configPeriod(text: string, file: string, line: number | undefined): { from: string; to: string } {
  try {
    const { from, to } = parsePeriod(text);
    return { from, to };
  } catch (error) {
    if (error instanceof InputError)
      throw new InputError(
        error.problems.map((p) => ({ ...p, file, line, message: p.message.replace('--period', 'period') })),
      );
    throw error;
  }
}

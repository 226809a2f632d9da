import { allChecks } from '../../checks/index.js';
import { allPopulations } from '../../checks/populations.js';
import { builtInAccountSources } from '../../checks/hr/accounts.js';
import { bundledPlugins } from '../../plugins/index.js';
import { providers } from '../collectors/index.js';
import type { LoadedPlugin } from './registry.js';

/**
 * Each built-in provider with its checks, registered as a plugin like any other, then the plugins that
 * ship with soc2 (plugins/<id>/, written against the public SDK only).
 */
export const builtInPlugins: LoadedPlugin[] = [
  ...providers.map((provider): LoadedPlugin => ({
    plugin: {
      id: provider.id,
      providers: [provider],
      checks: allChecks.filter((check) => check.provider === provider.id),
      populations: allPopulations.filter((population) => population.provider === provider.id),
      accounts: builtInAccountSources.filter((source) => source.system.id === provider.id),
    },
    origin: 'built-in',
  })),
  ...bundledPlugins.map((plugin): LoadedPlugin => ({ plugin, origin: 'built-in' })),
];

import { allChecks } from '../../checks/index.js';
import { providers } from '../collectors/index.js';
import type { LoadedPlugin } from './registry.js';

/** Each built-in provider with its checks, registered as a plugin like any other. */
export const builtInPlugins: LoadedPlugin[] = providers.map((provider) => ({
  plugin: {
    id: provider.id,
    providers: [provider],
    checks: allChecks.filter((check) => check.provider === provider.id),
  },
  origin: 'built-in',
}));

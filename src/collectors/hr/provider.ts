import { defineProvider } from '../../engine/collector.js';
import { configSchema } from './settings.js';

/** The HR roster export (CSV or JSON): a local file, read again on every scan and replay. */
export default defineProvider({
  id: 'hr',
  title: 'HR roster',
  detect: (config) =>
    config.providers.hr?.roster
      ? { configured: true }
      : { configured: false, reason: 'no HR roster configured (set providers.hr.roster)' },
  load: () => import('./runtime.js').then((m) => m.runtime),
  concurrency: 1,
  local: true,
  configSchema,
});

import { defineProvider, type Config, type Detection } from '../../src/sdk/index.js';
import { configSchema } from './settings.js';

const HOW_TO =
  'set providers.okta.orgUrl in soc2.config.yaml and OKTA_API_TOKEN (a read-only admin API token), or ' +
  'providers.okta.clientId and privateKey (an OAuth service app); see docs/okta.md';

export function detectOkta(config: Config, env: NodeJS.ProcessEnv): Detection {
  const okta = config.providers.okta;
  if (!okta) return { configured: false, reason: `Okta is not configured: ${HOW_TO}` };
  if (env.OKTA_API_TOKEN || (okta.clientId && okta.privateKey)) return { configured: true };
  return {
    configured: false,
    requested: true,
    reason: `providers.okta is set but there are no Okta credentials: ${HOW_TO}`,
  };
}

export default defineProvider({
  id: 'okta',
  title: 'Okta',
  detect: detectOkta,
  load: () => import('./runtime.js').then((m) => m.runtime),
  concurrency: 4,
  local: false,
  configSchema,
});

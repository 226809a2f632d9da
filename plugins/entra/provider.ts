import { defineProvider, type Config, type Detection } from '../../src/sdk/index.js';
import { configSchema } from './settings.js';

const HOW_TO =
  'set providers.entra.tenantId and clientId (or AZURE_TENANT_ID, AZURE_CLIENT_ID) with ' +
  'providers.entra.certificate or AZURE_CLIENT_SECRET, or a ready token in MSGRAPH_ACCESS_TOKEN; see docs/entra.md';

/** Which credentials the provider will use; the same decision createSession makes. */
export function detectEntra(config: Config, env: NodeJS.ProcessEnv): Detection {
  const entra = config.providers.entra;
  if (env.MSGRAPH_ACCESS_TOKEN) return { configured: true };
  if (!entra) return { configured: false, reason: `Microsoft Entra ID is not configured: ${HOW_TO}` };
  const missing = [
    entra.tenantId || env.AZURE_TENANT_ID ? '' : 'tenantId',
    entra.clientId || env.AZURE_CLIENT_ID ? '' : 'clientId',
    entra.certificate || env.AZURE_CLIENT_SECRET ? '' : 'a certificate or AZURE_CLIENT_SECRET',
  ].filter(Boolean);
  if (missing.length === 0) return { configured: true };
  // A providers.entra block asks for Entra ID: without credentials the scan cannot be complete.
  return {
    configured: false,
    requested: true,
    reason: `providers.entra is set but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing: ${HOW_TO}`,
  };
}

export default defineProvider({
  id: 'entra',
  title: 'Microsoft Entra ID',
  detect: detectEntra,
  load: () => import('./runtime.js').then((m) => m.runtime),
  concurrency: 4,
  local: false,
  configSchema,
});

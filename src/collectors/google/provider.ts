import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../core/config.js';
import { defineProvider, type Detection } from '../../engine/collector.js';
import { configSchema } from './settings.js';
import { googleLocator } from './locate.js';

const HOW_TO =
  'set providers.google.credentials (a service account key with domain-wide delegation) and ' +
  'providers.google.subject (the admin it acts as), or GOOGLE_OAUTH_ACCESS_TOKEN, or Application Default ' +
  'Credentials (GOOGLE_APPLICATION_CREDENTIALS); see docs/google.md';

/** The file `gcloud auth application-default login` writes. */
export function wellKnownAdcFile(env: NodeJS.ProcessEnv): string | undefined {
  if (env.CLOUDSDK_CONFIG) return join(env.CLOUDSDK_CONFIG, 'application_default_credentials.json');
  if (process.platform === 'win32' && env.APPDATA)
    return join(env.APPDATA, 'gcloud', 'application_default_credentials.json');
  if (env.HOME) return join(env.HOME, '.config', 'gcloud', 'application_default_credentials.json');
  return undefined;
}

export function detectGoogle(config: Config, env: NodeJS.ProcessEnv): Detection {
  const google = config.providers.google;
  if (env.GOOGLE_OAUTH_ACCESS_TOKEN) return { configured: true };
  if (google?.credentials) {
    if (google.subject) return { configured: true };
    return {
      configured: false,
      requested: true,
      reason:
        'providers.google.credentials is set but providers.google.subject is not: domain-wide delegation ' +
        'needs the email of the admin the service account acts as',
    };
  }
  if (env.GOOGLE_APPLICATION_CREDENTIALS) return { configured: true };
  // gcloud's own ADC file is only used when the config asks for Google Workspace explicitly, so a
  // developer's personal gcloud login never turns the provider on by itself.
  const adc = wellKnownAdcFile(env);
  if (google && adc && existsSync(adc)) return { configured: true };
  // A providers.google block asks for Google Workspace: without credentials the scan cannot be complete.
  return google
    ? { configured: false, requested: true, reason: `no Google Workspace credentials: ${HOW_TO}` }
    : { configured: false, reason: `Google Workspace is not configured: ${HOW_TO}` };
}

export default defineProvider({
  id: 'google',
  title: 'Google Workspace',
  detect: detectGoogle,
  load: () => import('./runtime.js').then((m) => m.runtime),
  concurrency: 4,
  local: false,
  configSchema,
  locator: googleLocator,
});

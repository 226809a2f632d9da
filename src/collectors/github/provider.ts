import { defineProvider, type Detection } from '../../engine/collector.js';
import type { Config } from '../../core/config.js';
import { configSchema } from './settings.js';
import { githubLocator } from './locate.js';

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';

/** Where the REST API lives: config first, then GITHUB_API_URL (set by GitHub Actions), then github.com. */
export function githubApiUrl(config: Config, env: NodeJS.ProcessEnv): string {
  const url = config.providers.github?.baseUrl ?? env.GITHUB_API_URL ?? DEFAULT_GITHUB_API_URL;
  return url.replace(/\/+$/, '');
}

export function githubToken(env: NodeJS.ProcessEnv): string | undefined {
  return env.GITHUB_TOKEN || env.GH_TOKEN || undefined;
}

export function hasAppCredentials(config: Config): boolean {
  const gh = config.providers.github;
  return Boolean(gh?.appId && gh.privateKey && gh.installationId);
}

export function detectGithub(config: Config, env: NodeJS.ProcessEnv): Detection {
  const gh = config.providers.github;
  if (!gh?.org) {
    return {
      configured: false,
      reason: 'GitHub is not configured: set providers.github.org in soc2.config.yaml',
    };
  }
  if (githubToken(env) || hasAppCredentials(config)) return { configured: true };
  const partialApp = gh.appId || gh.privateKey || gh.installationId;
  // providers.github.org asks for GitHub: without credentials that is a scan that cannot be complete.
  return {
    configured: false,
    requested: true,
    reason: partialApp
      ? 'GitHub App credentials are incomplete: providers.github needs appId, privateKey and installationId'
      : 'no GitHub credentials: set GITHUB_TOKEN or GH_TOKEN, or providers.github.appId, privateKey and installationId',
  };
}

export default defineProvider({
  id: 'github',
  title: 'GitHub',
  detect: detectGithub,
  load: () => import('./runtime.js').then((m) => m.runtime),
  concurrency: 8,
  local: false,
  configSchema,
  locator: githubLocator,
});

import type { ConfigSchema } from '../../engine/collector.js';

/** `providers.github` in soc2.config.yaml. */
export interface GithubConfig {
  org?: string;
  baseUrl?: string;
  appId?: number | string;
  privateKey?: string;
  installationId?: number | string;
  concurrency?: number;
  /** Per-repository settings from GraphQL pages (default true); false reads them over REST. */
  graphql?: boolean;
}

declare module '../../core/config-types.js' {
  interface ProviderConfigs {
    github: GithubConfig;
  }
}

export const configSchema: ConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    org: { type: 'string', minLength: 1 },
    baseUrl: { type: 'string', pattern: '^https?://' },
    appId: { type: ['integer', 'string'] },
    privateKey: {
      type: 'string',
      format: 'path',
      minLength: 1,
      description: 'Path to the GitHub App private key (PEM).',
    },
    installationId: { type: ['integer', 'string'] },
    concurrency: { type: 'integer', minimum: 1, maximum: 64 },
    graphql: {
      type: 'boolean',
      description:
        'Read per-repository settings with paged GraphQL queries (default true); false uses REST only.',
    },
  },
};

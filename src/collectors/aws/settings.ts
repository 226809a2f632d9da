import type { ConfigSchema } from '../../engine/collector.js';

/** `providers.aws` in soc2.config.yaml. */
export interface AwsConfig {
  regions?: string[];
  profile?: string;
  organization?: boolean;
  assumeRole?: string;
  externalId?: string;
  accounts?: string[];
  configAggregator?: string;
  concurrency?: number;
}

declare module '../../core/config-types.js' {
  interface ProviderConfigs {
    aws: AwsConfig;
  }
}

export const configSchema: ConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    regions: {
      type: 'array',
      items: { type: 'string', pattern: '^[a-z]{2}(-[a-z]+)+-\\d$' },
      minItems: 1,
    },
    profile: { type: 'string', minLength: 1 },
    organization: { type: 'boolean' },
    assumeRole: { type: 'string', minLength: 1 },
    externalId: { type: 'string', minLength: 1 },
    accounts: { type: 'array', items: { type: 'string', pattern: '^\\d{12}$' } },
    configAggregator: { type: 'string', minLength: 1 },
    concurrency: { type: 'integer', minimum: 1, maximum: 64 },
  },
};

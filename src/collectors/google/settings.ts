import type { ConfigSchema } from '../../engine/collector.js';

/** `providers.google` in soc2.config.yaml. */
export interface GoogleConfig {
  customer?: string;
  domain?: string;
  domains?: string[];
  subject?: string;
  credentials?: string;
  rootUrl?: string;
  concurrency?: number;
  /**
   * Requests per minute for the scan's one calling principal (default 2,400, the Directory API's
   * default quota per user per project); requests are paced to it.
   */
  queriesPerMinute?: number;
  /** Tries per request (first included) and backoff base/cap for quota and server errors. */
  retry?: { attempts?: number; baseDelayMs?: number; maxDelayMs?: number };
}

declare module '../../core/config-types.js' {
  interface ProviderConfigs {
    google: GoogleConfig;
  }
}

export const configSchema: ConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    customer: { type: 'string', minLength: 1 },
    domain: { type: 'string', minLength: 1 },
    domains: { type: 'array', items: { type: 'string', minLength: 1 } },
    subject: { type: 'string', format: 'email' },
    credentials: {
      type: 'string',
      format: 'path',
      minLength: 1,
      description: 'Path to a service account key file.',
    },
    rootUrl: { type: 'string', pattern: '^https?://' },
    concurrency: { type: 'integer', minimum: 1, maximum: 64 },
    queriesPerMinute: {
      type: 'integer',
      minimum: 1,
      description:
        'Pace Directory, Reports and Cloud Identity requests to this many per minute (default 2400, the Directory API quota per user per project).',
    },
    retry: {
      type: 'object',
      additionalProperties: false,
      description:
        'Retries on 429, 5xx and 403 quota answers: tries per request and backoff in milliseconds.',
      properties: {
        attempts: { type: 'integer', minimum: 1, maximum: 10 },
        baseDelayMs: { type: 'integer', minimum: 0, maximum: 60000 },
        maxDelayMs: { type: 'integer', minimum: 0, maximum: 300000 },
      },
    },
  },
};

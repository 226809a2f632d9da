import type { ConfigSchema } from '../../src/sdk/index.js';

/** `providers.okta` in soc2.config.yaml. The API token comes from OKTA_API_TOKEN, never the file. */
export interface OktaConfig {
  /** https://<org>.okta.com (any URL for tests and proxies). */
  orgUrl: string;
  /** OAuth 2.0 service app: its client id and the PEM private key file of its private_key_jwt credential. */
  clientId?: string;
  privateKey?: string;
  /** The kid of the key registered with the service app, when it has several. */
  keyId?: string;
  concurrency?: number;
  /** Tries per request (first included) and the longest wait for a rate limit to reset. */
  retry?: { attempts?: number; maxWaitSeconds?: number };
}

declare module '../../src/sdk/index.js' {
  interface ProviderConfigs {
    okta: OktaConfig;
  }
}

export const configSchema: ConfigSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['orgUrl'],
  properties: {
    orgUrl: {
      type: 'string',
      pattern: '^https?://[^/?#]+/?$',
      description: 'The Okta org, e.g. https://acme.okta.com (no path).',
    },
    clientId: { type: 'string', minLength: 1, description: 'OAuth service app client id (private_key_jwt).' },
    privateKey: {
      type: 'string',
      format: 'path',
      minLength: 1,
      description: "Path to the service app's private key (PEM).",
    },
    keyId: { type: 'string', minLength: 1 },
    concurrency: { type: 'integer', minimum: 1, maximum: 32 },
    retry: {
      type: 'object',
      additionalProperties: false,
      description: 'Retries on 429 (waiting for X-Rate-Limit-Reset) and 5xx answers.',
      properties: {
        attempts: { type: 'integer', minimum: 1, maximum: 10 },
        maxWaitSeconds: { type: 'integer', minimum: 0, maximum: 600 },
      },
    },
  },
  dependencies: { privateKey: ['clientId'], clientId: ['privateKey'] },
};

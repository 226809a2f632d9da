import type { ConfigSchema } from '../../src/sdk/index.js';

/** `providers.entra` in soc2.config.yaml. The client secret is never in the file: AZURE_CLIENT_SECRET. */
export interface EntraConfig {
  tenantId?: string;
  clientId?: string;
  /** A PEM file holding the application's certificate and its private key. */
  certificate?: string;
  graphUrl?: string;
  authorityHost?: string;
  concurrency?: number;
  /** Tries per request (first included) and backoff base/cap for 429 and 5xx answers. */
  retry?: { attempts?: number; baseDelayMs?: number; maxDelayMs?: number };
}

declare module '../../src/sdk/index.js' {
  interface ProviderConfigs {
    entra: EntraConfig;
  }
}

export const DEFAULT_GRAPH_URL = 'https://graph.microsoft.com';
export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';

export const configSchema: ConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    tenantId: {
      type: 'string',
      minLength: 1,
      description: 'Directory (tenant) ID or a verified domain; AZURE_TENANT_ID otherwise.',
    },
    clientId: {
      type: 'string',
      minLength: 1,
      description: "The app registration's Application (client) ID; AZURE_CLIENT_ID otherwise.",
    },
    certificate: {
      type: 'string',
      format: 'path',
      minLength: 1,
      description: "PEM file with the app's certificate and private key (else AZURE_CLIENT_SECRET is used).",
    },
    graphUrl: { type: 'string', pattern: '^https?://', description: 'Microsoft Graph root URL.' },
    authorityHost: {
      type: 'string',
      pattern: '^https://',
      description: 'Microsoft identity platform host that issues the token.',
    },
    concurrency: { type: 'integer', minimum: 1, maximum: 16 },
    retry: {
      type: 'object',
      additionalProperties: false,
      description: 'Retries on 429 and 5xx answers (Retry-After is honoured): tries and backoff in ms.',
      properties: {
        attempts: { type: 'integer', minimum: 1, maximum: 10 },
        baseDelayMs: { type: 'integer', minimum: 0, maximum: 60000 },
        maxDelayMs: { type: 'integer', minimum: 0, maximum: 300000 },
      },
    },
  },
};

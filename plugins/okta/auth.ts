import { createPrivateKey, randomUUID, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { OktaConfig } from './settings.js';

/**
 * The Authorization header for the Management API: an API token (`SSWS <token>`), or an OAuth 2.0 access
 * token of a service app, obtained with the client credentials grant and a private_key_jwt client
 * assertion (https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/main/).
 */

/**
 * The read-only OAuth scope an API path needs. A token is asked for per scope, so a scope the service app
 * was not granted fails only the data that needs it (Okta refuses a token request naming any scope the
 * app lacks, with invalid_scope).
 */
export function scopeFor(path: string): string {
  if (/^\/api\/v1\/users\/[^/]+\/factors/.test(path)) return 'okta.factors.read';
  if (/^\/api\/v1\/users\/[^/]+\/roles/.test(path) || path.startsWith('/api/v1/iam/'))
    return 'okta.roles.read';
  if (path.startsWith('/api/v1/policies')) return 'okta.policies.read';
  if (path.startsWith('/api/v1/apps')) return 'okta.apps.read';
  return 'okta.users.read';
}

export type AuthMode = 'api-token' | 'oauth-service-app';

export interface Authorization {
  mode: AuthMode;
  /** The header for a request to `path` (an OAuth token carries the path's scope). */
  header(path: string, signal: AbortSignal): Promise<string>;
}

/** An OAuth token request that failed: status and Okta's `error` code as structured fields. */
export class OktaTokenError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly scope: string;

  constructor(scope: string, status: number, code: string | undefined, description: string | undefined) {
    super(
      `Okta token request for ${scope} (client credentials, private_key_jwt): ${status}${code ? ` ${code}` : ''}${description ? `: ${description}` : ''}`,
    );
    this.scope = scope;
    this.name = 'OktaTokenError';
    this.status = status;
    this.code = code;
  }
}

function readPrivateKey(file: string): KeyObject {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new Error(`providers.okta.privateKey: cannot read ${file} (${code})`, { cause: error });
  }
  try {
    return createPrivateKey(text);
  } catch {
    // The parse error is dropped on purpose: it may quote the key.
    throw new Error(`providers.okta.privateKey: ${file} is not a PEM private key`);
  }
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** A client assertion JWT signed RS256 (or ES256 for an EC key), valid for five minutes. */
export function clientAssertion(clientId: string, audience: string, key: KeyObject, keyId?: string): string {
  const ec = key.asymmetricKeyType === 'ec';
  const header = { alg: ec ? 'ES256' : 'RS256', typ: 'JWT', ...(keyId ? { kid: keyId } : {}) };
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: clientId, sub: clientId, aud: audience, iat: now, exp: now + 300, jti: randomUUID() };
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = sign('sha256', Buffer.from(input), ec ? { key, dsaEncoding: 'ieee-p1363' } : key);
  return `${input}.${base64url(signature)}`;
}

export function createAuthorization(
  config: OktaConfig,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Authorization {
  const token = env.OKTA_API_TOKEN;
  if (token) return { mode: 'api-token', header: () => Promise.resolve(`SSWS ${token}`) };
  const { clientId, privateKey } = config;
  if (!clientId || !privateKey)
    throw new Error('Okta needs OKTA_API_TOKEN or providers.okta.clientId and privateKey');
  const key = readPrivateKey(privateKey);
  const tokenUrl = new URL('/oauth2/v1/token', config.orgUrl).href;
  const tokens = new Map<string, { value: string; expiresAt: number }>();
  const pending = new Map<string, Promise<string>>();

  const fetchToken = async (scope: string, signal: AbortSignal): Promise<string> => {
    const response = await fetch(tokenUrl, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        scope,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: clientAssertion(clientId, tokenUrl, key, config.keyId),
      }),
      signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
    });
    const body = (await response.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: number;
      error?: string;
      error_description?: string;
    };
    if (!response.ok || !body.access_token) {
      throw new OktaTokenError(scope, response.status, body.error, body.error_description);
    }
    tokens.set(scope, {
      value: body.access_token,
      expiresAt: Date.now() + ((body.expires_in ?? 3600) - 60) * 1000,
    });
    return body.access_token;
  };

  return {
    mode: 'oauth-service-app',
    async header(path, signal) {
      const scope = scopeFor(path);
      const cached = tokens.get(scope);
      if (cached && cached.expiresAt > Date.now()) return `Bearer ${cached.value}`;
      let request = pending.get(scope);
      if (!request) {
        // A refusal (4xx: invalid_scope, invalid_client) holds for the whole scan and is not asked again.
        request = fetchToken(scope, signal).catch((error: unknown) => {
          if (!(error instanceof OktaTokenError && error.status >= 400 && error.status < 500))
            pending.delete(scope);
          throw error;
        });
        void request.then(
          () => pending.delete(scope),
          () => undefined,
        );
        pending.set(scope, request);
      }
      return `Bearer ${await request}`;
    },
  };
}

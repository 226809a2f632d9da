import { createPrivateKey, randomUUID, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { OktaConfig } from './settings.js';

/**
 * The Authorization header for the Management API: an API token (`SSWS <token>`), or an OAuth 2.0 access
 * token of a service app, obtained with the client credentials grant and a private_key_jwt client
 * assertion (https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/main/).
 */

/** The read-only scopes the collectors need; the service app must be granted each of them. */
export const OAUTH_SCOPES = [
  'okta.users.read',
  'okta.factors.read',
  'okta.roles.read',
  'okta.policies.read',
  'okta.apps.read',
];

export type AuthMode = 'api-token' | 'oauth-service-app';

export interface Authorization {
  mode: AuthMode;
  header(signal: AbortSignal): Promise<string>;
}

/** An OAuth token request that failed: status and Okta's `error` code as structured fields. */
export class OktaTokenError extends Error {
  readonly status: number;
  readonly code: string | undefined;

  constructor(status: number, code: string | undefined, description: string | undefined) {
    super(
      `Okta token request (client credentials, private_key_jwt): ${status}${code ? ` ${code}` : ''}${description ? `: ${description}` : ''}`,
    );
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
  if (token) return { mode: 'api-token', header: async () => `SSWS ${token}` };
  const { clientId, privateKey } = config;
  if (!clientId || !privateKey)
    throw new Error('Okta needs OKTA_API_TOKEN or providers.okta.clientId and privateKey');
  const key = readPrivateKey(privateKey);
  const tokenUrl = new URL('/oauth2/v1/token', config.orgUrl).href;
  let cached: { value: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;

  const fetchToken = async (signal: AbortSignal): Promise<string> => {
    const response = await fetch(tokenUrl, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        scope: OAUTH_SCOPES.join(' '),
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
      throw new OktaTokenError(response.status, body.error, body.error_description);
    }
    cached = { value: body.access_token, expiresAt: Date.now() + ((body.expires_in ?? 3600) - 60) * 1000 };
    return body.access_token;
  };

  return {
    mode: 'oauth-service-app',
    async header(signal) {
      if (cached && cached.expiresAt > Date.now()) return `Bearer ${cached.value}`;
      pending ??= fetchToken(signal).finally(() => (pending = undefined));
      return `Bearer ${await pending}`;
    },
  };
}

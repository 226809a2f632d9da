import {
  AzureAuthorityHosts,
  ClientCertificateCredential,
  ClientSecretCredential,
  type TokenCredential,
} from '@azure/identity';
import { requestTimeoutMs, type Config, type RetryPolicy } from '../../src/sdk/index.js';
import { graphClient, type GraphClient } from './graph.js';
import { DEFAULT_AUTHORITY_HOST, DEFAULT_GRAPH_URL } from './settings.js';

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 1000, maxDelayMs: 32_000 };

export interface EntraSession {
  graph: GraphClient;
  /** How the session authenticates, for messages: never the secret itself. */
  authMode: 'access-token' | 'certificate' | 'client-secret';
}

const KNOWN_AUTHORITIES = new Set<string>(
  Object.values(AzureAuthorityHosts).map((host) => new URL(host).origin),
);

interface AuthenticationFailure {
  statusCode?: number;
  errorResponse?: { error?: string; errorDescription?: string };
}

/** The first line of the identity platform's answer (`AADSTS7000215: Invalid client secret provided.`). */
function tokenError(error: unknown, clientId: string): Error {
  const { statusCode, errorResponse } = (error ?? {}) as AuthenticationFailure;
  const description = errorResponse?.errorDescription?.split(/\r?\n/)[0]?.trim();
  const what = description ?? (error instanceof Error ? error.message.split('\n')[0] : String(error));
  return Object.assign(new Error(`Microsoft Entra ID did not issue a token to client ${clientId}: ${what}`), {
    ...(statusCode ? { status: statusCode } : {}),
    ...(errorResponse?.error ? { code: errorResponse.error } : {}),
  });
}

function credentialFor(
  config: Config,
  env: NodeJS.ProcessEnv,
): { credential: TokenCredential; clientId: string; mode: EntraSession['authMode'] } {
  const entra = config.providers.entra ?? {};
  const tenantId = entra.tenantId ?? env.AZURE_TENANT_ID ?? '';
  const clientId = entra.clientId ?? env.AZURE_CLIENT_ID ?? '';
  const authorityHost = entra.authorityHost ?? DEFAULT_AUTHORITY_HOST;
  const options = {
    authorityHost,
    // Instance discovery asks login.microsoftonline.com about the host: only for Microsoft's clouds.
    disableInstanceDiscovery: !KNOWN_AUTHORITIES.has(new URL(authorityHost).origin),
  };
  if (entra.certificate)
    return {
      credential: new ClientCertificateCredential(
        tenantId,
        clientId,
        { certificatePath: entra.certificate },
        options,
      ),
      clientId,
      mode: 'certificate',
    };
  return {
    credential: new ClientSecretCredential(tenantId, clientId, env.AZURE_CLIENT_SECRET ?? '', options),
    clientId,
    mode: 'client-secret',
  };
}

export function createEntraSession(
  config: Config,
  env: NodeJS.ProcessEnv,
  signal: AbortSignal,
  retry: RetryPolicy = DEFAULT_RETRY,
): EntraSession {
  const graphUrl = config.providers.entra?.graphUrl ?? DEFAULT_GRAPH_URL;
  const ready = env.MSGRAPH_ACCESS_TOKEN;
  let token: () => Promise<string>;
  let authMode: EntraSession['authMode'];
  if (ready) {
    token = async () => ready;
    authMode = 'access-token';
  } else {
    const { credential, clientId, mode } = credentialFor(config, env);
    const scope = `${new URL(graphUrl).origin}/.default`;
    authMode = mode;
    // The credential caches the token and renews it before it expires; collectors starting together
    // share one request for it.
    let pending: Promise<string> | undefined;
    const request = async () => {
      try {
        const access = await credential.getToken(scope, { abortSignal: signal });
        if (!access) throw new Error('no token returned');
        return access.token;
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        throw tokenError(error, clientId);
      }
    };
    token = () => (pending ??= request().finally(() => (pending = undefined)));
  }
  return {
    graph: graphClient({ graphUrl, token, retry, timeoutMs: requestTimeoutMs(env), signal }),
    authMode,
  };
}

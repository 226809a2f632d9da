import { recordRequest } from '../../engine/calls.js';
import { readFileSync } from 'node:fs';
import { admin_directory_v1, admin_reports_v1, auth } from '@googleapis/admin';
import type { Config } from '../../core/config.js';
import { InputError } from '../../engine/errors.js';
import { describeCause } from '../../engine/scope.js';
import type { FailureCause } from '../../engine/types.js';
import type { GoogleConfig } from './settings.js';
import { backoffDelay, sleep, type RetryPolicy } from '../../core/backoff.js';
import { isTimeout, TimeoutBreaker } from '../../core/breaker.js';
import { requestTimeoutMs } from '../../core/request-timeout.js';
import { pacer } from '../../core/pacer.js';
import { classify, errorFacts, GoogleApiError, GoogleDeniedError, missingIn } from './google-errors.js';
import { CLOUD_IDENTITY_SCOPES, SCOPES, type Scope } from './scopes.js';

type AuthClient = InstanceType<typeof auth.OAuth2> | InstanceType<typeof auth.GoogleAuth>;

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 1000, maxDelayMs: 32_000 };

export interface GoogleSession {
  customer: string;
  config: GoogleConfig;
  /** How the session authenticates, for messages: never the secret itself. */
  authMode: 'access-token' | 'service-account' | 'adc';
  directory(scope: Scope): admin_directory_v1.Admin;
  reports(scope: Scope): admin_reports_v1.Admin;
  /**
   * A Cloud Identity API v1 GET (`v1/<path>`), which @googleapis/admin does not cover: the same auth
   * client, rootUrl override, timeout and error bodies as the Admin SDK calls.
   */
  cloudIdentity<T>(
    scope: Scope,
    path: string,
    params: Record<string, string | number | undefined>,
    signal: AbortSignal,
  ): Promise<{ data: T }>;
  /**
   * One API request with retries on quota and server errors. Throws GoogleDeniedError (a SkipError) when
   * Google refuses, GoogleApiError otherwise; both carry the cause.
   */
  call<T>(what: string, scope: Scope, request: (signal: AbortSignal) => Promise<{ data: T }>): Promise<T>;
  /** What a refusal's answer says to do about it (grant a scope, enable the API, an admin role), if it says. */
  advice(scope: Scope, cause: FailureCause): string | undefined;
  stats: { requests: number; retries: number; throttled: number };
}

interface ServiceAccountKey {
  type?: string;
  client_email?: string;
  client_id?: string;
}

function readKeyFile(file: string): ServiceAccountKey & Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new Error(`providers.google.credentials: cannot read ${file} (${code})`, { cause: error });
  }
  try {
    const key = JSON.parse(text) as ServiceAccountKey & Record<string, unknown>;
    if (!key || typeof key !== 'object') throw new Error('not an object');
    return key;
  } catch {
    // The parse error is dropped on purpose: JSON.parse quotes the file's text, which holds the private key.
    throw new Error(`providers.google.credentials: ${file} is not a JSON key file`);
  }
}

/**
 * "Queries per minute per user per Google Cloud project: 2,400" (Directory API limits,
 * https://developers.google.com/admin-sdk/directory/v1/limits). No separate number is published for
 * the Reports API, whose quota errors name the same per-user metric, so one pace covers both.
 */
export const DEFAULT_QUERIES_PER_MINUTE = 2400;

/** A minute, in milliseconds; tests and benchmarks shrink it with SOC2_GOOGLE_MINUTE_MS. */
function minuteMs(env: NodeJS.ProcessEnv): number {
  const raw = env.SOC2_GOOGLE_MINUTE_MS;
  if (raw === undefined || raw === '') return 60_000;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new InputError(`SOC2_GOOGLE_MINUTE_MS must be a positive number of milliseconds, got '${raw}'`);
  return value;
}

export function createGoogleSession(
  config: Config,
  env: NodeJS.ProcessEnv,
  signal: AbortSignal,
  retry: RetryPolicy = DEFAULT_RETRY,
): GoogleSession {
  const google = config.providers.google ?? {};
  const customer = google.customer ?? 'my_customer';
  const token = env.GOOGLE_OAUTH_ACCESS_TOKEN;
  const key = !token && google.credentials ? readKeyFile(google.credentials) : undefined;
  const authMode: GoogleSession['authMode'] = token ? 'access-token' : key ? 'service-account' : 'adc';
  const stats = { requests: 0, retries: 0, throttled: 0 };
  const timeout = requestTimeoutMs(env);
  const pace = pacer(google.queriesPerMinute ?? DEFAULT_QUERIES_PER_MINUTE, minuteMs(env));

  // One auth client per scope: with domain-wide delegation the token request names its scopes, and a
  // scope the admin did not grant then fails only the data that needs it, not every request.
  const authByScope = new Map<Scope, AuthClient>();
  const authFor = (scope: Scope): AuthClient => {
    let client = authByScope.get(scope);
    if (!client) {
      if (token) {
        const oauth = new auth.OAuth2();
        oauth.setCredentials({ access_token: token });
        client = oauth;
      } else {
        const subject = google.subject;
        client = new auth.GoogleAuth({
          scopes: [scope],
          ...(key ? { credentials: key } : {}),
          ...(subject ? { clientOptions: { subject } } : {}),
        });
      }
      authByScope.set(scope, client);
    }
    return client;
  };

  const apiOptions = (scope: Scope) => ({
    auth: authFor(scope),
    // Retries are ours (call below): the client's own retry ignores 403 quota answers.
    retry: false,
    timeout,
    ...(google.rootUrl ? { rootUrl: google.rootUrl } : {}),
  });
  // Only refusals that hold for every request needing the scope (it was not granted, the API is off).
  const refusedScopes = new Map<Scope, GoogleDeniedError>();
  const breaker = new TimeoutBreaker(`Google's API${google.rootUrl ? ` at ${google.rootUrl}` : ''}`, timeout);
  const directories = new Map<Scope, admin_directory_v1.Admin>();
  const reportsClients = new Map<Scope, admin_reports_v1.Admin>();

  const who = google.subject ?? (authMode === 'access-token' ? "the access token's account" : 'the account');
  const advice = (scope: Scope, cause: FailureCause): string | undefined => {
    switch (missingIn(cause)) {
      case 'scope': {
        const to =
          authMode === 'service-account'
            ? ` to the service account's client ID${key?.client_id ? ` ${key.client_id}` : ''} in domain-wide delegation` +
              (google.subject ? ` (acting as ${google.subject})` : '')
            : authMode === 'access-token'
              ? ' to the GOOGLE_OAUTH_ACCESS_TOKEN'
              : ' to the Application Default Credentials';
        return `grant the read-only scope ${scope}${to}`;
      }
      case 'api':
        return `enable the ${CLOUD_IDENTITY_SCOPES.has(scope) ? 'Cloud Identity' : 'Admin SDK'} API in the credentials' Google Cloud project (APIs & Services > Library)`;
      case 'role':
        return `the scope is not what is missing: ${who} is not allowed to read this data and needs an admin role with the privilege to read it`;
      default:
        // The Policy API refuses every caller but super admins with a bare PERMISSION_DENIED.
        return scope === SCOPES.policies && cause.status === 403
          ? `the Cloud Identity Policy API answers super admins only: ${who} must be one`
          : undefined;
    }
  };

  return {
    customer,
    config: google,
    authMode,
    stats,
    directory(scope) {
      let client = directories.get(scope);
      if (!client) directories.set(scope, (client = new admin_directory_v1.Admin(apiOptions(scope))));
      return client;
    },
    reports(scope) {
      let client = reportsClients.get(scope);
      if (!client) reportsClients.set(scope, (client = new admin_reports_v1.Admin(apiOptions(scope))));
      return client;
    },
    cloudIdentity(scope, path, params, signal) {
      const url = new URL(`v1/${path}`, google.rootUrl ?? 'https://cloudidentity.googleapis.com/');
      for (const [name, value] of Object.entries(params))
        if (value !== undefined) url.searchParams.set(name, String(value));
      return authFor(scope).request({ url: url.toString(), signal, timeout, retry: false });
    },
    advice,
    async call(what, scope, request) {
      for (let attempt = 0; ; attempt++) {
        signal.throwIfAborted();
        // Once a scope is refused for good, the other calls that need it are answered without asking again.
        const refusal = refusedScopes.get(scope);
        if (refusal) throw refusal;
        try {
          breaker.check();
        } catch (error) {
          throw new Error(`${what} not sent: ${(error as Error).message}`, { cause: error });
        }
        await pace(signal);
        stats.requests++;
        try {
          const { data } = await request(signal).catch((error: unknown) => {
            recordRequest(what, { customer }, 'failed');
            if (isTimeout(error) || isTimeout(errorFacts(error))) breaker.timedOut();
            else if (errorFacts(error).status) breaker.answered();
            throw error;
          });
          recordRequest(what, { customer }, 'page');
          breaker.answered();
          // An HTML page or broken JSON (a proxy, a wrong rootUrl) must not read as an empty list.
          if (data === null || typeof data !== 'object')
            throw new Error("the answer was not Google's JSON (is providers.google.rootUrl right?)");
          return data;
        } catch (error) {
          if (signal.aborted) throw signal.reason;
          const { cause, retry: retryable, retryAfterMs, denied } = classify(errorFacts(error));
          if (retryable && attempt + 1 < retry.attempts) {
            stats.retries++;
            if (cause.kind === 'throttled') stats.throttled++;
            const delay = Math.max(
              backoffDelay(retry, attempt),
              Math.min(retryAfterMs ?? 0, retry.maxDelayMs),
            );
            await sleep(delay, signal);
            continue;
          }
          if (denied) {
            const todo = advice(scope, cause);
            const refusal = new GoogleDeniedError(
              `${what} was denied (${describeCause(cause)})${todo ? `: ${todo}` : ''}`,
              cause,
            );
            const missing = missingIn(cause);
            if (missing === 'scope' || missing === 'api') refusedScopes.set(scope, refusal);
            throw refusal;
          }
          const tries = attempt + 1;
          const said =
            cause.status === 401
              ? `Google rejected the credentials (${describeCause(cause)}); check that the ${
                  authMode === 'access-token' ? 'access token has not expired' : 'credentials are valid'
                }`
              : describeCause(cause);
          // The gaxios error is not kept: it carries the request headers, bearer token included.
          throw new GoogleApiError(
            `${what} failed${tries > 1 ? ` after ${tries} attempts` : ''}: ${said}`,
            cause,
          );
        }
      }
    },
  };
}

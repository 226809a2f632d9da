import { backoffDelay, recordRequest, sleep, urlParams, type RetryPolicy } from '../../src/sdk/index.js';

/**
 * A Microsoft Graph error answer, `{ "error": { "code", "message", "innerError": { "request-id" } } }`
 * (https://learn.microsoft.com/graph/errors). `status` and `code` are what soc2 classifies.
 */
export class GraphError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly requestId: string | undefined;
  /** Graph's own message, without the request it answered. */
  readonly graphMessage: string;

  constructor(what: string, status: number, code: string | undefined, message: string, requestId?: string) {
    super(`${what}: ${status}${code ? ` ${code}` : ''}: ${message}`);
    this.name = 'GraphError';
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.graphMessage = message;
  }
}

export interface GraphStats {
  requests: number;
  retries: number;
  throttled: number;
  pages: number;
}

export interface GraphClient {
  /** One resource (`/policies/identitySecurityDefaultsEnforcementPolicy`). */
  get<T>(what: string, path: string): Promise<T>;
  /** Every page of a collection, following `@odata.nextLink`. */
  list<T>(what: string, path: string): Promise<T[]>;
  stats: GraphStats;
}

interface GraphOptions {
  graphUrl: string;
  token: () => Promise<string>;
  retry: RetryPolicy;
  timeoutMs: number;
  signal: AbortSignal;
  /** The longest Retry-After honoured; a longer one is cut to this. */
  maxRetryAfterMs?: number;
}

/** Throttling (429) and the transient server answers Graph documents as retryable. */
const RETRYABLE = new Set([429, 500, 502, 503, 504]);

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

async function errorOf(what: string, response: Response): Promise<GraphError> {
  let body: { error?: { code?: string; message?: string; innerError?: { 'request-id'?: string } } } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // Not Graph's JSON error (a proxy's page): the status alone is the cause.
  }
  const error = body?.error ?? {};
  return new GraphError(
    what,
    response.status,
    error.code,
    error.message ?? response.statusText ?? 'no message',
    error.innerError?.['request-id'] ?? response.headers.get('request-id') ?? undefined,
  );
}

/**
 * Graph over fetch: bearer token, retries with Retry-After on throttling and server errors, a timeout per
 * request, and paging. A nextLink to another origin is refused so the token never leaves Graph.
 */
export function graphClient(options: GraphOptions): GraphClient {
  const root = new URL(options.graphUrl);
  const base = `${root.origin}${root.pathname.replace(/\/$/, '')}/v1.0`;
  const maxRetryAfter = options.maxRetryAfterMs ?? 120_000;
  const stats: GraphStats = { requests: 0, retries: 0, throttled: 0, pages: 0 };

  async function fetchJson<T>(what: string, url: string): Promise<T> {
    const { retry, signal } = options;
    for (let attempt = 0; ; attempt++) {
      signal.throwIfAborted();
      const token = await options.token();
      stats.requests++;
      let response: Response;
      try {
        response = await fetch(url, {
          // No request uses $count or $search, so none needs ConsistencyLevel: eventual.
          headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
          signal: AbortSignal.any([signal, AbortSignal.timeout(options.timeoutMs)]),
        });
        recordRequest(what, urlParams(url), response.ok ? 'page' : 'failed');
      } catch (error) {
        recordRequest(what, urlParams(url), 'failed');
        if (signal.aborted) throw signal.reason;
        if (attempt + 1 < retry.attempts) {
          stats.retries++;
          await sleep(backoffDelay(retry, attempt), signal);
          continue;
        }
        const cause = error as { name?: string; cause?: { code?: string } };
        throw Object.assign(
          new Error(`${what}: no answer from Microsoft Graph at ${root.origin}`, { cause }),
          {
            code: cause.name === 'TimeoutError' ? 'ETIMEDOUT' : (cause.cause?.code ?? cause.name),
          },
        );
      }
      if (response.ok) {
        try {
          return (await response.json()) as T;
        } catch {
          throw new Error(
            `${what}: the answer was not Microsoft Graph's JSON (is providers.entra.graphUrl right?)`,
          );
        }
      }
      if (RETRYABLE.has(response.status) && attempt + 1 < retry.attempts) {
        stats.retries++;
        if (response.status === 429) stats.throttled++;
        const wait = retryAfterMs(response.headers.get('retry-after'));
        await response.body?.cancel();
        await sleep(
          wait !== undefined ? Math.min(wait, maxRetryAfter) : backoffDelay(retry, attempt),
          signal,
        );
        continue;
      }
      throw await errorOf(what, response);
    }
  }

  return {
    stats,
    get: (what, path) => fetchJson(what, `${base}${path}`),
    async list<T>(what: string, path: string) {
      const items: T[] = [];
      let url: string | undefined = `${base}${path}`;
      while (url) {
        const page: { value?: T[]; '@odata.nextLink'?: string } = await fetchJson(what, url);
        stats.pages++;
        if (!Array.isArray(page.value))
          throw new Error(`${what}: Microsoft Graph's answer has no value list`);
        items.push(...page.value);
        url = page['@odata.nextLink'];
        if (url && new URL(url).origin !== root.origin)
          throw new Error(`${what}: refused to follow @odata.nextLink to ${new URL(url).origin}`);
      }
      return items;
    },
  };
}

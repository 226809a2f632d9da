import { recordRequest, sleep, urlParams } from '../../src/sdk/index.js';

/**
 * A read-only client for the Okta Management API over fetch: `Link: rel="next"` paging, the documented
 * rate-limit headers and Okta's error body.
 *
 * Rate limits (https://developer.okta.com/docs/reference/rl-best-practices/): every answer carries
 * X-Rate-Limit-Limit, -Remaining and -Reset (UTC epoch seconds) for the endpoint's bucket. A 429 (error
 * E0000047) is waited out until the reset, measured against the answer's Date header so a skewed local
 * clock does not matter; an answer with Remaining 0 makes the next call to that bucket wait too, so a
 * bucket is never hammered. Errors (https://developer.okta.com/docs/reference/error-codes/) are
 * `{ errorCode, errorSummary, errorLink, errorId, errorCauses }`.
 */

export interface RetrySettings {
  /** Tries per request, the first included. */
  attempts: number;
  /** The longest wait for a rate limit to reset; a later reset fails the request as throttled. */
  maxWaitSeconds: number;
}

export const DEFAULT_RETRY: RetrySettings = { attempts: 4, maxWaitSeconds: 120 };

/** An error answer from Okta: the HTTP status and Okta's errorCode (E0000006...) as structured fields. */
export class OktaApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly errorId: string | undefined;

  constructor(what: string, status: number, body: OktaErrorBody | undefined) {
    const summary = body?.errorSummary ?? `HTTP ${status}`;
    super(`${what}: ${status}${body?.errorCode ? ` ${body.errorCode}` : ''} ${summary}`);
    this.name = 'OktaApiError';
    this.status = status;
    this.code = body?.errorCode;
    this.errorId = body?.errorId;
  }
}

/** No answer: a timeout (code TimeoutError) or a network failure (ECONNREFUSED, ENOTFOUND...). */
export class OktaNetworkError extends Error {
  readonly code: string;

  constructor(what: string, error: unknown, timeoutMs: number) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
    const code = timedOut ? 'TimeoutError' : typeof cause?.code === 'string' ? cause.code : 'network';
    super(
      `${what}: ${timedOut ? `no answer from Okta within ${timeoutMs} ms` : `cannot reach Okta (${code})`}`,
    );
    this.name = 'OktaNetworkError';
    this.code = code;
  }
}

interface OktaErrorBody {
  errorCode?: string;
  errorSummary?: string;
  errorLink?: string;
  errorId?: string;
  errorCauses?: { errorSummary?: string }[];
}

export interface ClientStats {
  requests: number;
  retries: number;
  /** Waits for a rate-limit bucket to reset: after a 429, or after an answer with none remaining. */
  rateLimitWaits: number;
}

export interface OktaClient {
  /** One GET; `what` names the data in errors. */
  get<T>(what: string, path: string, query?: Record<string, string>): Promise<T>;
  /** Every page of a list, following `Link: <...>; rel="next"`. */
  list<T>(what: string, path: string, query?: Record<string, string>): Promise<T[]>;
  stats: ClientStats;
}

export interface ClientOptions {
  orgUrl: string;
  /** The Authorization header value for a path: `SSWS <token>` or `Bearer <access token>`. */
  authorization: (path: string, signal: AbortSignal) => Promise<string>;
  retry: RetrySettings;
  timeoutMs: number;
  signal: AbortSignal;
}

/** The bucket a path belongs to for rate limiting: ids replaced, as Okta's per-endpoint limits are. */
function bucketOf(path: string): string {
  return path.replace(/\/(00[a-zA-Z0-9]{15,}|[a-zA-Z0-9]{20})(?=\/|$)/g, '/{id}');
}

/** The URL of the `rel="next"` link, if any. Several Link headers arrive joined by commas. */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /<([^>]+)>((?:\s*;\s*[^;]+)*)/.exec(part.trim());
    if (match && /;\s*rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?/i.test(match[2]!)) return match[1];
  }
  return undefined;
}

async function errorBody(response: Response): Promise<OktaErrorBody | undefined> {
  try {
    const body = (await response.json()) as unknown;
    return body && typeof body === 'object' ? (body as OktaErrorBody) : undefined;
  } catch {
    return undefined;
  }
}

/** Milliseconds until the bucket resets, by the server's clock; undefined without the headers. */
function resetDelayMs(response: Response): number | undefined {
  const reset = Number(response.headers.get('x-rate-limit-reset'));
  if (!Number.isFinite(reset) || reset <= 0) return undefined;
  const date = Date.parse(response.headers.get('date') ?? '');
  const serverNow = Number.isNaN(date) ? Date.now() : date;
  // Date has whole seconds: waiting the full difference is never early; at least a second if it is already due.
  return Math.max(reset * 1000 - serverNow, 1000);
}

export function createOktaClient(options: ClientOptions): OktaClient {
  const origin = new URL(options.orgUrl).origin;
  const stats: ClientStats = { requests: 0, retries: 0, rateLimitWaits: 0 };
  /** Per bucket: when (local clock) it may be called again. */
  const resumeAt = new Map<string, number>();

  const waitForBucket = async (bucket: string) => {
    for (;;) {
      const until = resumeAt.get(bucket) ?? 0;
      if (until <= Date.now()) return;
      await sleep(until - Date.now(), options.signal);
    }
  };

  async function request(what: string, url: URL): Promise<Response> {
    const bucket = bucketOf(url.pathname);
    for (let attempt = 1; ; attempt++) {
      options.signal.throwIfAborted();
      await waitForBucket(bucket);
      const authorization = await options.authorization(url.pathname, options.signal);
      stats.requests++;
      let response: Response;
      try {
        response = await fetch(url, {
          headers: { accept: 'application/json', authorization },
          signal: AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]),
        });
        recordRequest(what, urlParams(url), response.ok ? 'page' : 'failed');
      } catch (error) {
        recordRequest(what, urlParams(url), 'failed');
        options.signal.throwIfAborted();
        const failure = new OktaNetworkError(what, error, options.timeoutMs);
        if (attempt >= options.retry.attempts) throw failure;
        stats.retries++;
        await sleep(500 * 2 ** (attempt - 1), options.signal);
        continue;
      }
      const delay = resetDelayMs(response);
      if (response.ok) {
        if (delay !== undefined && response.headers.get('x-rate-limit-remaining') === '0') {
          resumeAt.set(bucket, Date.now() + delay);
          stats.rateLimitWaits++;
        }
        return response;
      }
      const throttled = response.status === 429;
      const retryable =
        throttled || response.status === 502 || response.status === 503 || response.status === 504;
      if (!retryable || attempt >= options.retry.attempts) {
        throw new OktaApiError(what, response.status, await errorBody(response));
      }
      const wait = throttled ? (delay ?? 1000 * 2 ** attempt) : 500 * 2 ** (attempt - 1);
      if (wait > options.retry.maxWaitSeconds * 1000) {
        throw new OktaApiError(what, response.status, await errorBody(response));
      }
      await response.body?.cancel();
      stats.retries++;
      if (throttled) stats.rateLimitWaits++;
      resumeAt.set(bucket, Math.max(resumeAt.get(bucket) ?? 0, Date.now() + wait));
    }
  }

  /** An absolute next link keeps only its path and query: the token is only ever sent to the org. */
  const onOrg = (link: string) => {
    const url = new URL(link, origin);
    return new URL(`${url.pathname}${url.search}`, origin);
  };

  const urlFor = (path: string, query: Record<string, string> = {}) => {
    const url = new URL(path, origin);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    return url;
  };

  return {
    stats,
    async get<T>(what: string, path: string, query?: Record<string, string>) {
      return (await (await request(what, urlFor(path, query))).json()) as T;
    },
    async list<T>(what: string, path: string, query?: Record<string, string>) {
      const items: T[] = [];
      let url: URL | undefined = urlFor(path, query);
      const seen = new Set<string>();
      while (url) {
        // A next link that points back to a page already read would page forever.
        if (seen.has(url.href))
          throw new Error(`${what}: Okta's next link repeats ${url.pathname}${url.search}`);
        seen.add(url.href);
        const response = await request(what, url);
        const page = (await response.json()) as T[] | { value?: T[]; _links?: { next?: { href?: string } } };
        if (Array.isArray(page)) {
          items.push(...page);
          const next = nextLink(response.headers.get('link'));
          url = next ? onOrg(next) : undefined;
        } else {
          // The IAM endpoints page in the body: { value: [...], _links: { next: { href } } }.
          items.push(...(page.value ?? []));
          const next = page._links?.next?.href;
          url = next ? onOrg(next) : undefined;
        }
      }
      return items;
    },
  };
}

import { recorded } from '../../engine/calls.js';
import { readFileSync } from 'node:fs';
import { createAppAuth } from '@octokit/auth-app';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { backoffDelay, sleep } from '../../core/backoff.js';
import { EndpointGaveUpError, isTimeout, TimeoutBreaker } from '../../core/breaker.js';
import type { Config } from '../../core/config.js';
import { InputError } from '../../engine/errors.js';
import { requestTimeoutMs } from '../../core/request-timeout.js';
import { TOOL_NAME, TOOL_VERSION } from '../../engine/version.js';
import { pacer, type Pacer } from '../../core/pacer.js';
import { BudgetExhaustedError, RateBudget, resourceOf, type RateResource } from './budget.js';
import { apiMessage, isRateLimited, RateLimitExhaustedError, statusOf } from './failure.js';
import { githubApiUrl, githubToken, hasAppCredentials } from './provider.js';

/** The REST API version soc2's calls are written against (GitHub REST API versions). */
export const GITHUB_API_VERSION = '2022-11-28';

const GithubOctokit = Octokit.plugin(throttling);
export type GithubClient = InstanceType<typeof GithubOctokit>;

export interface GithubStats {
  requests: number;
  retries: number;
  serverErrorRetries: number;
  rateLimitRemaining?: number;
  rateLimitLimit?: number;
  rateLimitReset?: string;
}

export interface GithubSession {
  octokit: GithubClient;
  org: string;
  baseUrl: string;
  auth: 'token' | 'app';
  stats: GithubStats;
  /** Organization rulesets fetched once per scan, shared by every repository they apply to. */
  orgRulesets: Map<number, Promise<unknown>>;
  /** The primary rate limits: no request is sent once one is spent (see budget.ts). */
  budget: RateBudget;
  /** Per-repository settings from GraphQL (false: REST only, providers.github.graphql: false). */
  graphql: boolean;
  /** Shared state of the GraphQL repository pages (graphql-repos.ts), created on first use. */
  repoPages?: unknown;
  /** The first GET /rate_limit, read once per scan. */
  budgetRead?: Promise<void>;
}

/**
 * GitHub's secondary limits: "No more than 900 points per minute are allowed for REST API endpoints,
 * and no more than 2,000 points per minute are allowed for the GraphQL API endpoint"; a GET is 1
 * point, a GraphQL query without mutations 1 point
 * (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits).
 */
export const POINTS_PER_MINUTE: Record<RateResource, number> = { core: 900, graphql: 2000 };

/** --no-wait (SOC2_NO_WAIT=1): a spent rate limit stops the provider instead of waiting for the reset. */
export function noWait(env: NodeJS.ProcessEnv): boolean {
  return env.SOC2_NO_WAIT === '1' || env.SOC2_NO_WAIT === 'true';
}

/** Attempts after the first one for a rate-limited request. */
const MAX_RATE_LIMIT_RETRIES = 3;
/** Attempts after the first one for a 5xx answer, a dropped connection or a timeout. */
const MAX_SERVER_ERROR_RETRIES = 2;

/**
 * Milliseconds per second of `retry-after`. GitHub's answer is honored as given (1000); tests and
 * impatient users shrink it with SOC2_GITHUB_RETRY_BASE_MS.
 */
function retryBaseMs(env: NodeJS.ProcessEnv): number {
  const raw = env.SOC2_GITHUB_RETRY_BASE_MS;
  if (raw === undefined || raw === '') return 1000;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    throw new InputError(
      `SOC2_GITHUB_RETRY_BASE_MS must be a non-negative number of milliseconds, got '${raw}'`,
    );
  }
  return value;
}

function readPrivateKey(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new InputError([{ file, message: `cannot read the GitHub App private key (${code})` }]);
  }
}

export function createGithubSession(
  config: Config,
  env: NodeJS.ProcessEnv,
  signal: AbortSignal,
): GithubSession {
  const gh = config.providers.github ?? {};
  const baseUrl = githubApiUrl(config, env);
  const stats: GithubStats = { requests: 0, retries: 0, serverErrorRetries: 0 };
  const base = retryBaseMs(env);

  const timeout = requestTimeoutMs(env);
  const budget = new RateBudget({ noWait: noWait(env) });
  // A minute is 60 retry-after seconds, so tests that shrink those shrink the pacing window too.
  const paces: Record<RateResource, Pacer> = {
    core: pacer(POINTS_PER_MINUTE.core, 60 * base),
    graphql: pacer(POINTS_PER_MINUTE.graphql, 60 * base),
  };
  const countingFetch: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const resource = resourceOf(url);
    if (resource) {
      await paces[resource](init?.signal ?? undefined);
      await budget.acquire(resource, init?.signal ?? undefined);
    }
    let response: Response | undefined;
    try {
      stats.requests += 1;
      const timer = AbortSignal.timeout(timeout);
      response = await fetch(input, {
        ...init,
        signal: init?.signal ? AbortSignal.any([init.signal, timer]) : timer,
      });
    } finally {
      if (resource) budget.release(resource, response?.headers);
    }
    // The stats show the REST (core) budget; GraphQL's is its own and counted by the budget.
    const counted = (response.headers.get('x-ratelimit-resource') ?? 'core') === 'core';
    const remaining = counted ? response.headers.get('x-ratelimit-remaining') : null;
    const limit = counted ? response.headers.get('x-ratelimit-limit') : null;
    const reset = counted ? response.headers.get('x-ratelimit-reset') : null;
    if (remaining !== null && remaining !== '') stats.rateLimitRemaining = Number(remaining);
    if (limit !== null && limit !== '') stats.rateLimitLimit = Number(limit);
    if (reset) stats.rateLimitReset = new Date(Number(reset) * 1000).toISOString();
    return response;
  };

  // 5xx answers, dropped connections and timeouts are retried here, with exponential backoff and
  // jitter (at least any retry-after); what is still failing then reaches Octokit as a 5xx.
  const breaker = new TimeoutBreaker(`GitHub's API at ${baseUrl}`, timeout);
  const retryingFetch: typeof fetch = async (input, init) => {
    for (let attempt = 0; ; attempt++) {
      let retryAfter = 0;
      try {
        breaker.check();
        const response = await countingFetch(input, init);
        breaker.answered();
        if (response.status < 500 || attempt >= MAX_SERVER_ERROR_RETRIES) return response;
        retryAfter = Number(response.headers.get('retry-after')) || 0;
        await response.body?.cancel();
      } catch (error) {
        if (isTimeout(error)) breaker.timedOut();
        if (error instanceof EndpointGaveUpError || error instanceof BudgetExhaustedError) throw error;
        if (init?.signal?.aborted || attempt >= MAX_SERVER_ERROR_RETRIES) throw error;
      }
      stats.serverErrorRetries += 1;
      const backoff = backoffDelay({ baseDelayMs: base, maxDelayMs: 30 * base }, attempt);
      await sleep(Math.max(retryAfter * base, backoff), init?.signal ?? undefined);
    }
  };

  // The throttling plugin then waits exactly what GitHub asks: retry-after (60 s without one) or
  // until the reset. On top of that, a repeated secondary limit waits exponentially longer, as GitHub's
  // docs ask, and every retry waits a random extra (up to half the wait; up to a second after a reset)
  // so that clients limited together do not come back together.
  // A primary limit is waited out (the budget shows the countdown to every other request), unless the
  // scan was told not to wait.
  const shouldRetry = async (retryAfter: number, retryCount: number, primary: boolean): Promise<boolean> => {
    if (retryCount >= MAX_RATE_LIMIT_RETRIES) return false;
    if (primary && budget.stopsWhenSpent) return false;
    try {
      await sleep(extraRateLimitWait(retryAfter * base, retryCount, primary, base), signal);
    } catch {
      return false;
    }
    stats.retries += 1;
    return true;
  };

  const useApp = !githubToken(env) && hasAppCredentials(config);
  const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
  const octokit = new GithubOctokit({
    baseUrl,
    userAgent: `${TOOL_NAME}/${TOOL_VERSION}`,
    log: silent,
    request: { fetch: retryingFetch, signal },
    ...(useApp
      ? {
          authStrategy: createAppAuth,
          auth: {
            appId: Number(gh.appId),
            privateKey: readPrivateKey(gh.privateKey!),
            installationId: Number(gh.installationId),
          },
        }
      : { auth: githubToken(env) }),
    throttle: {
      retryAfterBaseValue: base,
      onRateLimit: (retryAfter: number, _options: object, _octokit: unknown, retryCount: number) =>
        shouldRetry(retryAfter, retryCount, true),
      onSecondaryRateLimit: (retryAfter: number, _options: object, _octokit: unknown, retryCount: number) =>
        shouldRetry(retryAfter, retryCount, false),
    },
  });
  // A pinned REST API version: unversioned requests get whatever GitHub's default becomes.
  octokit.hook.before('request', (options) => {
    options.headers['x-github-api-version'] = GITHUB_API_VERSION;
  });
  octokit.hook.wrap('request', async (request, options) => {
    const { method, url, baseUrl: _base, headers: _headers, request: _request, ...params } = options;
    return recorded(`${method} ${url}`, params, async () => request(options));
  });
  // Outermost hooks, so they see what is left after the retry and throttling plugins gave up.
  octokit.hook.after('request', (response, options) => {
    // An HTML page or broken JSON (a proxy, a wrong baseUrl) must not read as "nothing there".
    if (typeof response.data === 'string' && response.data !== '') {
      throw new Error(
        `${options.method} ${String(options.url)} answered ${response.status} with something that is not GitHub's JSON (is the API URL ${baseUrl} right?)`,
      );
    }
  });
  octokit.hook.error('request', (error) => {
    const unsent = (error as { cause?: unknown }).cause;
    if (unsent instanceof BudgetExhaustedError) throw new RateLimitExhaustedError(undefined, unsent.message);
    // A rate limit that outlasted the retries is a failure to report, not a missing permission.
    if (isRateLimited(error)) {
      const status = statusOf(error)!;
      throw new RateLimitExhaustedError(
        status,
        `rate limited by GitHub (${status} ${apiMessage(error)}), retries exhausted`,
      );
    }
    throw error;
  });
  return {
    octokit,
    org: gh.org!,
    baseUrl,
    auth: useApp ? 'app' : 'token',
    stats,
    orgRulesets: new Map(),
    budget,
    graphql: gh.graphql !== false,
  };
}

/**
 * What a rate-limited retry waits beyond the `waitMs` GitHub asked for: after a primary limit's reset,
 * up to one `secondMs` at random; after a secondary limit, the wait doubled per earlier retry plus up
 * to half of it at random.
 */
export function extraRateLimitWait(
  waitMs: number,
  retryCount: number,
  primary: boolean,
  secondMs: number,
  random = Math.random,
): number {
  if (primary) return random() * secondMs;
  return waitMs * (2 ** retryCount - 1) + (random() * waitMs) / 2;
}

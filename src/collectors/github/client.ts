import { readFileSync } from 'node:fs';
import { createAppAuth } from '@octokit/auth-app';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { Config } from '../../core/config.js';
import { InputError } from '../../core/errors.js';
import { TOOL_NAME, TOOL_VERSION } from '../../core/version.js';
import { githubApiUrl, githubToken, hasAppCredentials } from './provider.js';

const GithubOctokit = Octokit.plugin(throttling, retry);
export type GithubClient = InstanceType<typeof GithubOctokit>;

export interface GithubStats {
  requests: number;
  retries: number;
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
}

/** Attempts after the first one for a rate-limited request. */
const MAX_RATE_LIMIT_RETRIES = 3;
/** A primary limit that resets later than this gives up instead of stalling the scan. */
const MAX_PRIMARY_WAIT_SECONDS = 300;

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
  const stats: GithubStats = { requests: 0, retries: 0 };
  const base = retryBaseMs(env);

  const countingFetch: typeof fetch = async (input, init) => {
    stats.requests += 1;
    const response = await fetch(input, init);
    const remaining = response.headers.get('x-ratelimit-remaining');
    const limit = response.headers.get('x-ratelimit-limit');
    const reset = response.headers.get('x-ratelimit-reset');
    if (remaining !== null && remaining !== '') stats.rateLimitRemaining = Number(remaining);
    if (limit !== null && limit !== '') stats.rateLimitLimit = Number(limit);
    if (reset) stats.rateLimitReset = new Date(Number(reset) * 1000).toISOString();
    return response;
  };

  const shouldRetry = (retryAfter: number, retryCount: number, primary: boolean): boolean => {
    if (retryCount >= MAX_RATE_LIMIT_RETRIES) return false;
    if (primary && retryAfter > MAX_PRIMARY_WAIT_SECONDS) return false;
    stats.retries += 1;
    return true;
  };

  const useApp = !githubToken(env) && hasAppCredentials(config);
  const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
  const octokit = new GithubOctokit({
    baseUrl,
    userAgent: `${TOOL_NAME}/${TOOL_VERSION}`,
    log: silent,
    request: { fetch: countingFetch, signal },
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
    // Server errors (5xx) are retried here with a short backoff; rate limits (403/429) belong to the
    // throttling plugin, which honors retry-after.
    retry: {
      retries: 2,
      retryAfterBaseValue: base,
      doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451],
    },
  });
  return {
    octokit,
    org: gh.org!,
    baseUrl,
    auth: useApp ? 'app' : 'token',
    stats,
    orgRulesets: new Map(),
  };
}

/** The HTTP status of an Octokit RequestError, or undefined for anything else. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** GitHub's `message` from an error body, never headers (which carry the credentials). */
export function apiMessage(error: unknown): string {
  const data = (error as { response?: { data?: unknown } } | null)?.response?.data;
  const message = (data as { message?: unknown } | null | undefined)?.message;
  if (typeof message === 'string') return message;
  return error instanceof Error ? error.message : String(error);
}

/** Turns an API failure into an error that says which call failed and why, without request details. */
export function describeFailure(what: string, error: unknown): Error {
  const status = statusOf(error);
  if (status === 401) {
    return new Error(`${what}: GitHub rejected the credentials (401 ${apiMessage(error)})`);
  }
  if (status !== undefined) return new Error(`${what}: ${status} ${apiMessage(error)}`);
  return new Error(`${what}: ${error instanceof Error ? error.message : String(error)}`);
}
